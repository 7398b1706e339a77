package io.bulwark.verifier.adapter.sandbox.scratch;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.mariadb.MariaDbClient;
import io.bulwark.engines.mariadb.MariaDbInspector;
import io.bulwark.engines.mariadb.MariaDbRestoreTool;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.verifier.adapter.sandbox.MariaDbSandbox;
import io.bulwark.verifier.adapter.sandbox.SandboxServer;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxException;
import io.bulwark.verifier.application.SandboxProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code scratch} MariaDB sandboxes: a throwaway database on a configured server, dropped on close. A {@code
 * mariadb-dump} artifact may name the source database ({@code ALTER DATABASE}), so the sandbox's database is named
 * as the source's, and only when no database of that name exists on the server: otherwise the provider refuses,
 * since the scratch server cannot host it. Each scratch database carries the comment {@code
 * bulwark_sbx_<epochSeconds>}; those older than the orphan age, left by a verifier that died, are dropped when the
 * provider is created. The sandbox's server version is that server's. Thread-safe.
 */
public final class ScratchMariaDbSandboxProvider implements SandboxProvider {

    private static final Pattern COMMENT = Pattern.compile("bulwark_sbx_(\\d+)");

    private final ConnectionSpec server;
    private final ProcessRunner runner;
    private final Duration statementTimeout;
    private final Clock clock;
    private final ScratchDatabases databases;

    /**
     * @param server how to reach the scratch server; its database is the one to connect to for creating and
     *     dropping, e.g. {@code mysql}
     * @param statementTimeout how long one inventory statement (a {@code COUNT(*)}) may run
     * @param orphanAge how old a scratch database must be to be dropped as an orphan at start-up
     */
    public ScratchMariaDbSandboxProvider(
            ConnectionSpec server, ProcessRunner runner, Duration statementTimeout, Duration orphanAge, Clock clock) {
        this.server = Objects.requireNonNull(server, "server");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.databases = new ScratchDatabases(
                server.host() + ":" + server.port(),
                () -> MariaDbClient.connect(server),
                "SELECT SCHEMA_NAME, SCHEMA_COMMENT FROM information_schema.SCHEMATA"
                        + " WHERE SCHEMA_COMMENT LIKE 'bulwark\\_sbx\\_%'",
                COMMENT,
                name -> "DROP DATABASE IF EXISTS " + MariaDbInspector.quoteIdentifier(name));
        databases.reapOrphans(clock.instant(), Objects.requireNonNull(orphanAge, "orphanAge"));
    }

    @Override
    public String kind() {
        return "scratch";
    }

    /**
     * @throws SandboxException when the request names no source database, a database of the source's name exists on
     *     the scratch server, or the server refuses
     */
    @Override
    public Sandbox start(SandboxRequest request) {
        String database = request.requireSourceDatabase();
        String version;
        try (Connection connection = MariaDbClient.connect(server);
                Statement st = connection.createStatement()) {
            if (exists(connection, database)) {
                throw refuse(database);
            }
            try (ResultSet rs = st.executeQuery("SELECT VERSION()")) {
                rs.next();
                version = rs.getString(1);
            }
            try {
                st.execute("CREATE DATABASE " + MariaDbInspector.quoteIdentifier(database)
                        + " CHARACTER SET utf8mb4 COMMENT 'bulwark_sbx_"
                        + clock.instant().getEpochSecond() + "'");
            } catch (SQLException e) {
                if (e.getErrorCode() == 1007) {
                    throw refuse(database);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new SandboxException(
                    "cannot create a scratch database on " + server.host() + ":" + server.port() + ": "
                            + e.getMessage(),
                    e);
        }
        return new MariaDbSandbox(
                new SandboxServer(version, this::connectionSpec, databases.dropper(database)),
                database,
                new MariaDbRestoreTool(runner),
                new MariaDbInspector(statementTimeout));
    }

    private SandboxException refuse(String database) {
        return new SandboxException(
                "a scratch server cannot host the source's database name '" + database
                        + "': a database of that name exists on " + server.host() + ":" + server.port()
                        + " (a MariaDB dump may name its database); use the local or container sandbox",
                null);
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement st =
                connection.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private ConnectionSpec connectionSpec(String database) {
        return new ConnectionSpec(server.host(), server.port(), database, server.username(), server.password());
    }
}
