package io.bulwark.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert opened, escalated or resolved. Published on {@link Topics#ALERT} by the scheduler, which evaluates the
 * alert conditions on a timer; the notifier routes it to channels by target and severity.
 *
 * @param alertId the alert's id: the same for its OPEN, every ESCALATED and its RESOLVED event
 * @param targetId the target it is about, or {@link BulwarkEvent#ALL_TARGETS} for one about the whole installation
 *     (an unreachable object store)
 * @param kind what the alert is about
 * @param severity how urgent it is
 * @param state OPEN, ESCALATED or RESOLVED
 * @param escalationLevel 0 when opened, 1 at the first escalation, and so on; kept on RESOLVED
 * @param summary one line for a person, e.g. {@code chinook: last verified backup is 26h old; RPO is 25h}
 * @param details more lines (figures, the checks that failed), or null
 * @param backupId the backup that raised it (size, duration, failed verification), or null
 * @param openedAt when the alert opened
 * @param link where to look: the dashboard or the backup's report, or null when no public URL is configured
 */
public record AlertChanged(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
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
        String link)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;
}
