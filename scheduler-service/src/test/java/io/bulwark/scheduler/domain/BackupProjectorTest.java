package io.bulwark.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.DeletionReason;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.RestoreRequested;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.contracts.VerificationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BackupProjectorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private static final UUID ID = UUID.fromString("1a2b3c4d-5e6f-4a70-8b91-a2b3c4d5e6f7");
    private static final String PREFIX = "chinook/2026/11/nightly_20261123T020000Z_1a2b3c4d/";

    private final BackupRequested requested = new BackupRequested(
            uuid(1), T0, 1, ID, "chinook", Trigger.SCHEDULED, "nightly", "nightly", Tier.DAILY, T0, "scheduler");
    private final BackupFailed failedFirstAttempt = new BackupFailed(
            uuid(2), T0.plusSeconds(1), 1, ID, ID, "chinook", FailureReason.CONNECTION_REFUSED, "refused", 1, 1, true);
    private final BackupCompleted completed = new BackupCompleted(
            uuid(3),
            T0.plusSeconds(9),
            1,
            ID,
            ID,
            "chinook",
            "nightly",
            Tier.DAILY,
            Trigger.SCHEDULED,
            PREFIX,
            new ArtifactRef(
                    "bulwark",
                    PREFIX + "dump.pgcustom.zst",
                    "pg_dump-custom",
                    List.of("zstd"),
                    301245,
                    1052672,
                    "a",
                    "b"),
            PREFIX + "manifest.json",
            null,
            T0,
            T0.plusSeconds(9),
            8912);
    private final BackupVerified passed = verified(4, T0.plusSeconds(30), Outcome.PASSED, "verification.json");
    private final BackupVerified reVerifiedFailed =
            verified(5, T0.plusSeconds(3600), Outcome.FAILED, "verification-2.json");
    private final BackupDeleted deleted = new BackupDeleted(
            uuid(6), T0.plusSeconds(7200), 1, ID, "chinook", DeletionReason.RETENTION, "keepLast=7", PREFIX, 3);

    @Test
    void inOrderEventsWalkTheLifecycle() {
        Backup b = project(null, requested).backup();
        assertThat(b.state()).isEqualTo(BackupState.REQUESTED);
        b = project(b, completed).backup();
        assertThat(b.state()).isEqualTo(BackupState.COMPLETED);
        assertThat(b.artifactKey()).isEqualTo(PREFIX + "dump.pgcustom.zst");
        assertThat(b.storedBytes()).isEqualTo(301245L);
        b = project(b, passed).backup();
        assertThat(b.state()).isEqualTo(BackupState.VERIFIED);
        assertThat(b.reportKey()).isEqualTo(PREFIX + "verification.json");
        assertThat(b.failedChecks()).isEmpty();
        b = project(b, deleted).backup();
        assertThat(b.state()).isEqualTo(BackupState.DELETED);
        assertThat(b.deletedAt()).isEqualTo(deleted.occurredAt());
        assertThat(b.deletionReason()).isEqualTo(DeletionReason.RETENTION);
    }

    @Test
    void everyArrivalOrderConvergesToTheSameBackup() {
        List<BulwarkEvent> events =
                List.of(requested, failedFirstAttempt, completed, passed, reVerifiedFailed, deleted);
        Backup expected = foldAll(events);
        assertThat(expected.state()).isEqualTo(BackupState.DELETED);
        assertThat(expected.verificationOutcome()).isEqualTo(Outcome.FAILED);
        assertThat(expected.reportKey()).isEqualTo(PREFIX + "verification-2.json");
        assertThat(expected.failedChecks()).containsExactly("checksum");
        assertThat(expected.requestedBy()).isEqualTo("scheduler");
        assertThat(expected.artifactKey()).isEqualTo(PREFIX + "dump.pgcustom.zst");

        Set<Backup> results = new HashSet<>();
        for (List<BulwarkEvent> order : permutations(events)) {
            results.add(foldAll(order));
        }
        assertThat(results).containsExactly(expected);
    }

    @Test
    void everyArrivalOrderWithoutDeletionEndsInTheLatestVerification() {
        List<BulwarkEvent> events = List.of(requested, failedFirstAttempt, completed, passed, reVerifiedFailed);
        Set<Backup> results = new HashSet<>();
        for (List<BulwarkEvent> order : permutations(events)) {
            results.add(foldAll(order));
        }
        assertThat(results).hasSize(1);
        assertThat(results.iterator().next().state()).isEqualTo(BackupState.VERIFICATION_FAILED);
    }

    @Test
    void duplicatesInAnyOrderChangeNothing() {
        List<BulwarkEvent> events = List.of(requested, completed, passed, reVerifiedFailed, deleted);
        Backup expected = foldAll(events);
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            List<BulwarkEvent> shuffled = new ArrayList<>(events);
            shuffled.addAll(events);
            Collections.shuffle(shuffled, random);
            assertThat(foldAll(shuffled)).isEqualTo(expected);
        }
    }

    @Test
    void verifiedBeforeCompletedEndsVerifiedWithTheArtifactFields() {
        Projection first = project(null, passed);
        assertThat(first.backup().state()).isEqualTo(BackupState.VERIFIED);
        Projection late = project(first.backup(), completed);
        assertThat(late.backup().state()).isEqualTo(BackupState.VERIFIED);
        assertThat(late.transitionIgnored()).isTrue();
        assertThat(late.backup().manifestKey()).isEqualTo(PREFIX + "manifest.json");
        assertThat(late.backup().reportKey()).isEqualTo(PREFIX + "verification.json");
    }

    @Test
    void completedAfterAFailedAttemptWins() {
        Backup failedFirst =
                project(project(null, failedFirstAttempt).backup(), completed).backup();
        assertThat(failedFirst.state()).isEqualTo(BackupState.COMPLETED);
        Projection lateFailure = project(project(null, completed).backup(), failedFirstAttempt);
        assertThat(lateFailure.backup().state()).isEqualTo(BackupState.COMPLETED);
        assertThat(lateFailure.transitionIgnored()).isTrue();
    }

    @Test
    void failedBackupKeepsReasonAndMessage() {
        Backup b =
                project(project(null, requested).backup(), failedFirstAttempt).backup();
        assertThat(b.state()).isEqualTo(BackupState.FAILED);
        assertThat(b.failureReason()).isEqualTo(FailureReason.CONNECTION_REFUSED);
        assertThat(b.failureMessage()).isEqualTo("refused");
        assertThat(b.failureExitCode()).isEqualTo(1);
    }

    @Test
    void olderVerificationArrivingLateIsIgnored() {
        Backup latest =
                project(project(null, completed).backup(), reVerifiedFailed).backup();
        Projection stale = project(latest, passed);
        assertThat(stale.backup().state()).isEqualTo(BackupState.VERIFICATION_FAILED);
        assertThat(stale.proposed()).isNull();
        assertThat(stale.backup().reportKey()).isEqualTo(PREFIX + "verification-2.json");
    }

    @Test
    void verificationOutcomesMapToStates() {
        Backup b = project(null, completed).backup();
        assertThat(project(b, verified(7, T0.plusSeconds(60), Outcome.ERROR, "v.json"))
                        .backup()
                        .state())
                .isEqualTo(BackupState.VERIFICATION_ERROR);
    }

    @Test
    void eventWithoutTargetCannotCreateABackup() {
        BackupCompleted noTarget = new BackupCompleted(
                uuid(8), T0, 1, ID, ID, null, null, null, null, PREFIX, null, null, null, T0, T0, 1);
        assertThatThrownBy(() -> project(null, noTarget))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetId");
    }

    @Test
    void eventWithoutBackupIdIsRejected() {
        BackupDeleted noId = new BackupDeleted(uuid(9), T0, 1, null, "chinook", DeletionReason.MANUAL, null, PREFIX, 1);
        assertThatThrownBy(() -> BackupProjector.backupIdOf(noId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backupId");
    }

    @Test
    void restoreEventsAreNotFoldedIntoBackups() {
        RestoreRequested restore = new RestoreRequested(
                null, T0, 1, uuid(10), "chinook", ID, PREFIX, null, null, null, null, false, null, null, null, false,
                null, "api", T0);
        assertThatThrownBy(() -> BackupProjector.backupIdOf(restore))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("restore");
        assertThatThrownBy(() -> project(null, restore)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timingsComeFromTheDumpAndTheLatestVerificationInEveryArrivalOrder() {
        List<BulwarkEvent> events = List.of(requested, completed, passed, reVerifiedFailed);
        for (List<BulwarkEvent> order : permutations(events)) {
            Backup b = foldAll(order);
            assertThat(b.startedAt()).as("%s", order).isEqualTo(T0);
            assertThat(b.dumpMillis()).isEqualTo(8912L);
            assertThat(b.verifyMillis()).as("%s", order).isEqualTo(10_000L);
            assertThat(b.restoreMillis()).as("%s", order).isEqualTo(5000L);
        }
        Backup onlyPassed = foldAll(List.of(requested, completed, passed));
        assertThat(onlyPassed.verifyMillis()).isEqualTo(8000L);
        assertThat(onlyPassed.restoreMillis()).isEqualTo(4000L);
    }

    @Test
    void aVerificationWithoutTimingsLeavesThemUnknown() {
        BackupVerified untimed = new BackupVerified(
                uuid(9),
                T0.plusSeconds(60),
                1,
                ID,
                "chinook",
                Outcome.PASSED,
                List.of(),
                null,
                "local",
                PREFIX + "verification.json",
                PREFIX,
                T0.plusSeconds(9),
                Tier.DAILY);
        Backup b = foldAll(List.of(requested, untimed));
        assertThat(b.verifyMillis()).isNull();
        assertThat(b.restoreMillis()).isNull();
        assertThat(b.dumpMillis()).isNull();
        assertThat(b.startedAt()).isNull();
    }

    private static Projection project(Backup current, BulwarkEvent event) {
        return BackupProjector.project(current, event, NOW);
    }

    private static Backup foldAll(List<BulwarkEvent> events) {
        Backup b = null;
        for (BulwarkEvent e : events) {
            b = project(b, e).backup();
        }
        return b;
    }

    private static BackupVerified verified(int n, Instant at, Outcome outcome, String report) {
        List<CheckResult> checks = List.of(
                new CheckResult("checksum", outcome == Outcome.FAILED ? CheckStatus.FAILED : CheckStatus.PASSED, "", 1),
                new CheckResult("restore", CheckStatus.PASSED, "", 2));
        return new BackupVerified(
                uuid(n),
                at,
                1,
                ID,
                "chinook",
                outcome,
                checks,
                new VerificationReport.Timings(100L * n, 1000L * n, 50, 2000L * n),
                "local",
                PREFIX + report,
                PREFIX,
                T0.plusSeconds(9),
                Tier.DAILY);
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
