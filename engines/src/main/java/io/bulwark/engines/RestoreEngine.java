package io.bulwark.engines;

import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A database engine's restore adapter (the restore port): reads what the head of a decoded archive holds, plans a
 * partial restore, restores an archive read from a stream with the engine's own tool ({@code pg_restore}, the {@code
 * mariadb} client), and creates, sizes up and drops the databases restored into.
 *
 * <p>The archive is the decoded dump that {@link DumpEngine} wrote (a {@code pg_dump} custom archive, a {@code
 * mariadb-dump} SQL stream). It is hostile input: restore it only into a database made for it.
 *
 * <p>Implementations are thread-safe: one instance serves every restore, each call runs its own process or
 * connection. Every implementation passes {@code RestoreEngineContract} (engines' tests). Passwords reach the tools
 * through their environment or a private option file only, never an argument list or a message.
 */
public interface RestoreEngine {

    /** The engine name as manifests write it: {@code postgresql} or {@code mariadb}. */
    String engine();

    /** The restore tool's program name in messages, e.g. {@code pg_restore} or {@code mariadb}. */
    String toolName();

    /**
     * How many bytes of the decoded archive {@link #readHead} wants first: enough for the table of contents of most
     * archives (PostgreSQL 4 MiB) or the dump header (MariaDB 4 KiB).
     */
    int headBytes();

    /**
     * The most bytes {@link #readHead} may be given when the first {@link #headBytes()} ended inside the table of
     * contents ({@link ArchiveHead#endOfInput()}): PostgreSQL 16 MiB; {@link #headBytes()} when a larger head would
     * tell nothing more.
     */
    int maxHeadBytes();

    /**
     * Reads what the archive's first bytes hold, before anything is restored: PostgreSQL lists the table of contents
     * ({@code pg_restore --list} of the head), MariaDB looks for the dump header.
     *
     * @param head the first bytes of the decoded archive, or the whole archive when it is shorter
     * @param timeout how long a listing tool may run
     * @return what the head holds; an unreadable head is a result, not an exception
     * @throws io.bulwark.engines.process.ToolMissingException when the listing tool is not installed
     */
    ArchiveHead readHead(byte[] head, Duration timeout);

    /**
     * Plans a partial restore: which tables come back, with which of their objects, and which foreign keys point at
     * tables left out. PostgreSQL plans from the table of contents in {@code head}; MySQL/MariaDB selects as the dump
     * streams by ({@link RestoreOptions#selection()}), so its plan names only what was asked for.
     *
     * @param head the first bytes of the decoded archive, holding its table of contents
     * @param selection the schemas and tables to restore; not {@linkplain RestoreSelection#isEverything() everything}
     * @throws IllegalArgumentException naming a schema or table the archive does not hold, or a selection this
     *     engine cannot make (schemas on MySQL/MariaDB)
     */
    RestorePlan plan(byte[] head, RestoreSelection selection, Duration timeout);

    /**
     * Restores the archive read from {@code archive} (not closed) into {@code destination}'s database, which must
     * exist. Reading may stop before the end of the stream when the tool gives up; the caller may read the rest (for
     * a checksum). With {@link RestoreOptions#jobs()} above 1 the archive is first written to a temporary file (the
     * parallel tool needs to seek), where the engine supports it.
     *
     * @return what happened; a failed restore is a result, not an exception
     * @throws io.bulwark.engines.process.ToolMissingException when the restore tool is not installed
     * @throws InsufficientSpaceException when a parallel restore's temporary file would not fit
     */
    RestoreOutcome restore(InputStream archive, ConnectionSpec destination, RestoreOptions options);

    /**
     * What {@code database} on {@code server} holds now.
     *
     * @param server how to reach the server: its {@code database} is the maintenance database that server-level
     *     statements run in (PostgreSQL {@code postgres}, MariaDB {@code mysql}); the engine also connects to {@code
     *     database} itself as it needs
     * @throws SQLException when the server cannot be reached or refuses
     */
    DatabaseState databaseState(ConnectionSpec server, String database) throws SQLException;

    /**
     * Creates the empty database {@code database} on {@code server}, in the server's default encoding (PostgreSQL:
     * {@code template0}, so nothing of {@code template1} is copied in; MariaDB: {@code utf8mb4}).
     *
     * @throws SQLException when it exists already, the name is not allowed, or the user may not create databases
     */
    void createDatabase(ConnectionSpec server, String database) throws SQLException;

    /**
     * Drops {@code database} on {@code server} if it exists, ending other sessions on it first (PostgreSQL {@code
     * WITH (FORCE)}).
     *
     * @throws SQLException when it cannot be dropped
     */
    void dropDatabase(ConnectionSpec server, String database) throws SQLException;

    /**
     * Takes the engine's named lock on the server for {@code database}, held until the returned lock is closed or
     * the connection breaks: PostgreSQL {@code pg_try_advisory_lock}, MariaDB {@code GET_LOCK}. Two restores into the
     * same database, from any process, never run at once.
     *
     * <p>PostgreSQL advisory locks belong to the database the session is connected to: the lock is taken in {@code
     * server}'s maintenance database, so every restore must name the same one (Bulwark's default {@code postgres}).
     *
     * @return the lock, or null when another session holds it
     * @throws SQLException when the server cannot be reached
     */
    DatabaseLock tryLock(ConnectionSpec server, String database) throws SQLException;

    /** A lock taken by {@link #tryLock}; closing releases it (and its connection), never throws. */
    interface DatabaseLock extends AutoCloseable {
        @Override
        void close();
    }
}
