package io.bulwark.scheduler.adapter.web;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.contracts.AlertState;
import io.bulwark.scheduler.domain.alerts.Alert;
import java.time.Instant;
import java.util.UUID;

/**
 * One alert in {@code GET /api/alerts}.
 *
 * @param alertId the alert's id, the same in each of its {@code AlertChanged} events
 * @param targetId the target, or {@code _all} for the installation
 * @param kind what it is about
 * @param severity INFO, WARNING or CRITICAL
 * @param state OPEN, ESCALATED or RESOLVED
 * @param escalationLevel 0 when opened, +1 at each escalation
 * @param summary one line for a person
 * @param details more lines, or null
 * @param backupId the backup that raised it, or null
 * @param openedAt when it opened
 * @param lastSentAt when its latest OPEN or ESCALATED state was entered
 * @param resolvedAt when it resolved, or null while open
 * @param link the dashboard or the backup's report under {@code bulwark.console.public-url}, or null when unset
 */
public record AlertView(
        UUID alertId,
        String targetId,
        AlertKind kind,
        AlertSeverity severity,
        AlertState state,
        int escalationLevel,
        String summary,
        String details,
        UUID backupId,
        Instant openedAt,
        Instant lastSentAt,
        Instant resolvedAt,
        String link) {

    /** The view of {@code alert} with its {@code link}. */
    public static AlertView of(Alert alert, String link) {
        return new AlertView(
                alert.alertId(),
                alert.targetId(),
                alert.kind(),
                alert.severity(),
                alert.state(),
                alert.escalationLevel(),
                alert.summary(),
                alert.details(),
                alert.backupId(),
                alert.openedAt(),
                alert.lastSentAt(),
                alert.resolvedAt(),
                link);
    }
}
