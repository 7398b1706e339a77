package io.bulwark.pipeline;

import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DatabaseState;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.engines.RestoreEngine.DatabaseLock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Decides which database a restore writes into, and refuses what an operator would not want written:
 *
 * <ul>
 *   <li>by default a <b>new database</b> {@code <source db>_restored_<UTC yyyyMMdd'T'HHmmss'Z'>}, or the name given;
 *   <li>an existing database that is empty is restored into as it is;
 *   <li>an existing database that is <b>not empty</b> only with {@code replace} and its name repeated as {@code
 *       confirm}; otherwise DESTINATION_REFUSED;
 *   <li>the backup's <b>own source database</b> (same server, same name) likewise only with {@code replace} and
 *       confirmation, even when it is empty;
 *   <li>{@code replace} without the right confirmation is INVALID_REQUEST;
 *   <li>one restore at a time per database: the engine's lock on the server (DESTINATION_BUSY otherwise).
 * </ul>
 *
 * Nothing is written by {@link #decide}; {@link Decision#prepare} creates the database, or empties it for a whole
 * replace (dropped and created again), once the archive's head was read. Thread-safe.
 */
public final class DestinationPreparer {

    /** A database name a restore may create: 1 to 63 characters, no NUL, no slash, backslash or dot. */
    private static final Pattern NAME = Pattern.compile("[^\\x00/\\\\.]{1,63}");

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public DestinationPreparer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What the restore asks of its destination.
     *
     * @param database the database to restore into, or null for a new one named after the source
     * @param replace restore into an existing, non-empty database (or the source's own)
     * @param confirm the database's name repeated, required with {@code replace}
     * @param partial only some schemas or tables are restored: a replace then drops only what it restores
     */
    public record Request(String database, boolean replace, String confirm, boolean partial) {}

    /**
     * The backup's source, to recognise its own database on the destination server.
     *
     * @param host the source's host as the manifest records it
     * @param port its port
     * @param database its database
     */
    public record Source(String host, int port, String database) {}

    /**
     * The decision for one restore, holding the lock on the database until closed.
     *
     * @param database the database restored into
     * @param exists true when it existed before the restore
     * @param replace true when an existing database is replaced (whole: dropped and created again; partial: each
     *     restored object dropped first)
     */
    public record Decision(
            RestoreEngine engine,
            ConnectionSpec server,
            String database,
            boolean exists,
            boolean replace,
            boolean partial,
            DatabaseLock lock)
            implements AutoCloseable {

        /** True when the restore creates a database that did not exist: dropped again when the restore fails. */
        public boolean createsNew() {
            return !exists;
        }

        /** True when the restore drops each object it restores first ({@code pg_restore --clean}). */
        public boolean clean() {
            return replace && partial;
        }

        /** How to reach the database restored into. */
        public ConnectionSpec destination() {
            return server.withDatabase(database);
        }

        /**
         * Creates the database, or for a whole replace drops it and creates it again; a partial replace and an empty
         * existing database are restored into as they are.
         *
         * @throws RestoreRefusedException (DESTINATION_UNREACHABLE) when the server refuses, quoting it
         */
        public void prepare() {
            try {
                if (exists && replace && !partial) {
                    engine.dropDatabase(server, database);
                    engine.createDatabase(server, database);
                } else if (!exists) {
                    engine.createDatabase(server, database);
                }
            } catch (SQLException e) {
                throw new RestoreRefusedException(
                        RestoreFailureReason.DESTINATION_UNREACHABLE,
                        "cannot " + (exists ? "replace" : "create") + " database " + database + " on " + where(server)
                                + ": " + server.redact(e.getMessage()));
            }
        }

        /** Releases the lock; never throws. */
        @Override
        public void close() {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /**
     * Decides where the restore goes and takes the database's lock; writes nothing.
     *
     * @param server how to reach the destination server (its maintenance database)
     * @throws RestoreRefusedException with the reason when the restore must not go there
     */
    public Decision decide(RestoreEngine engine, ConnectionSpec server, Request request, Source source) {
        String database = request.database() != null && !request.database().isBlank()
                ? request.database()
                : defaultName(source.database());
        if (!NAME.matcher(database).matches()) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.INVALID_REQUEST,
                    "database: '" + database + "' is not a database name a restore may use (1 to 63 characters,"
                            + " no '/', '\\\\', '.' or NUL)");
        }
        if (request.replace() && !database.equals(request.confirm())) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.INVALID_REQUEST,
                    "confirm: replace needs the database's name repeated as confirmation (confirm: " + database + ")");
        }
        DatabaseState state;
        try {
            state = engine.databaseState(server, database);
        } catch (SQLException e) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.DESTINATION_UNREACHABLE,
                    "cannot reach " + where(server) + ": " + server.redact(e.getMessage()));
        }
        boolean confirmed = request.replace() && database.equals(request.confirm());
        if (isSource(server, database, source) && !confirmed) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.DESTINATION_REFUSED,
                    "database " + database + " on " + where(server) + " is the backup's own source database;"
                            + " restore into it only with replace: true and confirm: " + database);
        }
        if (state.exists() && !state.empty() && !confirmed) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.DESTINATION_REFUSED,
                    "database " + database + " on " + where(server) + " exists and is not empty (" + state.tables()
                            + " tables, views or sequences); restore into it only with replace: true and confirm: "
                            + database + ", or restore into a new database");
        }
        DatabaseLock lock;
        try {
            lock = engine.tryLock(server, database);
        } catch (SQLException e) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.DESTINATION_UNREACHABLE,
                    "cannot reach " + where(server) + ": " + server.redact(e.getMessage()));
        }
        if (lock == null) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.DESTINATION_BUSY,
                    "another restore into database " + database + " on " + where(server) + " is running");
        }
        return new Decision(
                engine, server, database, state.exists(), confirmed && state.exists(), request.partial(), lock);
    }

    /** {@code <source db>_restored_<UTC timestamp>}, cut so that it stays within 63 characters. */
    String defaultName(String sourceDatabase) {
        String suffix = "_restored_" + STAMP.format(clock.instant());
        String base = sourceDatabase == null || sourceDatabase.isBlank() ? "bulwark" : sourceDatabase;
        return base.substring(0, Math.min(base.length(), 63 - suffix.length())) + suffix;
    }

    /** True when {@code database} on {@code server} is the source's own: same name, same server (host and port). */
    static boolean isSource(ConnectionSpec server, String database, Source source) {
        if (source == null || source.database() == null || !source.database().equals(database)) {
            return false;
        }
        return server.port() == source.port() && sameHost(server.host(), source.host());
    }

    private static boolean sameHost(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        try {
            InetAddress left = InetAddress.getByName(a);
            InetAddress right = InetAddress.getByName(b);
            return left.equals(right) || (left.isLoopbackAddress() && right.isLoopbackAddress());
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String where(ConnectionSpec server) {
        return server.host().toLowerCase(Locale.ROOT) + ":" + server.port();
    }
}
