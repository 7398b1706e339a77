package io.bulwark.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestorePhase;
import io.bulwark.contracts.RestoreProgressed;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreRequested;
import io.bulwark.contracts.RestoreState;
import io.bulwark.contracts.RestoredDatabase;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RestoreProjectorTest {

    private static final Instant NOW = Instant.parse("2026-12-02T11:00:00Z");
    private static final Instant T0 = Instant.parse("2026-12-02T10:15:00Z");
    private static final UUID RESTORE = UUID.fromString("6f1c2a9e-3b7d-4c1e-9a55-0d2f7e8b1c40");
    private static final UUID BACKUP = UUID.fromString("0b6e3c52-8f5d-4a1b-9e3a-7c2d1f0a9b84");
    private static final String PREFIX = "chinook/2026/12/nightly_20261201T020000Z_0b6e3c52/";
    private static final RestoredDatabase STAGING = new RestoredDatabase(
            "staging", "postgresql", "db-staging.internal", 5432, "chinook_copy", true, false, "15.20");

    private final RestoreRequested requested = new RestoreRequested(
            uuid(1),
            T0,
            1,
            RESTORE,
            "chinook",
            BACKUP,
            PREFIX,
            null,
            "staging",
            null,
            "chinook_copy",
            false,
            null,
            List.of(),
            List.of("public.album"),
            false,
            2,
            "api",
            T0);
    private final RestoreProgressed restoring = progress(2, T0.plusSeconds(5), RestorePhase.RESTORE, 40, 5000);
    private final RestoreProgressed proving = progress(3, T0.plusSeconds(9), RestorePhase.PROVE, 100, 9000);
    private final RestoreCompleted completed = new RestoreCompleted(
            uuid(4),
            T0.plusSeconds(10),
            1,
            RESTORE,
            "chinook",
            BACKUP,
            PREFIX,
            STAGING,
            false,
            List.of(new CheckResult("row-counts", CheckStatus.PASSED, "11 tables match", 41)),
            new RestoreReport.Timings(120, 8120, 310, 8600),
            PREFIX + "restores/" + RESTORE + "/restore.json",
            PREFIX + "restores/" + RESTORE + "/restore.html");
    private final RestoreFailed failed = new RestoreFailed(
            uuid(5),
            T0.plusSeconds(10),
            1,
            RESTORE,
            "chinook",
            BACKUP,
            PREFIX,
            RestoreFailureReason.PROOF_FAILED,
            "row counts differ",
            STAGING,
            true,
            List.of(new CheckResult("row-counts", CheckStatus.FAILED, "album: 347 != 340", 41)),
            PREFIX + "restores/" + RESTORE + "/restore.json",
            null);

    @Test
    void inOrderEventsGoFromRequestedToRunningToSucceeded() {
        Restore r = RestoreProjector.project(null, requested, NOW);
        assertThat(r.state()).isEqualTo(RestoreState.REQUESTED);
        assertThat(r.request().destinationId()).isEqualTo("staging");
        assertThat(r.request().tables()).containsExactly("public.album");
        assertThat(r.request().jobs()).isEqualTo(2);
        assertThat(r.backupId()).isEqualTo(BACKUP);
        assertThat(r.firstSeenAt()).isEqualTo(NOW);

        r = RestoreProjector.project(r, restoring, NOW);
        assertThat(r.state()).isEqualTo(RestoreState.RUNNING);
        assertThat(r.progress().percent()).isEqualTo(40);
        assertThat(r.progress().phase()).isEqualTo(RestorePhase.RESTORE);

        r = RestoreProjector.project(r, completed, NOW);
        assertThat(r.state()).isEqualTo(RestoreState.SUCCEEDED);
        assertThat(r.result().reportKey()).endsWith("/restore.json");
        assertThat(r.result().destination()).isEqualTo(STAGING);
        assertThat(r.result().checks()).extracting(CheckResult::name).containsExactly("row-counts");
    }

    @Test
    void everyArrivalOrderOfRequestProgressAndCompletionEndsInTheSameSucceededRestore() {
        List<List<BulwarkEvent>> orders = permutations(List.of(requested, restoring, proving, completed));
        Restore expected = foldAll(orders.getFirst());
        assertThat(expected.state()).isEqualTo(RestoreState.SUCCEEDED);
        assertThat(expected.progress().phase()).isEqualTo(RestorePhase.PROVE);
        for (List<BulwarkEvent> order : orders) {
            assertThat(foldAll(order)).as(names(order)).isEqualTo(expected);
        }
    }

    @Test
    void everyArrivalOrderOfRequestProgressAndFailureEndsInTheSameFailedRestore() {
        List<List<BulwarkEvent>> orders = permutations(List.of(requested, restoring, failed));
        Restore expected = foldAll(orders.getFirst());
        assertThat(expected.state()).isEqualTo(RestoreState.FAILED);
        assertThat(expected.result().reason()).isEqualTo(RestoreFailureReason.PROOF_FAILED);
        assertThat(expected.result().message()).isEqualTo("row counts differ");
        assertThat(expected.result().databaseDropped()).isTrue();
        for (List<BulwarkEvent> order : orders) {
            assertThat(foldAll(order)).as(names(order)).isEqualTo(expected);
        }
    }

    @Test
    void progressArrivingAfterTheCompletionKeepsTheRestoreSucceeded() {
        Restore done = foldAll(List.of(requested, completed));

        Restore late = RestoreProjector.project(done, restoring, NOW);

        assertThat(late.state()).isEqualTo(RestoreState.SUCCEEDED);
        assertThat(late.result()).isEqualTo(done.result());
    }

    @Test
    void progressArrivingAfterAFailureKeepsTheRestoreFailed() {
        Restore done = foldAll(List.of(requested, failed));

        assertThat(RestoreProjector.project(done, proving, NOW).state()).isEqualTo(RestoreState.FAILED);
    }

    @Test
    void completionBeforeTheRequestEndsSucceededAndTheLateRequestStillFillsWhatWasAsked() {
        Restore r = RestoreProjector.project(null, completed, NOW);
        assertThat(r.state()).isEqualTo(RestoreState.SUCCEEDED);
        assertThat(r.request()).isNull();

        r = RestoreProjector.project(r, requested, NOW);

        assertThat(r.state()).isEqualTo(RestoreState.SUCCEEDED);
        assertThat(r.request().database()).isEqualTo("chinook_copy");
    }

    @Test
    void progressBeforeTheRequestIsRunningAndStaysRunningWhenTheRequestArrives() {
        Restore r = RestoreProjector.project(null, restoring, NOW);
        assertThat(r.state()).isEqualTo(RestoreState.RUNNING);

        assertThat(RestoreProjector.project(r, requested, NOW).state()).isEqualTo(RestoreState.RUNNING);
    }

    @Test
    void anOlderProgressArrivingLateDoesNotReplaceTheLatest() {
        Restore r = foldAll(List.of(requested, proving, restoring));

        assertThat(r.progress().phase()).isEqualTo(RestorePhase.PROVE);
        assertThat(r.progress().percent()).isEqualTo(100);
    }

    @Test
    void applyingAnEventTwiceChangesNothing() {
        Restore once = foldAll(List.of(requested, restoring, completed));
        Restore twice = foldAll(List.of(requested, restoring, restoring, completed, requested, completed));

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void ofTwoResultsTheLaterOneWinsInEitherOrder() {
        RestoreFailed interrupted = new RestoreFailed(
                uuid(6),
                T0.plusSeconds(3),
                1,
                RESTORE,
                "chinook",
                BACKUP,
                PREFIX,
                RestoreFailureReason.INTERRUPTED,
                "the verifier stopped",
                null,
                false,
                List.of(),
                null,
                null);

        assertThat(foldAll(List.of(interrupted, completed)).state()).isEqualTo(RestoreState.SUCCEEDED);
        assertThat(foldAll(List.of(completed, interrupted)).state()).isEqualTo(RestoreState.SUCCEEDED);
    }

    @Test
    void aRestoreRequestedWithoutBackupGetsItsBackupFromTheVerifiersEvents() {
        RestoreRequested newest = new RestoreRequested(
                uuid(7), T0, 1, RESTORE, "chinook", null, null, null, null, null, null, false, null, null, null, false,
                null, "ops", T0);

        Restore r = foldAll(List.of(newest, restoring, completed));

        assertThat(r.backupId()).isEqualTo(BACKUP);
        assertThat(r.prefix()).isEqualTo(PREFIX);
    }

    @Test
    void eventsWithoutRestoreIdOrOfAnotherKindAreRejected() {
        RestoreProgressed noId = new RestoreProgressed(
                uuid(8), T0, 1, null, "chinook", BACKUP, RestorePhase.RESTORE, 1, 2, 1, 50, null, 1);
        assertThatThrownBy(() -> RestoreProjector.project(null, noId, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("restoreId");
        BackupRequested backup = BackupRequested.of("chinook", Trigger.MANUAL, null, null, Tier.ADHOC, "api");
        assertThatThrownBy(() -> RestoreProjector.restoreIdOf(backup)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewRestoreNeedsATargetAndAnEventOfAnotherRestoreIsRejected() {
        RestoreProgressed noTarget = new RestoreProgressed(
                uuid(9), T0, 1, RESTORE, null, BACKUP, RestorePhase.RESTORE, 1, 2, 1, 50, null, 1);
        assertThatThrownBy(() -> RestoreProjector.project(null, noTarget, NOW)).hasMessageContaining("targetId");

        Restore other = RestoreProjector.project(
                null,
                new RestoreProgressed(
                        uuid(10),
                        T0,
                        1,
                        UUID.randomUUID(),
                        "chinook",
                        BACKUP,
                        RestorePhase.RESTORE,
                        1,
                        2,
                        1,
                        50,
                        null,
                        1),
                NOW);
        assertThatThrownBy(() -> RestoreProjector.project(other, requested, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RestoreProgressed progress(int n, Instant at, RestorePhase phase, int percent, long elapsed) {
        return new RestoreProgressed(
                uuid(n),
                at,
                1,
                RESTORE,
                "chinook",
                BACKUP,
                phase,
                percent * 10L,
                1000,
                percent * 30L,
                percent,
                5L,
                elapsed);
    }

    private static Restore foldAll(List<BulwarkEvent> events) {
        Restore r = null;
        for (BulwarkEvent event : events) {
            r = RestoreProjector.project(r, event, NOW);
        }
        return r;
    }

    private static String names(List<BulwarkEvent> order) {
        return order.stream().map(e -> e.getClass().getSimpleName()).toList().toString();
    }

    private static UUID uuid(int n) {
        return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
    }

    private static List<List<BulwarkEvent>> permutations(List<BulwarkEvent> events) {
        if (events.isEmpty()) {
            return List.of(List.of());
        }
        List<List<BulwarkEvent>> all = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            List<BulwarkEvent> rest = new ArrayList<>(events);
            BulwarkEvent head = rest.remove(i);
            for (List<BulwarkEvent> tail : permutations(rest)) {
                List<BulwarkEvent> order = new ArrayList<>();
                order.add(head);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
