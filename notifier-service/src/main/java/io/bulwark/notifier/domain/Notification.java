package io.bulwark.notifier.domain;

import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.contracts.MessageRedactor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One notification, as channels deliver it; the webhook's JSON body is exactly these fields.
 *
 * @param notificationId derived from the source event's id, so the same event always gives the same
 *     id and a receiver can drop duplicates
 * @param severity how urgent it is
 * @param kind {@code backup.failed}, {@code verification.failed}, {@code verification.error} or
 *     {@code verification.passed}
 * @param targetId the target (database)
 * @param backupId the backup, or null when a backup failed before it got an id
 * @param summary one sentence for a person, e.g. {@code Backup 1a2b3c4d of chinook FAILED
 *     verification: checksum, row-counts}
 * @param failedChecks names of the verification checks that FAILED; empty when none
 * @param reason why, in more detail (failure code and tool message, or the failed checks'
 *     details); null when everything passed
 * @param occurredAt when the source event happened (UTC)
 * @param reportKey object key of the verification report, or null
 * @param link where a person looks next (the backup's report page or the dashboard), an absolute URL, or null when
 *     no public URL is configured
 * @param findings the source-health findings (flaws of the source database itself, e.g. orphan rows under a foreign
 *     key); empty when none
 * @param report the periodic report this notification carries (kind {@code report.periodic}), or null
 */
public record Notification(
        UUID notificationId,
        Severity severity,
        String kind,
        String targetId,
        UUID backupId,
        String summary,
        List<String> failedChecks,
        String reason,
        Instant occurredAt,
        String reportKey,
        String link,
        List<String> findings,
        BackupReportIssued report) {

    /** The summary and reason are {@link MessageRedactor#redact redacted}: no secrets, no row data, bounded. */
    public Notification {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
        findings = findings == null
                ? List.of()
                : findings.stream().map(MessageRedactor::redact).toList();
        summary = MessageRedactor.redact(summary);
        reason = MessageRedactor.redact(reason);
    }

    /** A notification without link, findings or report. */
    public Notification(
            UUID notificationId,
            Severity severity,
            String kind,
            String targetId,
            UUID backupId,
            String summary,
            List<String> failedChecks,
            String reason,
            Instant occurredAt,
            String reportKey) {
        this(
                notificationId,
                severity,
                kind,
                targetId,
                backupId,
                summary,
                failedChecks,
                reason,
                occurredAt,
                reportKey,
                null,
                List.of(),
                null);
    }
}
