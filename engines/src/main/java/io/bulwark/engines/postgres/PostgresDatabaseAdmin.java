package io.bulwark.engines.postgres;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DatabaseState;
import io.bulwark.engines.RestoreEngine.DatabaseLock;
import io.bulwark.engines.SessionLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database-level statements of {@link PgRestoreTool}: whether a database exists and what it holds, {@code CREATE
 * DATABASE}, {@code DROP DATABASE ... WITH (FORCE)} and the advisory lock that keeps two restores out of one database
 * (PostgreSQL manual, "CREATE DATABASE", "DROP DATABASE", "Advisory Locks"). Server-level statements run in the
 * server spec's own database (the maintenance database, e.g. {@code postgres}). Stateless.
 */
final class PostgresDatabaseAdmin {

    /** The first key of the two-key advisory lock of restores: "Bulw" in ASCII, so it does not meet others' locks. */
    private static final int LOCK_NAMESPACE = 0x42756c77;

    /** Relations of the database's own (no system, toast or temporary schema; no extension member). */
    private static final String OWN_RELATIONS = "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid ="
            + " c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
            + " AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND NOT EXISTS (SELECT 1 FROM pg_depend d"
            + " WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')";

    private PostgresDatabaseAdmin() {}

    static DatabaseState state(ConnectionSpec server, String database) throws SQLException {
        try (Connection connection = connect(server);
                PreparedStatement st = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return DatabaseState.ABSENT;
                }
            }
        }
        try (Connection connection = connect(server.withDatabase(database));
                Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(OWN_RELATIONS)) {
            rs.next();
            return new DatabaseState(true, rs.getInt(1));
        }
    }

    static void create(ConnectionSpec server, String database) throws SQLException {
        try (Connection connection = connect(server);
                Statement st = connection.createStatement()) {
            st.execute("CREATE DATABASE " + PostgresInspector.quoteIdentifier(database) + " TEMPLATE template0");
        }
    }

    static void drop(ConnectionSpec server, String database) throws SQLException {
        try (Connection connection = connect(server);
                Statement st = connection.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + PostgresInspector.quoteIdentifier(database) + " WITH (FORCE)");
        }
    }

    static DatabaseLock tryLock(ConnectionSpec server, String database) throws SQLException {
        return SessionLock.take(
                connect(server), "SELECT pg_try_advisory_lock(?, hashtext(?))", LOCK_NAMESPACE, database);
    }

    private static Connection connect(ConnectionSpec spec) throws SQLException {
        return PostgresConnectionSpec.of(spec).connect();
    }
}
