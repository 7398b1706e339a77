package io.bulwark.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Asks the verifier to verify an existing backup again, replacing its stored report. Published on
 * {@link Topics#VERIFICATION_REQUESTED} by the scheduler ({@code POST /api/backups/{id}/verify}) or
 * by any other system, keyed by {@code targetId}. The verdict comes as a {@link BackupVerified}.
 *
 * <p>{@code requestId}, {@code backupId} and {@code targetId} are required on the wire; the rest
 * defaults: {@code eventId} to {@code requestId}, {@code occurredAt} and {@code requestedAt} to each
 * other or now, {@code schemaVersion} to 1. A null {@code manifestKey} is verified as a backup
 * without a manifest: FAILED.
 *
 * @param requestId unique id of this request, chosen by the requester
 * @param backupId the backup to verify again
 * @param targetId the database the backup is of, {@code [a-z0-9][a-z0-9_-]{0,62}}
 * @param prefix the backup's object-key prefix, or null
 * @param manifestKey the object key of the backup's manifest, or null when unknown
 * @param requestedAt when it was asked for
 * @param requestedBy who asked (a user, a service name), free text, never a secret
 * @throws IllegalArgumentException when {@code targetId} is not a safe id
 * @throws NullPointerException when {@code requestId} or {@code backupId} is missing
 */
public record VerificationRequested(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID requestId,
        UUID backupId,
        String targetId,
        String prefix,
        String manifestKey,
        String requestedBy,
        Instant requestedAt)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;

    public VerificationRequested {
        Objects.requireNonNull(requestId, "requestId is required");
        Objects.requireNonNull(backupId, "backupId is required");
        Ids.requireSafe("targetId", targetId);
        eventId = eventId != null ? eventId : requestId;
        Instant now = Instant.now();
        requestedAt = requestedAt != null ? requestedAt : (occurredAt != null ? occurredAt : now);
        occurredAt = occurredAt != null ? occurredAt : requestedAt;
        schemaVersion = schemaVersion > 0 ? schemaVersion : SCHEMA_VERSION;
    }

    /** A new request with a fresh id, stamped now. */
    public static VerificationRequested of(
            UUID backupId, String targetId, String prefix, String manifestKey, String requestedBy) {
        UUID requestId = UUID.randomUUID();
        Instant now = Instant.now();
        return new VerificationRequested(
                requestId, now, SCHEMA_VERSION, requestId, backupId, targetId, prefix, manifestKey, requestedBy, now);
    }
}
