package io.bulwark.scheduler.application.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.BackupReportIssued.TargetSummary;
import io.bulwark.contracts.Outcome;
import io.bulwark.scheduler.application.ComputeStatistics;
import io.bulwark.scheduler.application.StatisticsReads.BackupSample;
import io.bulwark.scheduler.application.StatisticsReads.RestoreSample;
import io.bulwark.scheduler.application.TargetDirectory;
import io.bulwark.scheduler.application.TargetSettings;
import io.bulwark.scheduler.domain.BackupState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The arithmetic of a report's target summaries over one week, with a fixed clock. */
class SummarizeTargetsTest {

    /** Monday 2026-11-23 07:00 UTC to Monday 2026-11-30 07:00 UTC. */
    private static final Instant START = Instant.parse("2026-11-23T07:00:00Z");

    private static final Instant END = Instant.parse("2026-11-30T07:00:00Z");
    private static final Clock CLOCK = Clock.fixed(END.plusSeconds(30), ZoneOffset.UTC);

    private final FakeStatisticsReads reads = new FakeStatisticsReads();
    private final TargetDirectory targets = () -> List.of(
            new TargetSettings("ticker", "mariadb", Duration.ofHours(2), Duration.ofMinutes(10)),
            new TargetSettings("chinook", "postgresql", Duration.ofHours(25), Duration.ofHours(1)),
            new TargetSettings("fresh", "postgresql", Duration.ofHours(25), Duration.ofHours(1)));
    private final Map<String, Map<Instant, Long>> stored = Map.of(
            "chinook", Map.of(START, 10_000L, END, 13_500L),
            "ticker", Map.of(START, 9_000L, END, 4_000L));
    private final StoredBytesHistory storage =
            (target, at) -> stored.getOrDefault(target, Map.of()).getOrDefault(at, 0L);
    private final OpenAlertCounts alerts = target -> target.equals("ticker") ? 2 : 0;
    private final SummarizeTargets summarize = new SummarizeTargets(
            targets, new ComputeStatistics(targets, reads, (t, n) -> List.of(), CLOCK), reads, storage, alerts);

    @Test
    void aWeekOfSevenDailyBackupsOneFailedOneVerificationInErrorAndARestoreOverTheRto() {
        // one backup a day at 08:00, the first on the period's first day; restore times 600..1000 s
        for (int day = 0; day < 7; day++) {
            Instant at = START.plus(Duration.ofDays(day)).plus(Duration.ofHours(1));
            if (day == 3) {
                reads.add(failed("chinook", at));
            } else if (day == 5) {
                reads.add(verified("chinook", at, Outcome.ERROR, 0));
            } else {
                reads.add(verified("chinook", at, Outcome.PASSED, 600_000 + day * 100_000L));
            }
        }
        // outside the period: before its start and at its end (exclusive)
        reads.add(verified("chinook", START.minusSeconds(1), Outcome.PASSED, 9_000_000));
        reads.add(failed("chinook", END));
        // a real restore of 4000 s: the 95th percentile of six samples is the largest, over the 1 h RTO
        reads.restores.add(new RestoreSample(UUID.randomUUID(), "chinook", END.minus(Duration.ofHours(2)), 4_000_000));

        TargetSummary chinook = summary("chinook");

        assertThat(chinook.backupsTaken()).isEqualTo(6);
        assertThat(chinook.backupsVerified()).isEqualTo(5);
        assertThat(chinook.backupsFailed()).isEqualTo(2);
        assertThat(chinook.rpoSeconds()).isEqualTo(90_000);
        // newest verified backup: taken Sunday 08:01, 22h59m before the period's end
        assertThat(chinook.latestVerifiedAt()).isEqualTo(Instant.parse("2026-11-29T08:01:00Z"));
        assertThat(chinook.rpoMet()).isTrue();
        assertThat(chinook.rtoSeconds()).isEqualTo(3600);
        assertThat(chinook.restoreP95Seconds()).isEqualTo(4000.0);
        assertThat(chinook.rtoMet()).isFalse();
        assertThat(chinook.storageBytes()).isEqualTo(13_500);
        assertThat(chinook.storageGrowthBytes()).isEqualTo(3_500);
        assertThat(chinook.openAlerts()).isZero();
    }

    @Test
    void rpoNotMetWhenTheNewestVerifiedBackupIsOlderThanTheRpoAtThePeriodsEnd() {
        // verified 3 h before the end: over ticker's 2 h RPO; its restore (300 s) is within the 10 min RTO
        reads.add(verified("ticker", END.minus(Duration.ofHours(3)).minusSeconds(60), Outcome.PASSED, 300_000));
        // verified only after the period's end: does not count for this period
        reads.add(verified("ticker", END.minus(Duration.ofMinutes(5)), Outcome.PASSED, 100_000));

        TargetSummary ticker = summary("ticker");

        assertThat(ticker.latestVerifiedAt()).isEqualTo(END.minus(Duration.ofHours(3)));
        assertThat(ticker.rpoMet()).isFalse();
        assertThat(ticker.restoreP95Seconds()).isEqualTo(300.0);
        assertThat(ticker.rtoMet()).isTrue();
        assertThat(ticker.storageBytes()).isEqualTo(4_000);
        assertThat(ticker.storageGrowthBytes()).isEqualTo(-5_000);
        assertThat(ticker.openAlerts()).isEqualTo(2);
    }

    @Test
    void rpoMetByAVerifiedBackupTakenBeforeThePeriodWhenItIsStillYoungerThanTheRpo() {
        // taken 24 h before the end, i.e. 6 days after the start of a 1-day period (RPO 25 h)
        Instant taken = END.minus(Duration.ofHours(24));
        reads.add(verified("chinook", taken.minusSeconds(60), Outcome.PASSED, 1000));

        TargetSummary chinook = summarize.summarize(END.minus(Duration.ofHours(12)), END).stream()
                .filter(s -> s.targetId().equals("chinook"))
                .findFirst()
                .orElseThrow();

        assertThat(chinook.latestVerifiedAt()).isEqualTo(taken);
        assertThat(chinook.rpoMet()).isTrue();
        assertThat(chinook.backupsTaken()).isZero();
        assertThat(chinook.restoreP95Seconds()).isNull();
        assertThat(chinook.rtoMet()).isNull();
    }

    @Test
    void aTargetWithoutBackupsAndTheOrderByTargetId() {
        List<TargetSummary> all = summarize.summarize(START, END);

        assertThat(all).extracting(TargetSummary::targetId).containsExactly("chinook", "fresh", "ticker");
        TargetSummary fresh = all.get(1);
        assertThat(fresh)
                .isEqualTo(new TargetSummary("fresh", 0, 0, 0, 90_000, false, 3600, null, null, null, 0, 0, 0));
        assertThatThrownBy(() -> summarize.summarize(END, END)).isInstanceOf(IllegalArgumentException.class);
    }

    private TargetSummary summary(String target) {
        return summarize.summarize(START, END).stream()
                .filter(s -> s.targetId().equals(target))
                .findFirst()
                .orElseThrow();
    }

    /** Requested at {@code at}, stored a minute later, verified ten minutes after the request. */
    static BackupSample verified(String target, Instant at, Outcome outcome, long restoreMillis) {
        return new BackupSample(
                UUID.randomUUID(),
                target,
                at,
                BackupState.ofVerification(outcome),
                1000L,
                at.plusSeconds(60),
                30_000L,
                at.plusSeconds(600),
                outcome,
                restoreMillis * 2,
                restoreMillis);
    }

    static BackupSample failed(String target, Instant at) {
        return new BackupSample(
                UUID.randomUUID(), target, at, BackupState.FAILED, null, null, null, null, null, null, null);
    }
}
