package io.bulwark.verifier.adapter.sandbox.container;

import io.bulwark.engines.postgres.PgRestoreTool;
import io.bulwark.engines.postgres.PostgresConnectionSpec;
import io.bulwark.engines.postgres.PostgresInspector;
import io.bulwark.engines.process.LocalServers;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.verifier.adapter.sandbox.PostgresSandbox;
import io.bulwark.verifier.adapter.sandbox.SandboxServer;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxException;
import io.bulwark.verifier.application.SandboxProvider;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code container} PostgreSQL sandboxes: the official {@code postgres} image of the source's major version ({@link
 * SandboxImages}) started with Testcontainers, durability off, a random password and one empty database {@value
 * #DATABASE}. The archive is restored with this verifier's own {@code pg_restore} through the container's mapped
 * port, so that {@code pg_restore} must be at least the source's major version (a {@code pg_restore} cannot read an
 * archive of a newer {@code pg_dump}); an older one refuses before any container starts. Thread-safe.
 */
public final class ContainerPostgresSandboxProvider implements SandboxProvider {

    /** The database every sandbox restores into. */
    public static final String DATABASE = PostgresSandbox.DATABASE;

    /** The port the server listens on inside the container. */
    static final int PORT = 5432;

    /**
     * The sandbox server's settings, as for {@code local} sandboxes: a throwaway server needs no durability
     * (PostgreSQL manual, "Non-Durable Settings").
     */
    static final List<String> COMMAND = List.of(
            "postgres",
            "-c",
            "fsync=off",
            "-c",
            "full_page_writes=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "wal_level=minimal",
            "-c",
            "max_wal_senders=0",
            "-c",
            "autovacuum=off",
            "-c",
            "max_wal_size=1GB",
            "-c",
            "maintenance_work_mem=256MB");

    private final SandboxContainers containers;
    private final SandboxImages images;
    private final PgRestoreTool restoreTool;
    private final Duration statementTimeout;

    /**
     * @param containers starts and removes the containers
     * @param images which image serves which source version
     * @param binDir directory of this verifier's {@code pg_restore}, or null to take it from the {@code PATH}
     * @param statementTimeout how long one inventory statement (a {@code count(*)}) may run
     */
    public ContainerPostgresSandboxProvider(
            SandboxContainers containers,
            SandboxImages images,
            Path binDir,
            ProcessRunner runner,
            Duration statementTimeout) {
        this.containers = Objects.requireNonNull(containers, "containers");
        this.images = Objects.requireNonNull(images, "images");
        this.restoreTool = new PgRestoreTool(Objects.requireNonNull(runner, "runner"), binDir);
        this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
    }

    @Override
    public String kind() {
        return "container";
    }

    /**
     * @throws SandboxException when this verifier's {@code pg_restore} is missing or older than the source, or the
     *     container does not start (Docker unreachable, image not found)
     */
    @Override
    public Sandbox start(SandboxRequest request) {
        requireRestoreToolNotOlder(request.sourceServerVersion());
        String image = images.imageFor("postgresql", request.sourceServerVersion());
        String password = LocalServers.newPassword();
        SandboxContainers.Started started = containers.start(
                image,
                PORT,
                Map.of("POSTGRES_PASSWORD", password, "POSTGRES_DB", DATABASE, "POSTGRES_USER", "postgres"),
                COMMAND,
                (host, port) -> {
                    try (Connection connection = spec(host, port, password).connect(Duration.ofSeconds(2));
                            Statement st = connection.createStatement();
                            ResultSet rs = st.executeQuery("SHOW server_version")) {
                        rs.next();
                        return rs.getString(1).split("\\s+")[0];
                    }
                });
        PostgresConnectionSpec spec = spec(started.host(), started.port(), password);
        return new PostgresSandbox(
                new SandboxServer(
                        started.serverVersion(),
                        name -> spec.withDatabase(name).toConnectionSpec(),
                        () -> containers.stop(started.container())),
                DATABASE,
                restoreTool,
                new PostgresInspector(statementTimeout));
    }

    private void requireRestoreToolNotOlder(String sourceVersion) {
        int toolMajor;
        String toolVersion;
        try {
            toolVersion = restoreTool.version();
            toolMajor = restoreTool.majorVersion();
        } catch (RuntimeException e) {
            throw new SandboxException(
                    "container sandboxes restore with this verifier's pg_restore, which cannot run: " + e.getMessage(),
                    e,
                    true);
        }
        int sourceMajor = SandboxProvider.majorVersion(sourceVersion);
        if (toolMajor > 0 && sourceMajor > toolMajor) {
            throw new SandboxException(
                    "this verifier's " + toolVersion + " is older than the source's PostgreSQL " + sourceVersion
                            + " and cannot read its archive; install the PostgreSQL " + sourceMajor
                            + " client (Debian: postgresql-client-" + sourceMajor
                            + ") or point bulwark.verifier.sandbox.pg-bin-dir at it",
                    null,
                    true);
        }
    }

    private static PostgresConnectionSpec spec(String host, int port, String password) {
        return new PostgresConnectionSpec(host, port, DATABASE, "postgres", password);
    }
}
