package io.bulwark.verifier.adapter.sandbox.scratch;

import io.bulwark.engines.postgres.PgRestoreTool;
import io.bulwark.engines.postgres.PostgresConnectionSpec;
import io.bulwark.engines.postgres.PostgresInspector;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.verifier.adapter.sandbox.PostgresSandbox;
import io.bulwark.verifier.adapter.sandbox.SandboxServer;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxException;
import io.bulwark.verifier.application.SandboxProvider;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code scratch} PostgreSQL sandboxes: a throwaway database {@code bulwark_sbx_<epochSeconds>_<random>} created on
 * a configured server and dropped ({@code DROP DATABASE ... WITH (FORCE)}) on close. The sandbox's server version is
 * that server's. Databases of that pattern older than the orphan age, left by a verifier that died, are dropped when
 * the provider is created. The configured role needs {@code CREATEDB}. Thread-safe.
 */
public final class ScratchPostgresSandboxProvider implements SandboxProvider {

    /** The prefix of every scratch database's name. */
    public static final String PREFIX = "bulwark_sbx_";

    private static final Pattern NAME = Pattern.compile("bulwark_sbx_(\\d+)_[0-9a-f]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PostgresConnectionSpec server;
    private final Path binDir;
    private final ProcessRunner runner;
    private final Duration statementTimeout;
    private final Clock clock;
    private final ScratchDatabases databases;

    /**
     * @param server how to reach the scratch server; its database is the one to connect to for creating and
     *     dropping, e.g. {@code postgres}
     * @param binDir directory of {@code pg_restore}, or null to take it from the {@code PATH}
     * @param statementTimeout how long one inventory statement (a {@code count(*)}) may run
     * @param orphanAge how old a scratch database must be to be dropped as an orphan at start-up
     */
    public ScratchPostgresSandboxProvider(
            PostgresConnectionSpec server,
            Path binDir,
            ProcessRunner runner,
            Duration statementTimeout,
            Duration orphanAge,
            Clock clock) {
        this.server = Objects.requireNonNull(server, "server");
        this.binDir = binDir;
        this.runner = Objects.requireNonNull(runner, "runner");
        this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.databases = new ScratchDatabases(
                server.host() + ":" + server.port(),
                server::connect,
                "SELECT datname, datname FROM pg_database WHERE datname LIKE 'bulwark\\_sbx\\_%'",
                NAME,
                name -> "DROP DATABASE IF EXISTS " + PostgresInspector.quoteIdentifier(name) + " WITH (FORCE)");
        databases.reapOrphans(clock.instant(), Objects.requireNonNull(orphanAge, "orphanAge"));
    }

    @Override
    public String kind() {
        return "scratch";
    }

    @Override
    public Sandbox start(SandboxRequest request) {
        String database =
                PREFIX + clock.instant().getEpochSecond() + "_" + HexFormat.of().formatHex(randomBytes());
        String version;
        try (Connection connection = server.connect();
                Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("SHOW server_version")) {
                rs.next();
                version = rs.getString(1);
            }
            st.execute("CREATE DATABASE " + PostgresInspector.quoteIdentifier(database));
        } catch (SQLException e) {
            throw new SandboxException(
                    "cannot create a scratch database on " + server.host() + ":" + server.port() + ": "
                            + e.getMessage(),
                    e);
        }
        return new PostgresSandbox(
                new SandboxServer(
                        version, name -> server.withDatabase(name).toConnectionSpec(), databases.dropper(database)),
                database,
                new PgRestoreTool(runner, binDir),
                new PostgresInspector(statementTimeout));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
