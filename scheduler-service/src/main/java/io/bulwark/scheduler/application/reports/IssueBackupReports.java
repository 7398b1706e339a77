package io.bulwark.scheduler.application.reports;

import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.Topics;
import io.bulwark.scheduler.application.CronCalendar;
import io.bulwark.scheduler.application.InvalidRequestException;
import io.bulwark.scheduler.application.PublishFailedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: issues the periodic backup report once per period, stores it and publishes it.
 *
 * <ul>
 *   <li>A tick ({@link #tick}) first re-publishes every stored report the broker refused before, then looks for the
 *       latest fire time {@code F} of {@code cron} (read in {@code zone}, daylight saving as {@link CronCalendar}
 *       handles it) in {@code (now - period, now]}; the report of the period {@code [F - period, F)} is issued unless
 *       it exists. A scheduler that was down at {@code F} issues it when it is back, up to one period later.
 *   <li>{@link #issueNow} issues the report of {@code [now - period, now)} at once (millisecond precision).
 *   <li>Once per period: the report id is {@link #reportId} of the period start, the event id {@link #eventId} of
 *       the report id; the catalog keeps one row per id, so a second tick, a second instance or a re-publish
 *       changes nothing and the notifier de-duplicates a re-sent event on its id.
 * </ul>
 *
 * Thread-safe; callers serialize ticks across instances (a lock), a race only re-publishes the same event.
 */
public class IssueBackupReports {

    /** The most fire times looked at in one tick: a cron much finer than the period is cut short. */
    static final int MAX_FIRE_TIMES = 100_000;

    private static final Logger log = LoggerFactory.getLogger(IssueBackupReports.class);

    private final SummarizeTargets summarize;
    private final BackupReportCatalog catalog;
    private final BackupReportPublisher publisher;
    private final CronCalendar calendar;
    private final String cron;
    private final ZoneId zone;
    private final Duration period;
    private final String link;
    private final Clock clock;

    /**
     * @param cron when periods end: a six-field Spring cron, a five-field crontab or a macro such as {@code @weekly}
     * @param zone the zone {@code cron} is read in
     * @param period the length of a report's period, positive
     * @param link the dashboard's URL written into every report, or null
     * @throws IllegalArgumentException when {@code cron} does not parse or {@code period} is not positive
     */
    public IssueBackupReports(
            SummarizeTargets summarize,
            BackupReportCatalog catalog,
            BackupReportPublisher publisher,
            CronCalendar calendar,
            String cron,
            ZoneId zone,
            Duration period,
            String link,
            Clock clock) {
        calendar.check(cron);
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("the report period must be positive but was " + period);
        }
        this.summarize = summarize;
        this.catalog = catalog;
        this.publisher = publisher;
        this.calendar = calendar;
        this.cron = cron;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.period = period;
        this.link = link;
        this.clock = clock;
    }

    /** The report id of the period starting at {@code periodStart}: a name-based UUID, the same on every instance. */
    public static UUID reportId(Instant periodStart) {
        return UUID.nameUUIDFromBytes((Topics.REPORT + ":" + periodStart).getBytes(StandardCharsets.UTF_8));
    }

    /** The event id of the report {@code reportId}: a name-based UUID, the same for every re-publish. */
    public static UUID eventId(UUID reportId) {
        return UUID.nameUUIDFromBytes((Topics.REPORT + ":event:" + reportId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One tick of the timer: re-publishes the pending reports, then issues the report of the latest due period.
     *
     * @return the report issued by this tick, or empty when none was due or it existed already
     */
    public Optional<StoredBackupReport> tick() {
        for (StoredBackupReport pending : catalog.unpublished()) {
            publish(pending);
        }
        Instant now = clock.instant();
        Optional<Instant> due = latestFireTime(now);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Instant end = due.get();
        Instant start = end.minus(period);
        if (catalog.find(reportId(start)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(issue(start, end, StoredBackupReport.Trigger.SCHEDULE));
    }

    /**
     * Issues the report of the last period up to now, stores and publishes it.
     *
     * @return the stored report; {@code publishedAt} is null when the broker refused it (the next tick retries)
     */
    public StoredBackupReport issueNow() {
        Instant end = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return issue(end.minus(period), end, StoredBackupReport.Trigger.MANUAL);
    }

    /**
     * The newest reports, newest first.
     *
     * @param limit 1..{@value BackupReportCatalog#MAX_LIMIT}
     * @throws InvalidRequestException (field {@code limit}) when it is out of range
     */
    public List<StoredBackupReport> recent(int limit) {
        if (limit < 1 || limit > BackupReportCatalog.MAX_LIMIT) {
            throw new InvalidRequestException(
                    "limit", "limit must be 1.." + BackupReportCatalog.MAX_LIMIT + " but was " + limit);
        }
        return catalog.recent(limit);
    }

    /**
     * One report.
     *
     * @throws BackupReportNotFoundException when no report has that id
     */
    public StoredBackupReport get(UUID reportId) {
        return catalog.find(reportId).orElseThrow(() -> new BackupReportNotFoundException(reportId));
    }

    /** The latest fire time of the cron in {@code (now - period, now]}, or empty. */
    Optional<Instant> latestFireTime(Instant now) {
        Instant after = now.minus(period);
        Instant latest = null;
        for (int i = 0; i < MAX_FIRE_TIMES; i++) {
            Optional<Instant> next = calendar.next(cron, zone, after);
            if (next.isEmpty() || next.get().isAfter(now)) {
                break;
            }
            latest = next.get();
            after = latest;
        }
        return Optional.ofNullable(latest);
    }

    private StoredBackupReport issue(Instant start, Instant end, StoredBackupReport.Trigger trigger) {
        UUID id = reportId(start);
        Optional<StoredBackupReport> existing = catalog.find(id);
        if (existing.isPresent()) {
            return existing.get().publishedAt() == null ? publish(existing.get()) : existing.get();
        }
        Instant issuedAt = clock.instant();
        BackupReportIssued event = new BackupReportIssued(
                eventId(id),
                issuedAt,
                BackupReportIssued.SCHEMA_VERSION,
                BulwarkEvent.ALL_TARGETS,
                id,
                start,
                end,
                summarize.summarize(start, end),
                link);
        StoredBackupReport report = new StoredBackupReport(trigger, issuedAt, null, event);
        if (!catalog.insertIfAbsent(report)) {
            return catalog.find(id).orElse(report);
        }
        log.info("issued backup report {} of {} .. {} ({})", id, start, end, trigger);
        return publish(report);
    }

    /** Publishes a stored report; on a refusal logs it and leaves it pending. */
    private StoredBackupReport publish(StoredBackupReport report) {
        try {
            publisher.publish(report.event());
        } catch (PublishFailedException e) {
            log.warn("backup report {} not published, retried on the next tick: {}", report.reportId(), e.getMessage());
            return report;
        }
        Instant at = clock.instant();
        catalog.markPublished(report.reportId(), at);
        return report.published(at);
    }
}
