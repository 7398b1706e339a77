package io.bulwark.scheduler.domain.alerts;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import java.util.Objects;
import java.util.UUID;

/**
 * One condition that holds now: an alert should be open for it.
 *
 * @param targetId the target, or {@code _all} for the installation
 * @param kind what it is about
 * @param severity how urgent it is
 * @param discriminator what sets two findings of one target and kind apart (a schedule's name, {@code dump} or
 *     {@code restore}); empty when a target has at most one finding of the kind
 * @param summary one line for a person, e.g. {@code chinook: no verified backup for 26h; RPO is 25h}
 * @param details more lines (figures), or null
 * @param backupId the backup that raised it, or null
 */
public record Finding(
        String targetId,
        AlertKind kind,
        AlertSeverity severity,
        String discriminator,
        String summary,
        String details,
        UUID backupId) {

    public Finding {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        discriminator = discriminator == null ? "" : discriminator;
    }

    /**
     * The key an alert is opened once for: {@code <targetId>/<KIND>} or {@code <targetId>/<KIND>/<discriminator>}.
     */
    public String dedupKey() {
        return targetId + "/" + kind + (discriminator.isEmpty() ? "" : "/" + discriminator);
    }
}
