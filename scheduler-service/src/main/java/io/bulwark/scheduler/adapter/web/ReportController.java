package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.BackupNotFoundException;
import io.bulwark.scheduler.application.BackupQueries;
import io.bulwark.scheduler.application.ReadReports;
import io.bulwark.scheduler.application.RestoreQueries;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.Restore;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports the verifier stored, read from the object store (viewer). Errors are problem details ({@link
 * ApiExceptionHandler}, {@link ReportExceptionHandler}).
 *
 * <ul>
 *   <li>{@code GET /api/backups/{id}/report} -> the latest {@code verification.json} (application/json).
 *   <li>{@code GET /api/backups/{id}/report.html} -> the latest {@code verification.html} (text/html), served with
 *       {@value #REPORT_PAGE_POLICY} as {@code Content-Security-Policy} (no script runs, nothing is loaded, the page
 *       is its own sandboxed origin) and {@code X-Content-Type-Options: nosniff}.
 *   <li>{@code GET /api/restores/{id}/report} -> the {@code restore.json} of an ended restore (application/json).
 * </ul>
 *
 * 404 when the backup or restore is unknown or has no report (yet); 409 when the report's key lies outside its
 * backup's prefix; 502 when the report is larger than {@code bulwark.limits.report-size}; 503 when no object store is
 * configured or it cannot be read.
 */
@RestController
public class ReportController {

    /** The Content-Security-Policy of a report page. */
    public static final String REPORT_PAGE_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'";

    private final ReadReports reports;
    private final BackupQueries backups;
    private final RestoreQueries restores;

    public ReportController(ReadReports reports, BackupQueries backups, RestoreQueries restores) {
        this.reports = reports;
        this.backups = backups;
        this.restores = restores;
    }

    /** The backup's latest {@code verification.json}; see the class comment. */
    @GetMapping("/api/backups/{id}/report")
    public ResponseEntity<byte[]> verificationReport(@PathVariable("id") UUID id) {
        return json(reports.verificationReport(backup(id)));
    }

    /** The backup's latest {@code verification.html}; see the class comment. */
    @GetMapping("/api/backups/{id}/report.html")
    public ResponseEntity<byte[]> verificationPage(@PathVariable("id") UUID id) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", REPORT_PAGE_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .body(reports.verificationPage(backup(id)));
    }

    /** The restore's {@code restore.json}; see the class comment. */
    @GetMapping("/api/restores/{restoreId}/report")
    public ResponseEntity<byte[]> restoreReport(@PathVariable("restoreId") UUID restoreId) {
        Restore restore = restores.find(restoreId).orElseThrow(() -> new RestoreNotFoundException(restoreId));
        return json(reports.restoreReport(restore));
    }

    private Backup backup(UUID id) {
        return backups.find(id).orElseThrow(() -> new BackupNotFoundException(id));
    }

    private static ResponseEntity<byte[]> json(byte[] body) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
