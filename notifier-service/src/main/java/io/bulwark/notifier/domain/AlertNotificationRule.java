package io.bulwark.notifier.domain;

import io.bulwark.contracts.AlertChanged;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.contracts.AlertState;
import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.contracts.BulwarkEvent;
import java.util.List;
import java.util.Locale;

/**
 * Turns alerts and periodic reports into notifications, and says how an alert is routed.
 *
 * <ul>
 *   <li>An {@link AlertChanged} becomes kind {@code alert.<kind>.<state>} in lower case (e.g. {@code
 *       alert.rpo_breach.open}); its severity maps CRITICAL to ERROR, WARNING to WARNING, INFO to INFO, and a RESOLVED
 *       alert is INFO. It is routed by the alert's own severity (so RESOLVED reaches the channels that got OPEN), and an
 *       ESCALATED one by its escalation level too.
 *   <li>A {@link BackupReportIssued} becomes kind {@link Routing#REPORT_KIND}, severity WARNING when a target missed
 *       its RPO or had failures, INFO otherwise, carrying the report for the channels' per-target table.
 * </ul>
 *
 * Notification ids derive from the source event id ({@link NotificationRule#notificationId}). Immutable and
 * thread-safe.
 */
public final class AlertNotificationRule {

    /** The notification of {@code event}. */
    public Notification onAlertChanged(AlertChanged event) {
        Severity severity = event.state() == AlertState.RESOLVED ? Severity.INFO : severity(event.severity());
        String kind = "alert." + event.kind().name().toLowerCase(Locale.ROOT) + "."
                + event.state().name().toLowerCase(Locale.ROOT);
        String state = switch (event.state()) {
            case OPEN -> "OPEN";
            case ESCALATED -> "ESCALATED (level " + event.escalationLevel() + ")";
            case RESOLVED -> "RESOLVED";
        };
        String summary = "Alert " + event.kind() + " " + state + ": " + event.summary();
        return new Notification(
                NotificationRule.notificationId(event.eventId()),
                severity,
                kind,
                event.targetId(),
                event.backupId(),
                summary,
                List.of(),
                event.details(),
                event.occurredAt(),
                null,
                event.link(),
                List.of(),
                null);
    }

    /** What routing matches for {@code event}: the alert's own severity and, for ESCALATED, its level. */
    public Routing.Subject routingSubject(AlertChanged event, Notification notification) {
        return new Routing.Subject(
                event.targetId(),
                notification.kind(),
                severity(event.severity()),
                event.state() == AlertState.ESCALATED ? Math.max(1, event.escalationLevel()) : 0);
    }

    /** The notification carrying the periodic {@code report}. */
    public Notification onReportIssued(BackupReportIssued report) {
        long missed = report.targets().stream().filter(t -> !t.rpoMet()).count();
        int failed = report.targets().stream()
                .mapToInt(BackupReportIssued.TargetSummary::backupsFailed)
                .sum();
        int taken = report.targets().stream()
                .mapToInt(BackupReportIssued.TargetSummary::backupsTaken)
                .sum();
        Severity severity = missed > 0 || failed > 0 ? Severity.WARNING : Severity.INFO;
        String summary = "Backup report " + report.periodStart() + " to " + report.periodEnd() + ": "
                + report.targets().size() + " targets, " + taken + " backups, " + failed + " failed, " + missed
                + " missed the RPO";
        return new Notification(
                NotificationRule.notificationId(report.eventId()),
                severity,
                Routing.REPORT_KIND,
                BulwarkEvent.ALL_TARGETS,
                null,
                summary,
                List.of(),
                null,
                report.occurredAt(),
                null,
                report.link(),
                List.of(),
                report);
    }

    /** CRITICAL is ERROR; WARNING and INFO keep their names. */
    public static Severity severity(AlertSeverity severity) {
        return switch (severity) {
            case CRITICAL -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case INFO -> Severity.INFO;
            case null -> Severity.WARNING;
        };
    }
}
