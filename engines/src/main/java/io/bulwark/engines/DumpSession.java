package io.bulwark.engines;

import io.bulwark.contracts.SchemaInventory;
import java.io.InputStream;

/**
 * One running dump, opened by {@link DumpEngine#open}.
 *
 * <p>Lifecycle: read {@link #stdout()} to its end, call {@link #awaitSuccess()}, read {@link
 * #inventory()}, then {@link #close()}. Closing kills the tool (with its children) if it still runs,
 * for example after an upload that failed midway, and releases the connection and snapshot. Not
 * thread-safe, except that {@link #awaitSuccess()} may run on the thread reading {@link #stdout()}
 * and {@link #stderr()} may be read from any thread.
 */
public interface DumpSession extends AutoCloseable {

    /** The dump tool's standard output: the archive, uncompressed. */
    InputStream stdout();

    /**
     * Waits for the tool to exit (it is killed at the dump timeout).
     *
     * @throws DumpFailedException when it exited non-zero or was killed at its timeout; the reason is
     *     classified from its stderr, the message is its stderr (trimmed, password redacted)
     */
    void awaitSuccess();

    /**
     * The schema inventory of what the dump holds, with exact row counts. Complete only after {@link
     * #awaitSuccess()} returned (an engine may count rows in the stream itself).
     */
    SchemaInventory inventory();

    /**
     * The source's own health at dump time (orphan rows per foreign key, sequence positions), taken in the dump's
     * snapshot (PostgreSQL) or just before the dump (MySQL/MariaDB); complete after {@link #awaitSuccess()} returned.
     * Null when it could not be taken.
     */
    default io.bulwark.contracts.SourceHealth sourceHealth() {
        return null;
    }

    /** How the row counts of {@link #inventory()} were taken, one sentence for a person reading the manifest. */
    String rowCountMethod();

    /** The server's version, e.g. {@code 15.20} or {@code 10.11.19-MariaDB}. */
    String serverVersion();

    /** The server's version as a number: {@code server_version_num} (150020) or MySQL style (101119). */
    int serverVersionNum();

    /** The snapshot the dump and the counts share (PostgreSQL {@code pg_export_snapshot()}), or null. */
    String snapshotId();

    /** The dump tool's program name, e.g. {@code pg_dump} or {@code mariadb-dump}. */
    String toolName();

    /** The dump tool's {@code --version} output, e.g. {@code pg_dump (PostgreSQL) 15.20}. */
    String toolVersion();

    /** The tool's output format, e.g. {@code custom} or {@code sql}. */
    String toolFormat();

    /** The tail of the tool's stderr so far, password redacted. */
    String stderr();

    /** Kills the tool if it still runs, then releases the connection (and its snapshot); idempotent. */
    @Override
    void close();
}
