package io.bulwark.scheduler.domain.alerts;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.contracts.AlertState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One alert as stored ({@code scheduler.alerts}): opened once per {@link Finding#dedupKey()} while its condition holds.
 *
 * @param alertId the alert's id, the same in every event of it
 * @param targetId the target, or {@code _all}
 * @param kind what it is about
 * @param dedupKey the key of the condition ({@link Finding#dedupKey()}); at most one unresolved alert per key
 * @param severity how urgent it is
 * @param state OPEN, ESCALATED or RESOLVED
 * @param escalationLevel 0 when opened, +1 at each escalation
 * @param summary one line for a person (the latest finding's)
 * @param details more lines, or null
 * @param backupId the backup that raised it, or null
 * @param openedAt when it opened
 * @param lastSentAt when its latest OPEN or ESCALATED state was entered (the escalation clock)
 * @param resolvedAt when it resolved, or null while unresolved
 * @param pendingPublish true while the event of its current state (and level) is not yet accepted by the broker
 */
public record Alert(
        UUID alertId,
        String targetId,
        AlertKind kind,
        String dedupKey,
        AlertSeverity severity,
        AlertState state,
        int escalationLevel,
        String summary,
        String details,
        UUID backupId,
        Instant openedAt,
        Instant lastSentAt,
        Instant resolvedAt,
        boolean pendingPublish) {

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    /** A new alert for {@code finding}, OPEN at level 0, to be published. */
    public static Alert open(Finding finding, UUID alertId, Instant now) {
        return new Alert(
                alertId,
                finding.targetId(),
                finding.kind(),
                finding.dedupKey(),
                finding.severity(),
                AlertState.OPEN,
                0,
                finding.summary(),
                finding.details(),
                finding.backupId(),
                now,
                now,
                null,
                true);
    }

    /** True while OPEN or ESCALATED. */
    public boolean isUnresolved() {
        return state != AlertState.RESOLVED;
    }

    /** This alert ESCALATED one level more at {@code now}, to be published. */
    public Alert escalated(Instant now) {
        return new Alert(
                alertId,
                targetId,
                kind,
                dedupKey,
                severity,
                AlertState.ESCALATED,
                escalationLevel + 1,
                summary,
                details,
                backupId,
                openedAt,
                now,
                null,
                true);
    }

    /** This alert RESOLVED at {@code now} (level kept), to be published. */
    public Alert resolved(Instant now) {
        return new Alert(
                alertId,
                targetId,
                kind,
                dedupKey,
                severity,
                AlertState.RESOLVED,
                escalationLevel,
                summary,
                details,
                backupId,
                openedAt,
                lastSentAt,
                now,
                true);
    }

    /** This alert with the figures of a newer finding of the same condition; state and level unchanged. */
    public Alert refreshed(Finding finding) {
        return new Alert(
                alertId,
                targetId,
                kind,
                dedupKey,
                finding.severity(),
                state,
                escalationLevel,
                finding.summary(),
                finding.details(),
                finding.backupId(),
                openedAt,
                lastSentAt,
                resolvedAt,
                pendingPublish);
    }

    /** True when a refresh with {@code finding} would change something. */
    public boolean differsFrom(Finding finding) {
        return severity != finding.severity()
                || !summary.equals(finding.summary())
                || !Objects.equals(details, finding.details())
                || !Objects.equals(backupId, finding.backupId());
    }

    /** When its current state was entered: resolution time, else the time of its latest OPEN or ESCALATED. */
    public Instant changedAt() {
        return resolvedAt != null ? resolvedAt : lastSentAt;
    }

    /**
     * The id of the event of its current state: a name-based UUID of {@code alertId/state/level}, so that a
     * re-published event (after a crash between the broker's acceptance and recording it) carries the same id and
     * consumers drop the copy.
     */
    public UUID eventId() {
        return UUID.nameUUIDFromBytes((alertId + "/" + state + "/" + escalationLevel).getBytes(StandardCharsets.UTF_8));
    }
}
