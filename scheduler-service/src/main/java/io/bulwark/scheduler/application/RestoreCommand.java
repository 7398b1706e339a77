package io.bulwark.scheduler.application;

import io.bulwark.contracts.Ids;
import io.bulwark.scheduler.domain.DatabaseEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a restore request asks for, apart from which backup: where to, which part, how. Nulls mean "not given".
 *
 * @param destinationId a configured destination ({@code bulwark.restore.destinations.<id>}), or null
 * @param destinationTarget a configured target whose own server to restore to, or null
 * @param database the database to restore into, or null for a new one named after the source
 * @param replace true to restore into an existing, non-empty database (or the backup's own source database)
 * @param confirm the database's name repeated; required with {@code replace}
 * @param schemas PostgreSQL schemas to restore; empty for all
 * @param tables tables to restore ({@code schema.table} on PostgreSQL, {@code table} on MySQL/MariaDB); empty for
 *     all
 * @param force true to restore a backup that is not VERIFIED
 * @param jobs parallel restore jobs, 1 to {@value #MAX_JOBS}, or null for one
 */
public record RestoreCommand(
        String destinationId,
        String destinationTarget,
        String database,
        boolean replace,
        String confirm,
        List<String> schemas,
        List<String> tables,
        boolean force,
        Integer jobs) {

    /** The most parallel restore jobs one restore may ask for (the contract's limit). */
    public static final int MAX_JOBS = 64;

    /** A database name a restore may use: 1 to 63 characters, no NUL, slash, backslash or dot (as the verifier). */
    private static final Pattern DATABASE = Pattern.compile("[^\\x00/\\\\.]{1,63}");

    public RestoreCommand {
        schemas = copy(schemas);
        tables = copy(tables);
    }

    /** A restore of everything into a new database on the backup's own server. */
    public static RestoreCommand defaults() {
        return new RestoreCommand(null, null, null, false, null, List.of(), List.of(), false, null);
    }

    /**
     * Checks the rules that need nothing but the request itself.
     *
     * @throws InvalidRequestException naming the first field that breaks a rule: {@code destinationId} or {@code
     *     destinationTarget} not a safe id (or both given), {@code database} blank or not a name a restore may use,
     *     {@code database} missing or {@code confirm} not equal to it with {@code replace}, {@code jobs} out of range,
     *     a blank entry in {@code schemas} or {@code tables}
     */
    public void validate() {
        requireSafe("destinationId", destinationId);
        requireSafe("destinationTarget", destinationTarget);
        if (destinationId != null && destinationTarget != null) {
            throw new InvalidRequestException(
                    "destinationTarget", "name either destinationId or destinationTarget, not both");
        }
        if (database != null
                && (database.isBlank() || !DATABASE.matcher(database).matches())) {
            throw new InvalidRequestException(
                    "database", "database must be 1 to 63 characters without '/', '\\', '.' or NUL, and not blank");
        }
        if (replace && database == null) {
            throw new InvalidRequestException(
                    "database", "replace needs the database to replace named in database (and repeated in confirm)");
        }
        if (replace && !database.equals(confirm)) {
            throw new InvalidRequestException(
                    "confirm",
                    "replace needs the database's name repeated as confirmation (confirm: " + database + ")");
        }
        if (jobs != null && (jobs < 1 || jobs > MAX_JOBS)) {
            throw new InvalidRequestException("jobs", "jobs must be between 1 and " + MAX_JOBS + " but was " + jobs);
        }
        requireNames("schemas", schemas);
        requireNames("tables", tables);
    }

    /**
     * Checks the rules of the backup's engine: PostgreSQL tables are {@code schema.table}; a MySQL/MariaDB backup is
     * one database, so it has no schemas to pick.
     *
     * @throws InvalidRequestException naming {@code tables} or {@code schemas}
     */
    public void validateFor(DatabaseEngine engine) {
        if (engine == DatabaseEngine.POSTGRESQL) {
            for (int i = 0; i < tables.size(); i++) {
                String table = tables.get(i);
                int dot = table.indexOf('.');
                if (dot <= 0 || dot == table.length() - 1) {
                    throw new InvalidRequestException(
                            "tables",
                            "tables[" + i + "]: '" + table + "' must be schema.table for a PostgreSQL backup");
                }
            }
        } else if (engine == DatabaseEngine.MARIADB && !schemas.isEmpty()) {
            throw new InvalidRequestException(
                    "schemas", "schemas apply to PostgreSQL backups only; a MySQL/MariaDB backup is one database");
        }
    }

    /** True when the request names the database to restore into (else a new one is created). */
    public boolean namesDatabase() {
        return database != null;
    }

    /** An unmodifiable copy that keeps null entries, so that {@link #validate} can name them. */
    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    private static void requireSafe(String field, String value) {
        if (value != null && !Ids.isSafe(value)) {
            throw new InvalidRequestException(field, field + " must match " + Ids.SAFE_ID.pattern());
        }
    }

    private static void requireNames(String field, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null || names.get(i).isBlank()) {
                throw new InvalidRequestException(field, field + "[" + i + "] is blank");
            }
        }
    }
}
