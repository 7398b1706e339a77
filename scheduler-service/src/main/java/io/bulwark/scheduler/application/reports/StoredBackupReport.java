package io.bulwark.scheduler.application.reports;

import io.bulwark.contracts.BackupReportIssued;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A periodic backup report as stored in {@code scheduler.reports}.
 *
 * @param trigger why it was issued
 * @param issuedAt when it was computed and stored
 * @param publishedAt when the broker took it, or null while its publish is pending (retried on the next tick)
 * @param event the event exactly as published (and re-published): same event id, same figures
 */
public record StoredBackupReport(Trigger trigger, Instant issuedAt, Instant publishedAt, BackupReportIssued event) {

    /** Why a report was issued. */
    public enum Trigger {
        /** The {@code bulwark.reports.cron} fire time ended its period. */
        SCHEDULE,
        /** An operator asked for it ({@code POST /api/reports}): the period up to that moment. */
        MANUAL
    }

    public StoredBackupReport {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(event, "event");
    }

    /** The report's id: {@link IssueBackupReports#reportId} of its period start. */
    public UUID reportId() {
        return event.reportId();
    }

    /** The same report, published at {@code at}. */
    public StoredBackupReport published(Instant at) {
        return new StoredBackupReport(trigger, issuedAt, at, event);
    }
}
