package io.bulwark.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Asks the verifier to restore a backup into a real database and prove it. Published on {@link
 * Topics#RESTORE_REQUESTED} by the scheduler ({@code POST /api/backups/{id}/restore}, {@code POST
 * /api/targets/{targetId}/restore}) or by any other system, keyed by {@code targetId}. The answer comes as {@link
 * RestoreProgressed} events, then one {@link RestoreCompleted} or {@link RestoreFailed}. Never holds a credential:
 * the destination is named, its password is configured.
 *
 * <p>Which backup: {@code backupId} (with {@code prefix} when known); without it, the newest VERIFIED backup of {@code
 * targetId}, taken at or before {@code at} when that is set. A backup that is not VERIFIED is restored only with
 * {@code force}. Where to: {@code destinationId} names a configured destination ({@code bulwark.restore.destinations});
 * else {@code destinationTarget} names a target whose own server is used; else the backup's own target's server.
 * Into {@code database}, or by default a new database {@code <source db>_restored_<UTC yyyyMMdd'T'HHmmss'Z'>}. An
 * existing non-empty database, and the backup's own source database, are written only with {@code replace} and
 * {@code confirm} equal to the database's name.
 *
 * <p>{@code restoreId} and {@code targetId} are required on the wire; {@code eventId} defaults to {@code restoreId},
 * the times to each other or now, {@code schemaVersion} to 1.
 *
 * @param restoreId unique id of this restore, chosen by the requester
 * @param targetId the target whose backup is restored, {@code [a-z0-9][a-z0-9_-]{0,62}}
 * @param backupId the backup to restore, or null for the newest VERIFIED one
 * @param prefix the backup's object-key prefix when known, else null (found from the object store)
 * @param at with no {@code backupId}: restore the newest VERIFIED backup completed at or before this time; null for
 *     the newest
 * @param destinationId a configured destination's id, or null
 * @param destinationTarget a target id whose own server to restore to, or null
 * @param database the database to restore into, or null for a new one named as above
 * @param replace true to restore into an existing, non-empty database (with {@code confirm})
 * @param confirm the destination database's name repeated, required with {@code replace}
 * @param schemas PostgreSQL schemas to restore, empty for all
 * @param tables tables to restore ({@code schema.table} on PostgreSQL, {@code table} on MySQL/MariaDB), empty for
 *     all
 * @param force true to restore a backup that is not VERIFIED; the report says so
 * @param jobs parallel restore jobs ({@code pg_restore -j}); null or 1 to stream
 * @param requestedBy who asked (a user, a service name), free text, never a secret
 * @param requestedAt when it was asked for
 * @throws IllegalArgumentException when {@code targetId} is not a safe id or {@code jobs} is below 1
 * @throws NullPointerException when {@code restoreId} is missing
 */
public record RestoreRequested(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID restoreId,
        String targetId,
        UUID backupId,
        String prefix,
        Instant at,
        String destinationId,
        String destinationTarget,
        String database,
        boolean replace,
        String confirm,
        List<String> schemas,
        List<String> tables,
        boolean force,
        Integer jobs,
        String requestedBy,
        Instant requestedAt)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;

    public RestoreRequested {
        Objects.requireNonNull(restoreId, "restoreId is required");
        Ids.requireSafe("targetId", targetId);
        if (jobs != null && jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more but was " + jobs);
        }
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        tables = tables == null ? List.of() : List.copyOf(tables);
        eventId = eventId != null ? eventId : restoreId;
        Instant now = Instant.now();
        requestedAt = requestedAt != null ? requestedAt : (occurredAt != null ? occurredAt : now);
        occurredAt = occurredAt != null ? occurredAt : requestedAt;
        schemaVersion = schemaVersion > 0 ? schemaVersion : SCHEMA_VERSION;
    }

    /** True when only some schemas or tables are to be restored. */
    public boolean partial() {
        return !schemas.isEmpty() || !tables.isEmpty();
    }

    /** The parallel restore jobs, 1 when not set. */
    public int effectiveJobs() {
        return jobs == null ? 1 : jobs;
    }
}
