package io.bulwark.retention.domain;

import static io.bulwark.retention.domain.Backups.at;
import static io.bulwark.retention.domain.Backups.decisionAt;
import static io.bulwark.retention.domain.Backups.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each rule's text, and the guarantees that hold whatever the rules say. Times are local Berlin times. */
class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static RetentionPolicy.Builder berlin() {
        return RetentionPolicy.builder().zone(Backups.BERLIN);
    }

    @Test
    void keepLastKeepsTheNNewestVerifiedAndFailedOnesDoNotCount() {
        List<CatalogedBackup> backups = List.of(
                verified("2026-12-01T02:00"),
                at("2026-12-02T02:00", Outcome.FAILED, Tier.DAILY, "nightly", null),
                verified("2026-11-30T02:00"),
                verified("2026-11-29T02:00"));

        List<RetentionDecision> decisions = berlin().keepLast(2).build().decide(backups, NOW);

        assertThat(decisions)
                .extracting(RetentionDecision::reason)
                .containsExactly(
                        "keep-failed: FAILED 1d ago (kept 7d)",
                        "last 2, newest verified",
                        "last 2",
                        "matches no keep rule (not among the last 2)");
    }

    @Test
    void hourlyNamesTheLocalHour() {
        List<RetentionDecision> decisions = berlin().keep(Period.HOURLY, 1)
                .build()
                .decide(List.of(verified("2026-11-30T14:10"), verified("2026-11-30T14:50")), NOW);

        assertThat(decisions)
                .extracting(RetentionDecision::reason)
                .containsExactly(
                        "hourly 2026-11-30T14, newest verified",
                        "matches no keep rule (hourly 2026-11-30T14 keeps a newer backup)");
    }

    @Test
    void weeklyMonthlyYearlyNameTheirPeriodAndABackupKeptByManyRulesListsThemAll() {
        List<RetentionDecision> decisions = berlin().keep(Period.DAILY, 2)
                .keep(Period.WEEKLY, 2)
                .keep(Period.MONTHLY, 2)
                .keep(Period.YEARLY, 2)
                .build()
                .decide(List.of(verified("2026-11-30T02:00"), verified("2026-11-29T02:00")), NOW);

        assertThat(decisions)
                .extracting(RetentionDecision::reason)
                .containsExactly(
                        "daily 2026-11-30, weekly 2026-W49, monthly 2026-11, yearly 2026, newest verified",
                        "daily 2026-11-29, weekly 2026-W48");
    }

    @Test
    void periodsWithoutAVerifiedBackupDoNotUseUpTheCount() {
        // 11-29 only FAILED: keep-daily 2 reaches back to 11-28 (restic counts periods that have a backup).
        List<RetentionDecision> decisions = berlin().keep(Period.DAILY, 2)
                .keepFailed(Duration.ofDays(30))
                .build()
                .decide(
                        List.of(
                                verified("2026-11-30T02:00"),
                                at("2026-11-29T02:00", Outcome.ERROR, Tier.DAILY, "nightly", null),
                                verified("2026-11-28T02:00"),
                                verified("2026-11-27T02:00")),
                        NOW);

        assertThat(decisions)
                .extracting(RetentionDecision::reason)
                .containsExactly(
                        "daily 2026-11-30, newest verified",
                        "keep-failed: ERROR 4d ago (kept 30d)",
                        "daily 2026-11-28",
                        "matches no keep rule (daily 2026-11-27 is beyond keep-daily 2)");
    }

    @Test
    void keepFailedDeletesAFailedBackupOnceOlderThanItsDuration() {
        CatalogedBackup failed = at("2026-11-24T02:00", Outcome.FAILED, Tier.DAILY, "nightly", null);

        List<RetentionDecision> decisions =
                berlin().keepLast(1).build().decide(List.of(failed, verified("2026-12-01T02:00")), NOW);

        assertThat(decisionAt(decisions, "2026-11-24T02:00").expires()).isTrue();
        assertThat(decisionAt(decisions, "2026-11-24T02:00").reason())
                .isEqualTo("keep-failed: FAILED 9d ago (kept 7d)");
    }

    @Test
    void theNewestVerifiedIsKeptEvenWhenNoRuleWouldAndAPendingOneIsNeverDeleted() {
        // A schedule's own retention of 1 day would let the only verified backup go.
        RetentionPolicy policy = berlin().keepLast(1)
                .schedule(new ScheduleRetention("nightly", "nightly", Duration.ofDays(1)))
                .build();

        List<RetentionDecision> decisions = policy.decide(
                List.of(verified("2026-11-01T02:00"), at("2026-10-01T02:00", null, Tier.DAILY, "nightly", null)), NOW);

        assertThat(decisions).extracting(RetentionDecision::action).containsOnly(RetentionDecision.Action.KEEP);
        assertThat(decisions)
                .extracting(RetentionDecision::reason)
                .containsExactly("newest verified", "verification pending");
    }

    @Test
    void aHeldBackupIsKeptWithItsReasonWhateverElseSaysSo() {
        List<RetentionDecision> decisions = berlin().keepLast(1)
                .build()
                .decide(
                        List.of(
                                verified("2026-12-01T02:00"),
                                at("2026-01-01T02:00", Outcome.PASSED, Tier.DAILY, "nightly", "audit 2026"),
                                at("2025-01-01T02:00", Outcome.FAILED, Tier.DAILY, "nightly", "incident 42")),
                        NOW);

        assertThat(decisions)
                .extracting(RetentionDecision::reason)
                .containsExactly("last 1, newest verified", "hold: audit 2026", "hold: incident 42");
        assertThat(decisions).extracting(RetentionDecision::action).containsOnly(RetentionDecision.Action.KEEP);
    }

    @Test
    void manualBackupsAreKeptUntilDeletedOrForKeepManualAndFillNoSlot() {
        List<CatalogedBackup> backups = List.of(
                verified("2026-12-01T02:00"),
                at("2026-12-02T09:00", Outcome.PASSED, Tier.ADHOC, "before-upgrade", null),
                at("2026-10-01T09:00", Outcome.PASSED, Tier.ADHOC, "adhoc", null),
                verified("2026-11-30T02:00"));

        assertThat(berlin().keepLast(2).build().decide(backups, NOW))
                .extracting(RetentionDecision::reason)
                .containsExactly(
                        "manual (kept until deleted), newest verified",
                        "last 2",
                        "last 2",
                        "manual (kept until deleted)");
        assertThat(berlin().keepLast(2).keepManual(Duration.ofDays(30)).build().decide(backups, NOW))
                .extracting(RetentionDecision::reason)
                .containsExactly(
                        "keep-manual: 1d ago (kept 30d), newest verified",
                        "last 2",
                        "last 2",
                        "keep-manual: 63d ago (kept 30d)");
    }

    @Test
    void aScheduleWithItsOwnRetentionKeepsItsBackupsThatLongInsteadOfTheGfsRules() {
        RetentionPolicy policy = berlin().keepLast(1)
                .schedule(new ScheduleRetention("weekly", "weekly", Duration.ofDays(30)))
                .build();
        List<CatalogedBackup> backups = List.of(
                verified("2026-12-02T02:00"),
                at("2026-11-29T03:00", Outcome.PASSED, Tier.WEEKLY, "weekly", null),
                at("2026-10-18T03:00", Outcome.PASSED, Tier.WEEKLY, "weekly", null));

        List<RetentionDecision> decisions = policy.decide(backups, NOW);

        assertThat(decisions)
                .extracting(RetentionDecision::reason)
                .containsExactly(
                        "last 1, newest verified",
                        "schedule weekly: within 30d",
                        "schedule weekly: 46d ago, beyond within 30d");
        assertThat(decisions.get(2).expires()).isTrue();
        assertThat(policy.name()).isEqualTo("keep-last=1 zone=Europe/Berlin schedule.weekly=30d");
    }

    @Test
    void aPolicyWithoutAnyKeepRuleIsRefused() {
        assertThatThrownBy(() ->
                        RetentionPolicy.builder().keepFailed(Duration.ofDays(3)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no keep rule");
        assertThatThrownBy(() -> RetentionPolicy.builder().keepLast(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keep-last");
        assertThatThrownBy(() -> RetentionPolicy.builder().keepWithin(Duration.ZERO))
                .hasMessageContaining("keep-within");
    }

    @Test
    void theNameIsWrittenLikeRestic() {
        assertThat(RetentionPolicy.builder()
                        .keepLast(3)
                        .keep(Period.DAILY, 7)
                        .keep(Period.WEEKLY, 4)
                        .keep(Period.MONTHLY, 12)
                        .keepWithin(Duration.ofHours(36))
                        .keepFailed(Duration.ofDays(3))
                        .keepManual(Duration.ofDays(90))
                        .build()
                        .name())
                .isEqualTo("keep-last=3 keep-daily=7 keep-weekly=4 keep-monthly=12 keep-within=36h keep-failed=3d"
                        + " keep-manual=90d");
        RetentionPolicy policy = RetentionPolicy.keepLast(7);
        assertThat(policy.toBuilder().keep(Period.YEARLY, 1).build().name()).isEqualTo("keep-last=7 keep-yearly=1");
    }

    @Test
    void theLabelIsReadFromThePrefix() {
        UUID id = UUID.randomUUID();
        assertThat(new CatalogedBackup(
                                id,
                                "chinook",
                                "chinook/2026/11/before_upgrade_20261123T190102Z_1a2b3c4d/",
                                Tier.ADHOC,
                                NOW,
                                null)
                        .label())
                .isEqualTo("before_upgrade");
        assertThat(new CatalogedBackup(id, "chinook", "chinook/odd/", Tier.ADHOC, NOW, null).label())
                .isNull();
    }

    @Test
    void decidesForOneTargetAtATime() {
        CatalogedBackup other = new CatalogedBackup(
                UUID.randomUUID(), "sakila", "sakila/2026/11/x_1_2/", Tier.DAILY, NOW, Outcome.PASSED);

        assertThatThrownBy(() -> RetentionPolicy.keepLast(1).decide(List.of(verified("2026-12-01T02:00"), other), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
