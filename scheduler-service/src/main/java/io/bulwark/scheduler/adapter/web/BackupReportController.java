package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.InvalidRequestException;
import io.bulwark.scheduler.application.reports.BackupReportCatalog;
import io.bulwark.scheduler.application.reports.BackupReportNotFoundException;
import io.bulwark.scheduler.application.reports.IssueBackupReports;
import io.bulwark.scheduler.application.reports.StoredBackupReport;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The periodic backup reports ({@code BackupReportIssued} on {@code bulwark.report}):
 *
 * <ul>
 *   <li>{@code GET /api/reports?limit=20} (viewer): the newest reports, newest period first, as {@code {"items":
 *       [BackupReportView], "limit"}}; 400 naming {@code limit} when it is not 1..100.
 *   <li>{@code GET /api/reports/{id}} (viewer): one report ({@link BackupReportView}); 404 when there is none.
 *   <li>{@code POST /api/reports} (operator, no body): issues the report of the last {@code bulwark.reports.period}
 *       up to now and publishes it; 201 with the report and its {@code Location}. {@code publishedAt} is null when
 *       the broker refused it; the next tick of the report timer publishes it.
 * </ul>
 */
@RestController
public class BackupReportController {

    private final IssueBackupReports reports;

    public BackupReportController(IssueBackupReports reports) {
        this.reports = reports;
    }

    /**
     * The newest reports.
     *
     * @throws InvalidRequestException when {@code limit} is out of range
     */
    @GetMapping("/api/reports")
    public BackupReportPage listBackupReports(@RequestParam(defaultValue = "20") int limit) {
        return new BackupReportPage(
                reports.recent(limit).stream().map(BackupReportView::of).toList(), limit);
    }

    /**
     * One report.
     *
     * @throws BackupReportNotFoundException when no report has that id
     */
    @GetMapping("/api/reports/{id}")
    public BackupReportView getBackupReport(@PathVariable UUID id) {
        return BackupReportView.of(reports.get(id));
    }

    /** Issues and publishes the report of the last period now. */
    @PostMapping("/api/reports")
    public ResponseEntity<BackupReportView> issueBackupReport() {
        StoredBackupReport report = reports.issueNow();
        return ResponseEntity.created(URI.create("/api/reports/" + report.reportId()))
                .body(BackupReportView.of(report));
    }

    /**
     * Body of {@code GET /api/reports}.
     *
     * @param items the reports, newest period first
     * @param limit the most items this page could hold (at most {@value BackupReportCatalog#MAX_LIMIT})
     */
    public record BackupReportPage(List<BackupReportView> items, int limit) {}
}
