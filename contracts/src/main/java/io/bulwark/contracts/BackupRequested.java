package io.bulwark.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Asks for one backup of a target. Published on {@link Topics#BACKUP_REQUESTED} by the scheduler or
 * by any other system, keyed by {@code targetId}.
 *
 * <p>Only {@code requestId} and {@code targetId} are required on the wire; the rest defaults:
 * {@code eventId} to {@code requestId}, {@code occurredAt} and {@code requestedAt} to each other or
 * now, {@code trigger} to EVENT, {@code tier} to ADHOC, {@code schemaVersion} to 1. The backup taken
 * for this request has {@code backupId == requestId}, so a request delivered twice names one backup.
 *
 * @param requestId unique id of the request, chosen by the requester
 * @param targetId the database to back up, {@code [a-z0-9][a-z0-9_-]{0,62}}
 * @param trigger what started it
 * @param scheduleId the schedule that fired, or null
 * @param label part of the object key, {@code [a-z0-9][a-z0-9_-]{0,62}}, or null for the tier name
 * @param tier the retention tier
 * @param requestedAt when it was asked for
 * @param requestedBy who asked (a user, a service name), free text, never a secret
 * @throws IllegalArgumentException when {@code targetId} or {@code label} is not a safe id, or
 *     {@code requestId} is missing
 */
public record BackupRequested(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID requestId,
        String targetId,
        Trigger trigger,
        String scheduleId,
        String label,
        Tier tier,
        Instant requestedAt,
        String requestedBy)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;

    public BackupRequested {
        Objects.requireNonNull(requestId, "requestId is required");
        Ids.requireSafe("targetId", targetId);
        if (label != null) {
            Ids.requireSafe("label", label);
        }
        if (scheduleId != null) {
            Ids.requireSafe("scheduleId", scheduleId);
        }
        eventId = eventId != null ? eventId : requestId;
        Instant now = Instant.now();
        requestedAt = requestedAt != null ? requestedAt : (occurredAt != null ? occurredAt : now);
        occurredAt = occurredAt != null ? occurredAt : requestedAt;
        schemaVersion = schemaVersion > 0 ? schemaVersion : SCHEMA_VERSION;
        trigger = trigger != null ? trigger : Trigger.EVENT;
        tier = tier != null ? tier : Tier.ADHOC;
    }

    /** A new request with fresh ids, stamped now. */
    public static BackupRequested of(
            String targetId, Trigger trigger, String scheduleId, String label, Tier tier, String requestedBy) {
        UUID requestId = UUID.randomUUID();
        Instant now = Instant.now();
        return new BackupRequested(
                UUID.randomUUID(),
                now,
                SCHEMA_VERSION,
                requestId,
                targetId,
                trigger,
                scheduleId,
                label,
                tier,
                now,
                requestedBy);
    }

    /** The id of the backup this request produces: the request id itself. */
    public UUID backupId() {
        return requestId;
    }

    /** The label used in the object key: the given one, else the tier in lower case. */
    public String effectiveLabel() {
        return label != null ? label : tier.name().toLowerCase(java.util.Locale.ROOT);
    }
}
