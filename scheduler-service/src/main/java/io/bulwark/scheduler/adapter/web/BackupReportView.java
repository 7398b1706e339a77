package io.bulwark.scheduler.adapter.web;

import io.bulwark.contracts.BackupReportIssued.TargetSummary;
import io.bulwark.scheduler.application.reports.StoredBackupReport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A periodic backup report as {@code GET /api/reports/{id}} shows it: the published event's figures and where it
 * stands.
 *
 * @param reportId the report's id (name-based UUID of {@code periodStart})
 * @param trigger {@code SCHEDULE} (the configured cron ended the period) or {@code MANUAL} ({@code POST /api/reports})
 * @param periodStart the period's start, inclusive
 * @param periodEnd the period's end, exclusive
 * @param issuedAt when the report was computed
 * @param publishedAt when the broker took it, or null while the publish is pending (retried on the next tick)
 * @param eventId the id of the {@code BackupReportIssued} event, the same on every re-publish
 * @param link the dashboard's URL, or null
 * @param targets one summary per configured target, by target id; see {@code BackupReportIssued.TargetSummary}
 */
public record BackupReportView(
        UUID reportId,
        StoredBackupReport.Trigger trigger,
        Instant periodStart,
        Instant periodEnd,
        Instant issuedAt,
        Instant publishedAt,
        UUID eventId,
        String link,
        List<TargetSummary> targets) {

    /** The view of a stored report. */
    static BackupReportView of(StoredBackupReport report) {
        return new BackupReportView(
                report.reportId(),
                report.trigger(),
                report.event().periodStart(),
                report.event().periodEnd(),
                report.issuedAt(),
                report.publishedAt(),
                report.event().eventId(),
                report.event().link(),
                report.event().targets());
    }
}
