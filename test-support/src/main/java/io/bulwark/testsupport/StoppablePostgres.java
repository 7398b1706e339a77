package io.bulwark.testsupport;

import io.bulwark.engines.postgres.LocalPostgresInstance;
import io.bulwark.engines.process.LocalInstanceDirectory;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.SandboxAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;

/**
 * A throwaway PostgreSQL server a test may stop and start again, to play an outage of a service's database: the
 * machine's {@code initdb}/{@code pg_ctl} ({@link LocalPostgresInstance}) in a fresh temporary directory named {@code
 * <prefix>-<random>}, on a free port of {@code 127.0.0.1}, durability off, run as the sandbox OS account when the JVM
 * is root. {@link #stop} shuts the server down ({@code -m fast}: open connections are ended) and keeps its data;
 * {@link #start} starts it again on the same data directory and the same port, with the same password; {@link #close}
 * stops it and deletes the directory. Never the machine's own server. Not thread-safe.
 */
public final class StoppablePostgres implements AutoCloseable {

    private final Path root;
    private final LocalPostgresInstance.Options options;
    private final ProcessRunner runner = new ProcessRunner();
    private LocalPostgresInstance instance;
    private final int port;
    private final String password;

    private StoppablePostgres(Path root, LocalPostgresInstance.Options options, LocalPostgresInstance first) {
        this.root = root;
        this.instance = first;
        this.port = first.port();
        this.password = first.password();
        this.options = options.withPort(port);
    }

    /**
     * Initialises and starts a server, then creates {@code database} on it.
     *
     * @param prefix the start of the temporary directory's name, e.g. {@code infra-retry-pg}
     * @param database the database to create, e.g. {@code bulwark}
     * @return the running server, to {@link #close} after the test
     * @throws IOException when the directory cannot be made
     * @throws io.bulwark.engines.postgres.LocalPostgresException when the server does not start
     */
    public static StoppablePostgres start(String prefix, String database) throws IOException {
        Path root = Files.createTempDirectory(Objects.requireNonNull(prefix, "prefix") + "-");
        // the sandbox account must reach the data directory below
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        LocalPostgresInstance.Options options = new LocalPostgresInstance.Options(
                null, "postgres", false, false, 0, SandboxAccount.DEFAULT_NAME, Duration.ofSeconds(60));
        SandboxAccount.ensureExists(SandboxAccount.DEFAULT_NAME);
        try {
            LocalPostgresInstance first =
                    LocalPostgresInstance.start(root.resolve("data"), options, new ProcessRunner());
            first.createDatabase(database);
            return new StoppablePostgres(root, options, first);
        } catch (RuntimeException e) {
            LocalInstanceDirectory.deleteQuietly(root);
            throw e;
        }
    }

    /** The server's TCP port, the same across {@link #stop} and {@link #start}. */
    public int port() {
        return port;
    }

    /** The superuser, {@code postgres}. */
    public String username() {
        return "postgres";
    }

    /** The superuser's password; never log it. */
    public String password() {
        return password;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + LocalPostgresInstance.HOST + ":" + port + "/" + database;
    }

    /** True while the server runs. */
    public boolean running() {
        return instance != null;
    }

    /** Shuts the server down, keeping its data; does nothing when it is stopped. */
    public void stop() {
        if (instance != null) {
            instance.stop();
            instance = null;
        }
    }

    /**
     * Starts the server again on its data directory and port; does nothing when it runs.
     *
     * @throws io.bulwark.engines.postgres.LocalPostgresException when it does not start (e.g. the port was taken)
     */
    public void start() {
        if (instance == null) {
            instance = LocalPostgresInstance.start(root.resolve("data"), options, runner);
        }
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        stop();
        LocalInstanceDirectory.deleteQuietly(root);
    }
}
