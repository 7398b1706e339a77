package io.bulwark.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.Outcome;
import io.bulwark.scheduler.application.StatisticsReads.BackupSample;
import io.bulwark.scheduler.application.StatisticsReads.RestoreSample;
import io.bulwark.scheduler.domain.BackupState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ComputeStatisticsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T07:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TargetDirectory TARGETS = () -> List.of(
            new TargetSettings("chinook", "postgresql", Duration.ofHours(25), Duration.ofHours(1)),
            new TargetSettings("ticker", "mariadb", Duration.ofHours(2), Duration.ofMinutes(10)));

    private final FakeReads reads = new FakeReads();
    private final UpcomingRuns upcoming = (target, limit) -> switch (target) {
        case "chinook" -> List.of(new UpcomingRun("chinook", "nightly", NOW.plusSeconds(3600)));
        case "ticker" ->
            List.of(
                    new UpcomingRun("ticker", "hourly", NOW.plusSeconds(600)),
                    new UpcomingRun("ticker", "hourly", NOW.plusSeconds(4200)));
        default -> List.of();
    };
    private final ComputeStatistics statistics = new ComputeStatistics(TARGETS, reads, upcoming, CLOCK);

    @Test
    void windowsCountSuccessAndVerificationOfTheBackupsRequestedInTheLast7And30Days() {
        reads.add(verified(daysAgo(1), 1000, 100, Outcome.PASSED));
        reads.add(verified(daysAgo(2), 2000, 100, Outcome.FAILED));
        reads.add(failed(daysAgo(3)));
        reads.add(running(hoursAgo(1)));
        reads.add(verified(daysAgo(10), 3000, 100, Outcome.PASSED));
        reads.add(failed(daysAgo(20)));
        reads.add(verified(daysAgo(40), 4000, 100, Outcome.PASSED)); // outside both windows

        Statistics s = statistics.compute("chinook", 30);

        Statistics.Window week = s.windows().get("7d");
        assertThat(week.backups()).isEqualTo(4);
        assertThat(week.succeeded()).isEqualTo(2);
        assertThat(week.failed()).isEqualTo(1);
        assertThat(week.successRate()).isEqualTo(2.0 / 3);
        assertThat(week.verifications()).isEqualTo(2);
        assertThat(week.passed()).isEqualTo(1);
        assertThat(week.verificationPassRate()).isEqualTo(0.5);
        Statistics.Window month = s.windows().get("30d");
        assertThat(month.backups()).isEqualTo(6);
        assertThat(month.succeeded()).isEqualTo(3);
        assertThat(month.failed()).isEqualTo(2);
        assertThat(month.successRate()).isEqualTo(0.6);
        assertThat(month.verificationPassRate()).isEqualTo(2.0 / 3);
        assertThat(s.windows()).containsOnlyKeys("7d", "30d");
        assertThat(s.from()).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(s.to()).isEqualTo(NOW);
        assertThat(s.rtoMillis()).isEqualTo(3_600_000L);
        assertThat(s.rpoSeconds()).isEqualTo(90_000L);
    }

    @Test
    void ratesAreNullWhenThereIsNothingToCount() {
        reads.add(running(hoursAgo(1)));
        Statistics s = statistics.compute("chinook", 7);
        assertThat(s.windows().get("7d").backups()).isEqualTo(1);
        assertThat(s.windows().get("7d").successRate()).isNull();
        assertThat(s.windows().get("7d").verificationPassRate()).isNull();
        assertThat(s.dumpMillis()).isEqualTo(new Statistics.Durations(0, null, null, null));
        assertThat(s.artifactBytes()).isEqualTo(new Statistics.Artifacts(null, null, null));
    }

    @Test
    void durationsAreNearestRankPercentilesWithTheTrendOfTheNewerHalf() {
        reads.add(verified(daysAgo(4), 1000, 400, Outcome.PASSED));
        reads.add(verified(daysAgo(3), 2000, 300, Outcome.PASSED));
        reads.add(verified(daysAgo(2), 3000, 200, Outcome.FAILED));
        reads.add(verified(daysAgo(1), 4000, 100, Outcome.PASSED));
        reads.restores.add(new RestoreSample(UUID.randomUUID(), "chinook", NOW.minusSeconds(60), 900));

        Statistics s = statistics.compute("chinook", 30);

        assertThat(s.dumpMillis()).isEqualTo(new Statistics.Durations(4, 2000L, 4000L, 2000L));
        // verifications of every outcome, twice their restore time: 800, 600, 400, 200 (oldest first)
        assertThat(s.verifyMillis()).isEqualTo(new Statistics.Durations(4, 400L, 800L, 200L - 600L));
        // restores: the passed verifications' 400, 300, 100, then the real restore's 900 (oldest first);
        // trend: p50 of [100, 900] minus p50 of [400, 300]
        assertThat(s.restoreMillis()).isEqualTo(new Statistics.Durations(4, 300L, 900L, 100L - 300L));
    }

    @Test
    void artifactGrowthFromTheOldestToTheNewestSizeOfTheWindow() {
        reads.add(sized(daysAgo(3), 1000));
        reads.add(sized(daysAgo(2), 1100));
        reads.add(sized(daysAgo(1), 1234));
        reads.add(sized(daysAgo(50), 1)); // outside the window

        Statistics s = statistics.compute("chinook", 7);

        assertThat(s.artifactBytes()).isEqualTo(new Statistics.Artifacts(1234L, 1100L, 23.4));
        assertThat(s.series()).extracting(Statistics.Point::storedBytes).containsExactly(1000L, 1100L, 1234L);
        assertThat(s.series()).extracting(Statistics.Point::at).isSorted();
    }

    @Test
    void oneTargetOrAllTargetsWithTheirNextRuns() {
        Statistics one = statistics.compute("ticker", 30);
        assertThat(one.nextRuns()).extracting(UpcomingRun::name).containsExactly("hourly", "hourly");
        assertThat(reads.targetsAsked).containsOnly("ticker");

        Statistics all = statistics.compute(null, 30);
        assertThat(all.targetId()).isNull();
        assertThat(all.rtoMillis()).isNull();
        assertThat(all.rpoSeconds()).isNull();
        assertThat(all.nextRuns())
                .extracting(UpcomingRun::at)
                .containsExactly(NOW.plusSeconds(600), NOW.plusSeconds(3600), NOW.plusSeconds(4200));
    }

    @Test
    void refusesDaysOutOfRangeNamingTheFieldAndUnknownTargets() {
        assertThatThrownBy(() -> statistics.compute(null, 0))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("days"));
        assertThatThrownBy(() -> statistics.compute(null, 367)).isInstanceOf(InvalidRequestException.class);
        assertThat(statistics.compute(null, 366).days()).isEqualTo(366);
        assertThatThrownBy(() -> statistics.compute("nosuchdb", 30))
                .isInstanceOf(TargetNotConfiguredException.class)
                .hasMessage("target 'nosuchdb' is not configured");
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static Instant hoursAgo(int hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    /** A verified backup: dump {@code dump} ms, restore {@code restore} ms, verification 2x the restore time. */
    private static BackupSample verified(Instant at, long dump, long restore, Outcome outcome) {
        BackupState state = BackupState.ofVerification(outcome);
        return new BackupSample(
                UUID.randomUUID(),
                "chinook",
                at,
                state,
                5000L,
                at.plusSeconds(60),
                dump,
                at.plusSeconds(600),
                outcome,
                restore * 2,
                restore);
    }

    private static BackupSample failed(Instant at) {
        return new BackupSample(
                UUID.randomUUID(), "chinook", at, BackupState.FAILED, null, null, null, null, null, null, null);
    }

    private static BackupSample running(Instant at) {
        return new BackupSample(
                UUID.randomUUID(), "chinook", at, BackupState.REQUESTED, null, null, null, null, null, null, null);
    }

    private static BackupSample sized(Instant at, long bytes) {
        return new BackupSample(
                UUID.randomUUID(),
                "chinook",
                at,
                BackupState.COMPLETED,
                bytes,
                at.plusSeconds(60),
                10L,
                null,
                null,
                null,
                null);
    }

    /** The catalog's reads over lists, filtered like the SQL. */
    private static final class FakeReads implements StatisticsReads {
        final List<BackupSample> backups = new ArrayList<>();
        final List<RestoreSample> restores = new ArrayList<>();
        final List<String> targetsAsked = new ArrayList<>();

        void add(BackupSample sample) {
            backups.add(sample);
            backups.sort((a, b) -> a.at().compareTo(b.at()));
        }

        @Override
        public TargetSnapshot snapshot(String targetId) {
            return new TargetSnapshot(0, 0, null, null, null, null);
        }

        @Override
        public List<BackupSample> backups(String targetId, Instant from, Instant to) {
            targetsAsked.add(targetId);
            return backups.stream()
                    .filter(b -> !b.at().isBefore(from) && !b.at().isAfter(to))
                    .toList();
        }

        @Override
        public List<RestoreSample> restores(String targetId, Instant from, Instant to) {
            return restores.stream()
                    .filter(r ->
                            !r.finishedAt().isBefore(from) && !r.finishedAt().isAfter(to))
                    .toList();
        }
    }
}
