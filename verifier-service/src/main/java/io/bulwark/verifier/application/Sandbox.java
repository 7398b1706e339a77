package io.bulwark.verifier.application;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.verifier.domain.VerificationRules.ForeignKeyOrphans;
import io.bulwark.verifier.domain.VerificationRules.IndexFindings;
import io.bulwark.verifier.domain.VerificationRules.SequenceState;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * A throwaway database server holding one empty database to restore into (DESIGN.md, "Verification").
 *
 * <p>Lifecycle: obtained started from {@link SandboxProvider#start()}, used by one verification on one
 * thread, then {@link #close() closed}, which removes the server and all its files whatever happened
 * before. Not thread-safe.
 */
public interface Sandbox extends AutoCloseable {

    /** The server's version, e.g. {@code 15.20}. */
    String serverVersion();

    /**
     * Restores the archive read from {@code archive} into the sandbox's database. Reading may stop
     * before the end of the stream when the restore tool gives up; the stream is not closed.
     *
     * @param timeout how long the restore may take before it is killed
     * @return what happened; a failed restore is a result, not an exception
     */
    RestoreResult restore(InputStream archive, Duration timeout);

    /**
     * Lists the table of contents of a PostgreSQL custom-format archive from its first bytes alone
     * ({@code pg_restore --list}, with the sandbox's own {@code pg_restore}), before the restore.
     *
     * @param head the first bytes of the decoded archive, the whole archive when it is shorter
     * @param timeout how long the listing may take before it is killed
     * @return what the tool read, or null when this sandbox has no tool to list archives with
     */
    default ArchiveListing listArchive(byte[] head, Duration timeout) {
        return null;
    }

    /**
     * What {@link #listArchive} read.
     *
     * @param tool the tool that listed it, e.g. {@code pg_restore --list}
     * @param entries the number of table-of-contents entries; 0 when it failed
     * @param error the tool's error, null when it read the whole table of contents
     * @param endOfInput true when the failure is that the head ended before the table of contents did
     */
    record ArchiveListing(String tool, int entries, String error, boolean endOfInput) {}

    /**
     * The schema inventory of the restored database, with exact row counts.
     *
     * @throws SandboxException when the sandbox cannot be queried
     */
    SchemaInventory inventory();

    /**
     * Every foreign-key constraint of the restored database with its number of orphan rows: child rows
     * whose key columns are all non-null and match no row of the referenced table. Empty when the
     * database has no foreign key.
     *
     * @throws SandboxException when the sandbox cannot be queried
     */
    List<ForeignKeyOrphans> foreignKeyOrphans();

    /**
     * Runs the engine's consistency checker over the restored database: PostgreSQL {@code amcheck}'s
     * {@code bt_index_check} on every valid btree index, MariaDB {@code CHECK TABLE} on every table. A
     * checker that is not installed is a finding ({@link IndexFindings#notRun}), not an exception.
     *
     * @throws SandboxException when the sandbox cannot be queried
     */
    IndexFindings checkIndexes();

    /**
     * Every ascending sequence with each column it fills, its next value and the column's max: PostgreSQL
     * a sequence owned by the column ({@code pg_depend} deptype {@code a}, serial or {@code OWNED BY}, or
     * {@code i}, identity) or that the column's default takes values from ({@code DEFAULT nextval(...)}
     * on a free-standing sequence); MariaDB a table's AUTO_INCREMENT.
     *
     * @throws SandboxException when the sandbox cannot be queried
     */
    List<SequenceState> sequences();

    /**
     * Runs {@code sql} in the restored database and answers the first column of its first row as text.
     *
     * @return the value ({@code null} for SQL NULL or no row), or the database's error
     * @throws SandboxException when the sandbox cannot be reached at all
     */
    QueryResult query(String sql);

    /**
     * The answer to {@link #query}.
     *
     * @param value the first column of the first row as text; null for SQL NULL or no row
     * @param error the database's error when the statement failed, else null
     */
    record QueryResult(String value, String error) {}

    /** Stops the server and removes its files; idempotent, never throws. */
    @Override
    void close();

    /**
     * The result of a restore.
     *
     * @param succeeded the tool exited 0 after reading the whole archive
     * @param failureDetail what went wrong, quoting the tool's errors; null when it succeeded
     * @param elapsedMillis how long the restore took in milliseconds
     * @param tool the restore tool that ran, e.g. {@code pg_restore} or {@code mariadb}
     */
    record RestoreResult(boolean succeeded, String failureDetail, long elapsedMillis, String tool) {

        /** A result of {@code pg_restore}. */
        public RestoreResult(boolean succeeded, String failureDetail, long elapsedMillis) {
            this(succeeded, failureDetail, elapsedMillis, "pg_restore");
        }
    }
}
