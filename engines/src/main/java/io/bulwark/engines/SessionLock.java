package io.bulwark.engines;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A database lock held by a session: taken with a query that answers whether it got it (PostgreSQL {@code
 * pg_try_advisory_lock}, MariaDB {@code GET_LOCK}) and released when its connection closes, since the server
 * releases a session's locks when the session ends.
 */
public final class SessionLock {

    private SessionLock() {}

    /**
     * Runs {@code query} with {@code parameters} on {@code connection}; its first column is true (or 1) when the lock
     * was taken.
     *
     * @return the lock, which owns {@code connection} from now on; or null when another session holds it (then
     *     {@code connection} is closed)
     * @throws SQLException when the query fails (then {@code connection} is closed)
     */
    public static RestoreEngine.DatabaseLock take(Connection connection, String query, Object... parameters)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    connection.close();
                    return null;
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return () -> {
            try {
                connection.close();
            } catch (SQLException e) {
                // the server releases a session's locks when the session ends
            }
        };
    }
}
