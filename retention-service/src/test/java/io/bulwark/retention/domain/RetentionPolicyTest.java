package io.bulwark.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

    /** Backup number {@code day} of target chinook, taken {@code day} days after T0. */
    private static CatalogedBackup backup(int day, Outcome outcome) {
        UUID id = UUID.nameUUIDFromBytes(("backup-" + day).getBytes());
        return new CatalogedBackup(
                id,
                "chinook",
                "chinook/2026/11/nightly_" + day + "/",
                Tier.DAILY,
                T0.plusSeconds(86_400L * day),
                outcome);
    }

    private static List<Integer> deletedDays(List<RetentionDecision> decisions) {
        return decisions.stream()
                .filter(RetentionDecision::expires)
                .map(d -> (int) ((d.backup().completedAt().getEpochSecond() - T0.getEpochSecond()) / 86_400L))
                .sorted()
                .toList();
    }

    @Test
    void keepsTheSevenNewestVerifiedBackupsAndDeletesOlderOnes() {
        List<CatalogedBackup> backups = new ArrayList<>();
        for (int day = 1; day <= 10; day++) {
            backups.add(backup(day, Outcome.PASSED));
        }
        Collections.shuffle(backups);

        List<RetentionDecision> decisions = RetentionPolicy.keepLast(7).decide(backups);

        assertThat(deletedDays(decisions)).containsExactly(1, 2, 3);
        assertThat(decisions).hasSize(10);
        assertThat(decisions.getFirst().backup().completedAt())
                .isEqualTo(backup(10, Outcome.PASSED).completedAt());
        assertThat(decisions)
                .filteredOn(RetentionDecision::expires)
                .allSatisfy(d -> assertThat(d.reason()).isEqualTo("older than the 7 most recent verified backups"));
        assertThat(decisions)
                .filteredOn(d -> !d.expires())
                .allSatisfy(d -> assertThat(d.reason()).isEqualTo("one of the 7 most recent verified backups"));
    }

    @Test
    void failedVerificationsNeverCountAsOneOfTheKeptBackups() {
        List<CatalogedBackup> backups = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            backups.add(backup(day, Outcome.PASSED));
        }
        backups.add(backup(8, Outcome.FAILED));
        backups.add(backup(9, Outcome.ERROR));
        backups.add(backup(10, Outcome.FAILED));

        List<RetentionDecision> decisions = RetentionPolicy.keepLast(7).decide(backups);

        assertThat(deletedDays(decisions)).isEmpty();
        assertThat(decisions)
                .filteredOn(d -> d.backup().outcome() == Outcome.FAILED)
                .allSatisfy(d ->
                        assertThat(d.reason()).startsWith("verification FAILED (does not count toward keepLast=7)"));
    }

    @Test
    void failedVerificationsOlderThanTheOldestKeptVerifiedBackupExpire() {
        List<CatalogedBackup> backups = List.of(
                backup(1, Outcome.FAILED),
                backup(2, Outcome.ERROR),
                backup(3, Outcome.PASSED),
                backup(4, Outcome.PASSED),
                backup(5, Outcome.FAILED),
                backup(6, Outcome.PASSED),
                backup(7, null));

        List<RetentionDecision> decisions = RetentionPolicy.keepLast(2).decide(backups);

        assertThat(deletedDays(decisions)).containsExactly(1, 2, 3);
        assertThat(decisions)
                .filteredOn(RetentionDecision::expires)
                .extracting(RetentionDecision::reason)
                .containsExactly(
                        "older than the 2 most recent verified backups",
                        "verification ended in ERROR and older than the 2 most recent verified backups",
                        "verification FAILED and older than the 2 most recent verified backups");
    }

    @Test
    void unverifiedBackupsNewerThanTheOldestKeptVerifiedOneAreKept() {
        List<CatalogedBackup> backups = List.of(
                backup(1, Outcome.PASSED), backup(2, Outcome.PASSED), backup(3, Outcome.FAILED), backup(4, null));

        List<RetentionDecision> decisions = RetentionPolicy.keepLast(1).decide(backups);

        assertThat(deletedDays(decisions)).containsExactly(1);
        assertThat(decisions.get(0).reason())
                .isEqualTo("not verified yet (does not count toward keepLast=1); "
                        + "newer than the oldest kept verified backup; may still be re-verified or inspected");
    }

    @Test
    void newestVerifiedBackupIsNeverDeletedEvenWhenEverythingNewerFailed() {
        List<CatalogedBackup> backups = new ArrayList<>();
        backups.add(backup(1, Outcome.PASSED));
        for (int day = 2; day <= 20; day++) {
            backups.add(backup(day, Outcome.FAILED));
        }

        List<RetentionDecision> decisions = RetentionPolicy.keepLast(1).decide(backups);

        assertThat(deletedDays(decisions)).isEmpty();
        assertThat(decisions)
                .filteredOn(d -> d.backup().verified())
                .singleElement()
                .satisfies(d -> assertThat(d.expires()).isFalse());
    }

    @Test
    void deletesNothingWhileFewerThanNVerifiedBackupsExist() {
        List<CatalogedBackup> backups = List.of(
                backup(1, Outcome.FAILED),
                backup(2, Outcome.PASSED),
                backup(3, Outcome.ERROR),
                backup(4, Outcome.PASSED));

        List<RetentionDecision> decisions = RetentionPolicy.keepLast(7).decide(backups);

        assertThat(decisions).hasSize(4).noneMatch(RetentionDecision::expires);
        assertThat(decisions.getLast().reason())
                .isEqualTo("verification FAILED (does not count toward keepLast=7); "
                        + "fewer than 7 verified backups exist, nothing expires yet");
        assertThat(RetentionPolicy.keepLast(7).decide(List.of())).isEmpty();
    }

    @Test
    void keepLastIsConfigurable() {
        List<CatalogedBackup> backups = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            backups.add(backup(day, Outcome.PASSED));
        }

        assertThat(deletedDays(RetentionPolicy.keepLast(1).decide(backups))).containsExactly(1, 2, 3, 4);
        assertThat(deletedDays(RetentionPolicy.keepLast(3).decide(backups))).containsExactly(1, 2);
        assertThat(deletedDays(RetentionPolicy.keepLast(5).decide(backups))).isEmpty();
        assertThat(RetentionPolicy.keepLast(3).name()).isEqualTo("keepLast=3");
    }

    @Test
    void keepLastBelowOneIsRejected() {
        assertThatThrownBy(() -> RetentionPolicy.keepLast(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keep-last");
    }

    @Test
    void adhocBackupsAreTreatedLikeScheduledOnes() {
        CatalogedBackup adhoc = new CatalogedBackup(
                UUID.randomUUID(), "chinook", "chinook/2026/11/adhoc_0/", Tier.ADHOC, T0, Outcome.PASSED);

        List<RetentionDecision> decisions =
                RetentionPolicy.keepLast(1).decide(List.of(adhoc, backup(1, Outcome.PASSED)));

        assertThat(decisions)
                .filteredOn(RetentionDecision::expires)
                .singleElement()
                .satisfies(d -> assertThat(d.backup().tier()).isEqualTo(Tier.ADHOC));
    }

    @Test
    void rejectsBackupsOfSeveralTargets() {
        CatalogedBackup other =
                new CatalogedBackup(UUID.randomUUID(), "other", "other/x/", Tier.DAILY, T0, Outcome.PASSED);

        assertThatThrownBy(() -> RetentionPolicy.keepLast(1).decide(List.of(backup(1, Outcome.PASSED), other)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
