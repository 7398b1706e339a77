package io.bulwark.engines.mariadb;

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
 * The database-level statements of {@link MariaDbRestoreTool}: whether a database (schema) exists and what it holds,
 * {@code CREATE DATABASE}, {@code DROP DATABASE} and the named lock that keeps two restores out of one database
 * (MariaDB KB, "CREATE DATABASE", "DROP DATABASE", "GET_LOCK"). Stateless.
 */
final class MariaDbDatabaseAdmin {

    private MariaDbDatabaseAdmin() {}

    static DatabaseState state(ConnectionSpec server, String database) throws SQLException {
        try (Connection connection = MariaDbClient.connect(server)) {
            try (PreparedStatement st =
                    connection.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
                st.setString(1, database);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return DatabaseState.ABSENT;
                    }
                }
            }
            int objects = 0;
            for (String sql : new String[] {
                "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
                "SELECT count(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?",
                "SELECT count(*) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?"
            }) {
                try (PreparedStatement st = connection.prepareStatement(sql)) {
                    st.setString(1, database);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        objects += rs.getInt(1);
                    }
                }
            }
            return new DatabaseState(true, objects);
        }
    }

    static void create(ConnectionSpec server, String database) throws SQLException {
        try (Connection connection = MariaDbClient.connect(server);
                Statement st = connection.createStatement()) {
            st.execute("CREATE DATABASE " + MariaDbInspector.quoteIdentifier(database)
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        }
    }

    static void drop(ConnectionSpec server, String database) throws SQLException {
        try (Connection connection = MariaDbClient.connect(server);
                Statement st = connection.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + MariaDbInspector.quoteIdentifier(database));
        }
    }

    static DatabaseLock tryLock(ConnectionSpec server, String database) throws SQLException {
        return SessionLock.take(MariaDbClient.connect(server), "SELECT GET_LOCK(?, 0)", lockName(database));
    }

    /** The lock name: at most 64 characters (MariaDB KB, "GET_LOCK"), so a long database name is hashed. */
    static String lockName(String database) {
        String name = "bulwark-restore:" + database;
        return name.length() <= 64 ? name : "bulwark-restore:#" + Integer.toHexString(database.hashCode());
    }
}
