package io.bulwark.scheduler.application.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.Outcome;
import io.bulwark.scheduler.adapter.scheduling.SpringCronCalendar;
import io.bulwark.scheduler.application.ComputeStatistics;
import io.bulwark.scheduler.application.InvalidRequestException;
import io.bulwark.scheduler.application.MutableClock;
import io.bulwark.scheduler.application.PublishFailedException;
import io.bulwark.scheduler.application.TargetDirectory;
import io.bulwark.scheduler.application.TargetSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Once per period, retried when the broker refused, never duplicated. */
class IssueBackupReportsTest {

    /** Monday 2026-11-30 07:00 UTC: the default cron's fire time. */
    private static final Instant MONDAY = Instant.parse("2026-11-30T07:00:00Z");

    private final MutableClock clock = new MutableClock(MONDAY.plusSeconds(30));
    private final FakeStatisticsReads reads = new FakeStatisticsReads();
    private final TargetDirectory targets =
            () -> List.of(new TargetSettings("chinook", "postgresql", Duration.ofHours(25), Duration.ofHours(1)));
    private final SummarizeTargets summarize = new SummarizeTargets(
            targets, new ComputeStatistics(targets, reads, (t, n) -> List.of(), clock), reads, (t, at) -> 0L, t -> 0);
    private final MemoryCatalog catalog = new MemoryCatalog();
    private final List<BackupReportIssued> published = new ArrayList<>();
    private boolean brokerRefuses;
    private final BackupReportPublisher publisher = report -> {
        if (brokerRefuses) {
            throw new PublishFailedException("broker down", null);
        }
        published.add(report);
    };

    private IssueBackupReports reports(String cron, String zone, Duration period) {
        return new IssueBackupReports(
                summarize,
                catalog,
                publisher,
                new SpringCronCalendar(),
                cron,
                ZoneId.of(zone),
                period,
                "http://bulwark.example/console/",
                clock);
    }

    @Test
    void aTickIssuesTheReportOfTheWeekEndingAtTheFireTimeOnceAndTheNextTicksNothing() {
        reads.add(SummarizeTargetsTest.verified("chinook", MONDAY.minus(Duration.ofDays(1)), Outcome.PASSED, 1000));
        IssueBackupReports reports = reports("0 0 7 * * MON", "UTC", Duration.ofDays(7));

        StoredBackupReport issued = reports.tick().orElseThrow();

        Instant start = MONDAY.minus(Duration.ofDays(7));
        assertThat(issued.trigger()).isEqualTo(StoredBackupReport.Trigger.SCHEDULE);
        assertThat(issued.publishedAt()).isEqualTo(clock.instant());
        BackupReportIssued event = issued.event();
        assertThat(event.periodStart()).isEqualTo(start);
        assertThat(event.periodEnd()).isEqualTo(MONDAY);
        assertThat(event.reportId()).isEqualTo(IssueBackupReports.reportId(start));
        assertThat(event.eventId()).isEqualTo(IssueBackupReports.eventId(event.reportId()));
        assertThat(event.targetId()).isEqualTo(BulwarkEvent.ALL_TARGETS);
        assertThat(event.link()).isEqualTo("http://bulwark.example/console/");
        assertThat(event.targets()).singleElement().satisfies(t -> {
            assertThat(t.targetId()).isEqualTo("chinook");
            assertThat(t.backupsTaken()).isEqualTo(1);
            assertThat(t.rpoMet()).isTrue();
        });
        assertThat(published).containsExactly(event);

        clock.advance(Duration.ofMinutes(1));
        assertThat(reports.tick()).isEmpty();
        clock.advance(Duration.ofDays(6));
        assertThat(reports.tick()).isEmpty();
        assertThat(published).hasSize(1);

        // the next Monday's fire time ends the next period
        clock.advance(Duration.ofDays(1));
        BackupReportIssued next = reports.tick().orElseThrow().event();
        assertThat(next.periodStart()).isEqualTo(MONDAY);
        assertThat(next.reportId()).isNotEqualTo(event.reportId());
        assertThat(published).hasSize(2);
    }

    @Test
    void aReportTheBrokerRefusedIsStoredAndPublishedOnTheNextTickWithTheSameEvent() {
        IssueBackupReports reports = reports("0 0 7 * * MON", "UTC", Duration.ofDays(7));
        brokerRefuses = true;

        StoredBackupReport pending = reports.tick().orElseThrow();
        assertThat(pending.publishedAt()).isNull();
        assertThat(catalog.unpublished()).containsExactly(pending);
        clock.advance(Duration.ofMinutes(1));
        reports.tick();
        assertThat(published).isEmpty();

        brokerRefuses = false;
        clock.advance(Duration.ofMinutes(1));
        assertThat(reports.tick()).isEmpty();
        assertThat(published).containsExactly(pending.event());
        assertThat(catalog.find(pending.reportId()).orElseThrow().publishedAt()).isEqualTo(clock.instant());
        assertThat(catalog.unpublished()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        reports.tick();
        assertThat(published).hasSize(1);
    }

    @Test
    void theCronIsReadInItsZoneAndAFireTimeOlderThanOnePeriodIsNotCaughtUp() {
        // 07:00 in Berlin is 06:00 UTC in winter
        assertThat(reports("0 0 7 * * MON", "Europe/Berlin", Duration.ofDays(7)).latestFireTime(MONDAY))
                .contains(MONDAY.minus(Duration.ofHours(1)));
        // five-field crontab, daily at 07:00: the latest of several fire times in the period
        assertThat(reports("0 7 * * *", "UTC", Duration.ofDays(7)).latestFireTime(MONDAY.plusSeconds(5)))
                .contains(MONDAY);
        // the first of the month fired more than one day ago: nothing due
        IssueBackupReports monthly = reports("@monthly", "UTC", Duration.ofDays(1));
        assertThat(monthly.latestFireTime(MONDAY)).isEmpty();
        assertThat(monthly.tick()).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void issueNowReportsTheLastPeriodUpToNowAndListsNewestFirst() {
        IssueBackupReports reports = reports("0 0 7 * * MON", "UTC", Duration.ofDays(7));
        reports.tick();
        clock.advance(Duration.ofHours(3));

        StoredBackupReport manual = reports.issueNow();

        assertThat(manual.trigger()).isEqualTo(StoredBackupReport.Trigger.MANUAL);
        assertThat(manual.event().periodEnd()).isEqualTo(clock.instant());
        assertThat(manual.event().periodStart()).isEqualTo(clock.instant().minus(Duration.ofDays(7)));
        assertThat(manual.publishedAt()).isNotNull();
        assertThat(published).hasSize(2);
        assertThat(reports.recent(10))
                .extracting(StoredBackupReport::trigger)
                .containsExactly(StoredBackupReport.Trigger.MANUAL, StoredBackupReport.Trigger.SCHEDULE);
        assertThat(reports.get(manual.reportId()).event()).isEqualTo(manual.event());
        assertThatThrownBy(() -> reports.get(UUID.randomUUID())).isInstanceOf(BackupReportNotFoundException.class);
        assertThatThrownBy(() -> reports.recent(0))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("limit"));
    }

    @Test
    void refusesAnInvalidCronAndANonPositivePeriod() {
        assertThatThrownBy(() -> reports("every monday", "UTC", Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reports("@weekly", "UTC", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period");
    }

    /** The catalog in a map, behaving like {@code scheduler.reports}. */
    private static final class MemoryCatalog implements BackupReportCatalog {
        private final Map<UUID, StoredBackupReport> rows = new LinkedHashMap<>();

        @Override
        public boolean insertIfAbsent(StoredBackupReport report) {
            return rows.putIfAbsent(report.reportId(), report) == null;
        }

        @Override
        public Optional<StoredBackupReport> find(UUID reportId) {
            return Optional.ofNullable(rows.get(reportId));
        }

        @Override
        public List<StoredBackupReport> recent(int limit) {
            return rows.values().stream()
                    .sorted(Comparator.comparing(
                                    (StoredBackupReport r) -> r.event().periodEnd())
                            .reversed())
                    .limit(limit)
                    .toList();
        }

        @Override
        public List<StoredBackupReport> unpublished() {
            return rows.values().stream().filter(r -> r.publishedAt() == null).toList();
        }

        @Override
        public void markPublished(UUID reportId, Instant at) {
            rows.computeIfPresent(reportId, (id, r) -> r.publishedAt() == null ? r.published(at) : r);
        }
    }
}
