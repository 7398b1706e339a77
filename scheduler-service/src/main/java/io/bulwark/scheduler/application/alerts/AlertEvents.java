package io.bulwark.scheduler.application.alerts;

import io.bulwark.contracts.AlertChanged;
import io.bulwark.contracts.AlertKind;
import io.bulwark.scheduler.domain.alerts.Alert;
import java.util.EnumSet;
import java.util.Set;

/**
 * Makes the {@link AlertChanged} event of an alert's current state. The event id is {@link Alert#eventId()} (derived
 * from alert id, state and level), {@code occurredAt} the time the state was entered, so a re-published event is
 * identical. The {@code link} is built from {@code bulwark.console.public-url}: the backup's report page ({@code
 * <url>/api/backups/<id>/report.html}) for an alert about one backup's verification, size or duration, else the
 * dashboard ({@code <url>/console/}); null when no public URL is configured.
 */
public final class AlertEvents {

    private static final Set<AlertKind> ABOUT_A_BACKUP = EnumSet.of(
            AlertKind.SIZE_ANOMALY, AlertKind.DURATION, AlertKind.VERIFICATION_FAILED, AlertKind.CONSECUTIVE_FAILURES);

    private final String publicUrl;

    /**
     * @param publicUrl the console's public base URL, e.g. {@code https://bulwark.example.com}; null or blank when
     *     not configured (a trailing slash is dropped)
     */
    public AlertEvents(String publicUrl) {
        this.publicUrl = publicUrl == null || publicUrl.isBlank()
                ? null
                : publicUrl.trim().replaceAll("/+$", "");
    }

    /** The event of {@code alert}'s current state. */
    public AlertChanged event(Alert alert) {
        return new AlertChanged(
                alert.eventId(),
                alert.changedAt(),
                AlertChanged.SCHEMA_VERSION,
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
                link(alert));
    }

    /** Where a person looks at {@code alert}, or null when no public URL is configured. */
    public String link(Alert alert) {
        if (publicUrl == null) {
            return null;
        }
        if (alert.backupId() != null && ABOUT_A_BACKUP.contains(alert.kind())) {
            return publicUrl + "/api/backups/" + alert.backupId() + "/report.html";
        }
        return publicUrl + "/console/";
    }
}
