package io.bulwark.verifier.adapter.sandbox;

import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The server a sandbox's database lives on: an ephemeral {@code local} server or {@code container}, or the configured {@code scratch}
 * server, on which closing drops the sandbox's database.
 *
 * @param <S> how the engine's restore tool is told where to restore
 */
interface SandboxServer<S> {

    /** The server's version, e.g. {@code 15.20}. */
    String serverVersion();

    /** How the restore tool reaches {@code database}. */
    S connectionSpec(String database);

    /** Opens a JDBC connection to {@code database}; the caller closes it. */
    Connection connect(String database) throws SQLException;

    /** Removes what the sandbox holds: the whole local server, or the scratch database; idempotent, never throws. */
    void close();

    /** Gives a statement the inspector's time limit: {@code inspector::limit}. */
    @FunctionalInterface
    interface StatementLimit {
        Statement limit(Statement statement) throws SQLException;
    }

    /**
     * {@link Sandbox#query}: runs {@code sql} in {@code database} of {@code server} under {@code limit} and answers
     * the first column of its first row as text, or the database's error.
     *
     * @throws SandboxException when the database cannot be reached at all
     */
    static Sandbox.QueryResult firstValue(SandboxServer<?> server, String database, String sql, StatementLimit limit) {
        Connection connection;
        try {
            connection = server.connect(database);
        } catch (SQLException e) {
            throw new SandboxException("cannot connect to the restored database: " + e.getMessage(), e);
        }
        try (connection;
                Statement st = limit.limit(connection.createStatement());
                ResultSet rs = st.executeQuery(sql)) {
            return new Sandbox.QueryResult(rs.next() ? rs.getString(1) : null, null);
        } catch (SQLException e) {
            return new Sandbox.QueryResult(null, e.getMessage());
        }
    }
}
