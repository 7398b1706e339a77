package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.RestoreCommand;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/backups/{id}/restore} and {@code POST /api/targets/{targetId}/restore}; every field is
 * optional, and no body at all restores everything into a new database on the backup's own server.
 *
 * @param destinationId a configured destination ({@code bulwark.restore.destinations.<id>}), or null
 * @param destinationTarget a configured target whose own server to restore to, or null
 * @param database the database to restore into (1 to 63 characters), or null for a new one named {@code <source
 *     db>_restored_<UTC timestamp>}
 * @param replace true to restore into an existing, non-empty database, or the backup's own source database
 * @param confirm the database's name repeated; required with {@code replace}
 * @param tables tables to restore ({@code schema.table} on PostgreSQL, {@code table} on MySQL/MariaDB), or null for
 *     all
 * @param schemas PostgreSQL schemas to restore, or null for all
 * @param force true to restore a backup that is not VERIFIED
 * @param jobs parallel restore jobs, 1 to 64, or null for one
 * @param at target restores only: restore the newest VERIFIED backup completed at or before this ISO-8601 instant
 */
public record RestoreRequestBody(
        String destinationId,
        String destinationTarget,
        String database,
        Boolean replace,
        String confirm,
        List<String> tables,
        List<String> schemas,
        Boolean force,
        Integer jobs,
        Instant at) {

    /** The body of a request that sent none. */
    static RestoreRequestBody empty() {
        return new RestoreRequestBody(null, null, null, null, null, null, null, null, null, null);
    }

    /** The command this body asks for ({@code at} aside); absent booleans are false. */
    RestoreCommand toCommand() {
        return new RestoreCommand(
                destinationId,
                destinationTarget,
                database,
                Boolean.TRUE.equals(replace),
                confirm,
                schemas,
                tables,
                Boolean.TRUE.equals(force),
                jobs);
    }
}
