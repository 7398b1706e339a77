package io.bulwark.verifier.adapter.sandbox.container;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.mariadb.MariaDbClient;
import io.bulwark.engines.mariadb.MariaDbInspector;
import io.bulwark.engines.mariadb.MariaDbRestoreTool;
import io.bulwark.engines.process.LocalServers;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.verifier.adapter.sandbox.MariaDbSandbox;
import io.bulwark.verifier.adapter.sandbox.SandboxServer;
import io.bulwark.verifier.application.Sandbox;
import io.bulwark.verifier.application.SandboxException;
import io.bulwark.verifier.application.SandboxProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code container} MySQL/MariaDB sandboxes: the official image of the source's release series ({@code mariadb:10.11}
 * for a MariaDB 10.11 source, {@code mysql:8.0} for a MySQL 8.0 one; {@link SandboxImages}) started with
 * Testcontainers, with a random root password and one empty database named as the source's, so that the restored
 * objects are named as the manifest names them. The dump is restored with this verifier's {@code mariadb} client
 * through the container's mapped port. The server runs without binary log and with the event scheduler off, so that
 * restored events do not change the data being checked. Thread-safe.
 */
public final class ContainerMariaDbSandboxProvider implements SandboxProvider {

    /** The port the server listens on inside the container. */
    static final int PORT = 3306;

    /** Server options both images take: no durability, no binary log, no event scheduler, large packets. */
    static final List<String> COMMAND = List.of(
            "--skip-log-bin",
            "--innodb-flush-log-at-trx-commit=0",
            "--skip-name-resolve",
            "--performance-schema=OFF",
            "--event-scheduler=OFF",
            "--max-allowed-packet=1073741824");

    private final SandboxContainers containers;
    private final SandboxImages images;
    private final ProcessRunner runner;
    private final Duration statementTimeout;

    /**
     * @param containers starts and removes the containers
     * @param images which image serves which source version
     * @param statementTimeout how long one inventory statement (a {@code count(*)}) may run
     */
    public ContainerMariaDbSandboxProvider(
            SandboxContainers containers, SandboxImages images, ProcessRunner runner, Duration statementTimeout) {
        this.containers = Objects.requireNonNull(containers, "containers");
        this.images = Objects.requireNonNull(images, "images");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
    }

    @Override
    public String kind() {
        return "container";
    }

    /**
     * @throws SandboxException when the manifest names no source database, or the container does not start (Docker
     *     unreachable, image not found)
     */
    @Override
    public Sandbox start(SandboxRequest request) {
        String database = request.requireSourceDatabase();
        String image = images.imageFor(request.engine(), request.sourceServerVersion());
        String password = LocalServers.newPassword();
        boolean mysql = image.startsWith("mysql:") || image.contains("/mysql:");
        String prefix = mysql ? "MYSQL_" : "MARIADB_";
        List<String> command = new ArrayList<>(COMMAND);
        if (mysql && image.endsWith(":8.0")) {
            // MySQL 8.0's default caching_sha2_password needs TLS or an RSA key exchange the mariadb client lacks
            command.add("--default-authentication-plugin=mysql_native_password");
        }
        SandboxContainers.Started started = containers.start(
                image,
                PORT,
                Map.of(prefix + "ROOT_PASSWORD", password, prefix + "DATABASE", database, prefix + "ROOT_HOST", "%"),
                command,
                (host, port) -> {
                    try (Connection connection = MariaDbClient.connect(spec(host, port, database, password));
                            Statement st = connection.createStatement();
                            ResultSet rs = st.executeQuery("SELECT VERSION()")) {
                        rs.next();
                        return rs.getString(1);
                    }
                });
        ConnectionSpec spec = spec(started.host(), started.port(), database, password);
        return new MariaDbSandbox(
                new SandboxServer(
                        started.serverVersion(),
                        name -> spec(spec.host(), spec.port(), name, password),
                        () -> containers.stop(started.container())),
                database,
                new MariaDbRestoreTool(runner),
                new MariaDbInspector(statementTimeout));
    }

    private static ConnectionSpec spec(String host, int port, String database, String password) {
        return new ConnectionSpec(host, port, database, "root", password);
    }
}
