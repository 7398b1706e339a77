package io.bulwark.engines.mariadb;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.process.LocalInstanceDirectory;
import io.bulwark.engines.process.LocalInstances;
import io.bulwark.engines.process.LocalServers;
import io.bulwark.engines.process.LogTail;
import io.bulwark.engines.process.OrphanReaper;
import io.bulwark.engines.process.PortTakenException;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.Command;
import io.bulwark.engines.process.ProcessRunner.RunningProcess;
import io.bulwark.engines.process.ServerUser;
import io.bulwark.engines.process.ToolMissingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway MariaDB server for verification sandboxes, run from the machine's server binaries in a
 * directory of its own: {@code mariadb-install-db} creates the system tables, {@code mariadbd} listens
 * on {@code 127.0.0.1} and a free port, and a random password is set for {@code root} by an {@code
 * --init-file} before the server takes connections (the file is deleted once it is up).
 *
 * <p>Both programs run with {@code --no-defaults}, so no option file of the machine applies. Durability
 * is off ({@code innodb_flush_log_at_trx_commit=0}, no doublewrite, no binary log, {@code
 * innodb_fast_shutdown=2}), fine for data thrown away; the event scheduler is off, so restored events do
 * not fire; {@code max_allowed_packet} is 1 GiB so large rows restore. When the JVM runs as root the
 * server runs as {@code --user=<osUser>} (MariaDB refuses to run as root): the instance directory is
 * handed to that user, and every ancestor of it must be traversable by it.
 *
 * <p>{@link #close()} stops the server (SIGTERM, SIGKILL after 10 s) and deletes the directory, also on
 * JVM shutdown; {@link #reapOrphans} removes instances whose JVM died. Every program runs through
 * {@link ProcessRunner} with a timeout (the server with {@link Options#maxLifetime()}). The password
 * never appears in an argument list or a log line. Not thread-safe for start/stop; the accessors are.
 */
public final class LocalMariaDbInstance implements AutoCloseable {

    /** The host every instance listens on. */
    public static final String HOST = "127.0.0.1";

    /** The superuser to connect as. */
    public static final String SUPERUSER = "root";

    /** Prefix of the directories {@link #start} creates under its work directory. */
    public static final String DIRECTORY_PREFIX = "bulwark-mariadb-";

    private static final String PID_FILE = "mariadbd.pid";
    private static final Logger log = LoggerFactory.getLogger(LocalMariaDbInstance.class);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final Duration ORPHAN_AGE = Duration.ofMinutes(10);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_CHARS = 4000;
    private static final OrphanReaper REAPER =
            new OrphanReaper(DIRECTORY_PREFIX, PID_FILE, LocalMariaDbInstance::isServerProcess, ORPHAN_AGE);
    private static final List<Path> SERVER_DIRS = List.of(
            Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/usr/local/mysql/bin"), Path.of("/usr/local/bin"));

    /**
     * How to run an instance.
     *
     * @param binDir directory holding {@code mariadbd} and {@code mariadb-install-db} (their parent is
     *     passed as {@code --basedir}); null to find them in the usual places and on the PATH
     * @param osUser the unprivileged OS user that runs the server when the JVM runs as root
     * @param port the TCP port, or 0 for a free one
     * @param startTimeout how long the server may take to accept connections
     * @param maxLifetime how long the server may run before it is killed (the ProcessRunner timeout)
     */
    public record Options(Path binDir, String osUser, int port, Duration startTimeout, Duration maxLifetime) {

        public Options {
            Objects.requireNonNull(osUser, "osUser");
            Objects.requireNonNull(startTimeout, "startTimeout");
            Objects.requireNonNull(maxLifetime, "maxLifetime");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535 but was " + port);
            }
        }

        /** A sandbox: binaries found, OS user {@code mysql}, free port, 60 s to start, 24 h to live. */
        public static Options sandbox() {
            return new Options(null, "mysql", 0, Duration.ofSeconds(60), Duration.ofHours(24));
        }

        /** These options with the given bin directory (null: find it). */
        public Options withBinDir(Path dir) {
            return new Options(dir, osUser, port, startTimeout, maxLifetime);
        }

        /** These options with another OS user for a JVM running as root. */
        public Options withOsUser(String user) {
            return new Options(binDir, user, port, startTimeout, maxLifetime);
        }
    }

    private final LocalInstanceDirectory directory;
    private final RunningProcess server;
    private final String password;
    private final int port;
    private final String serverVersion;
    private final long startMillis;
    private boolean stopped;

    /** A server started on {@code port} that accepts the superuser. */
    private record Launched(RunningProcess process, int port) {}

    private LocalMariaDbInstance(
            LocalInstanceDirectory directory,
            RunningProcess server,
            String password,
            int port,
            String serverVersion,
            long startMillis) {
        this.directory = directory;
        this.server = server;
        this.password = password;
        this.port = port;
        this.serverVersion = serverVersion;
        this.startMillis = startMillis;
    }

    /**
     * Starts a throwaway instance in a fresh directory {@code <workDir>/bulwark-mariadb-<random>/} (data
     * in {@code data/}, socket, pid file and owner marker beside it).
     *
     * @param workDir existing or creatable directory under which the instance directory is made
     * @throws LocalMariaDbException when a step fails (the message holds the tool's output or the
     *     server log's tail); the directory is removed then
     */
    public static LocalMariaDbInstance start(Path workDir, Options options, ProcessRunner runner) {
        long started = System.nanoTime();
        ServerUser user = ServerUser.forThisJvm(options.osUser());
        Path server = findProgram(options.binDir(), "mariadbd", "mysqld");
        Path install = findProgram(options.binDir(), "mariadb-install-db", "mysql_install_db");
        LocalInstanceDirectory directory;
        try {
            directory = LocalInstanceDirectory.create(workDir, DIRECTORY_PREFIX);
        } catch (IOException e) {
            throw new LocalMariaDbException("cannot create an instance directory under " + workDir + ": " + e, e);
        }
        Path root = directory.path();
        RunningProcess process = null;
        try {
            user.requireTraversable(root, "MariaDB", LocalMariaDbException::new);
            if (user.switching()) {
                user.handOver(root);
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            }
            install(runner, install, root, options, user);
            String password = LocalServers.newPassword();
            Launched launched;
            try {
                launched = LocalServers.startOnFreePort(
                        HOST,
                        options.port(),
                        START_ATTEMPTS,
                        port -> launch(runner, server, root, port, password, options, user));
            } catch (PortTakenException e) {
                throw new LocalMariaDbException("mariadbd did not start in " + root + ": " + e.getMessage(), e);
            }
            process = launched.process();
            int port = launched.port();
            Files.deleteIfExists(root.resolve("init.sql"));
            String version = queryVersion(port, password);
            long millis = (System.nanoTime() - started) / 1_000_000;
            LocalMariaDbInstance instance =
                    new LocalMariaDbInstance(directory, process, password, port, version, millis);
            try {
                LocalInstances.stopOnExit(instance);
            } catch (IllegalStateException shuttingDown) {
                instance.stopOnce();
                throw new LocalMariaDbException("the JVM is shutting down; MariaDB in " + root + " was stopped");
            }
            log.info("MariaDB {} started on {}:{} in {} ms (directory {})", version, HOST, port, millis, root);
            return instance;
        } catch (IOException e) {
            stopIfStarted(process);
            directory.delete();
            throw new LocalMariaDbException("cannot prepare " + root + ": " + e, e);
        } catch (RuntimeException e) {
            stopIfStarted(process);
            directory.delete();
            throw e;
        }
    }

    /**
     * Removes instance directories under {@code workDir} whose owning JVM (pid in {@code owner.pid}) is
     * gone, or that have no owner file and are older than 10 minutes: kills the {@code mariadbd} still
     * running there (only a process whose command is {@code mariadbd} or {@code mysqld}) and deletes the
     * directory. Instances of live JVMs, also other processes', are left alone.
     *
     * @return how many directories were removed
     */
    public static int reapOrphans(Path workDir) {
        return REAPER.reap(workDir);
    }

    /** Always {@value #HOST}. */
    public String host() {
        return HOST;
    }

    /** The TCP port the server listens on. */
    public int port() {
        return port;
    }

    /** The superuser, {@value #SUPERUSER}. */
    public String username() {
        return SUPERUSER;
    }

    /** The superuser's random password; never log it. */
    public String password() {
        return password;
    }

    /** The instance directory (data, socket, pid file), deleted on close. */
    public Path directory() {
        return directory.path();
    }

    /** The server's version, e.g. {@code 10.11.19-MariaDB}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** How long {@link #start} took, from nothing to a server accepting the superuser, in milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    /** The OS process id of {@code mariadbd}. */
    public long pid() {
        return server.pid();
    }

    /** How to reach {@code database} on this instance as the superuser (for JDBC and the tools). */
    public ConnectionSpec connectionSpec(String database) {
        return new ConnectionSpec(HOST, port, database, SUPERUSER, password);
    }

    /**
     * Opens a JDBC connection to {@code database} as the superuser; the caller closes it.
     *
     * @throws SQLException when the server refuses (1049: the database does not exist)
     */
    public Connection connect(String database) throws SQLException {
        return MariaDbClient.connect(connectionSpec(database));
    }

    /**
     * Creates database {@code name} ({@code utf8mb4}).
     *
     * @throws LocalMariaDbException when the server refuses, e.g. because it exists
     */
    public void createDatabase(String name) {
        try (Connection c = connect("mysql");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + MariaDbInspector.quoteIdentifier(name) + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new LocalMariaDbException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server and deletes the directory. Idempotent; never throws. */
    @Override
    public void close() {
        LocalInstances.forget(this);
        stopOnce();
    }

    private synchronized void stopOnce() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopServer(server);
        directory.delete();
        log.info("MariaDB on port {} stopped and removed", port);
    }

    /**
     * Starts {@code mariadbd} on {@code port} and waits until it accepts the superuser; on failure stops it.
     *
     * @throws PortTakenException when another process holds {@code port}
     * @throws LocalMariaDbException when the server fails otherwise
     */
    private static Launched launch(
            ProcessRunner runner, Path server, Path root, int port, String password, Options options, ServerUser user)
            throws PortTakenException {
        RunningProcess process = null;
        String failure;
        try {
            writeInitFile(root, password, user);
            process = runner.start(serverCommand(server, root, port, options, user));
            Thread.ofVirtual().start(drain(process.stdout()));
            process.stdin().close();
            failure = awaitReady(process, port, password, options.startTimeout());
        } catch (IOException e) {
            stopIfStarted(process);
            throw new LocalMariaDbException("cannot prepare " + root + ": " + e, e);
        } catch (RuntimeException e) {
            stopIfStarted(process);
            throw e;
        }
        if (failure == null) {
            return new Launched(process, port);
        }
        stopServer(process);
        if (failure.contains("Bind on TCP/IP port") || failure.contains("Address already in use")) {
            throw new PortTakenException(failure);
        }
        throw new LocalMariaDbException("mariadbd did not start in " + root + ": " + failure);
    }

    /**
     * Stops the server: SIGTERM (the runner sends SIGKILL after its grace), then waits up to 10 s for it to exit
     * ({@link LocalServers#awaitExit}) before killing it.
     */
    private static void stopServer(RunningProcess process) {
        ProcessHandle handle = ProcessHandle.of(process.pid()).orElse(null);
        process.close();
        if (handle != null && !LocalServers.awaitExit(handle, STOP_GRACE)) {
            kill(handle);
        }
    }

    private static void stopIfStarted(RunningProcess process) {
        if (process != null) {
            stopServer(process);
        }
    }

    private static Command serverCommand(Path server, Path root, int port, Options options, ServerUser user) {
        List<String> argv = new ArrayList<>(List.of(
                server.toString(),
                "--no-defaults",
                "--datadir=" + root.resolve("data"),
                "--socket=" + root.resolve("s"),
                "--pid-file=" + root.resolve(PID_FILE),
                "--tmpdir=" + root,
                "--port=" + port,
                "--bind-address=" + HOST,
                "--init-file=" + root.resolve("init.sql"),
                "--skip-name-resolve",
                "--skip-log-bin",
                "--sync-binlog=0",
                "--innodb-flush-log-at-trx-commit=0",
                "--innodb-doublewrite=0",
                "--innodb-buffer-pool-size=128M",
                "--innodb-fast-shutdown=2",
                "--performance-schema=OFF",
                "--event-scheduler=OFF",
                "--max-allowed-packet=1G",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci"));
        if (options.binDir() != null) {
            argv.add(2, "--basedir=" + options.binDir().toAbsolutePath().getParent());
        }
        if (user.switching()) {
            argv.add("--user=" + user.name());
        }
        return new Command(argv, null, options.maxLifetime());
    }

    private static void install(ProcessRunner runner, Path install, Path root, Options options, ServerUser user) {
        List<String> argv = new ArrayList<>(List.of(
                install.toString(),
                "--no-defaults",
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--skip-name-resolve",
                "--datadir=" + root.resolve("data")));
        if (options.binDir() != null) {
            argv.add("--basedir=" + options.binDir().toAbsolutePath().getParent());
        }
        if (user.switching()) {
            argv.add("--user=" + user.name());
        }
        ProcessRunner.Result r;
        try {
            r = runner.run(new Command(argv, null, INSTALL_TIMEOUT));
        } catch (ToolMissingException e) {
            throw new LocalMariaDbException(e.getMessage(), e);
        }
        if (!r.succeeded()) {
            throw new LocalMariaDbException(install.getFileName() + " failed in " + root + " (exit " + r.exitCode()
                    + (r.timedOut() ? ", timed out" : "") + "): "
                    + LogTail.of(r.stderr() + "\n" + r.stdout(), LOG_TAIL_CHARS));
        }
    }

    /**
     * The SQL run by {@code --init-file} before the server takes connections: the password for {@code
     * root}@{@code localhost} and a {@code root}@{@code 127.0.0.1} with every privilege (TCP clients
     * match that host under {@code --skip-name-resolve}); the other root accounts go.
     */
    private static void writeInitFile(Path root, String password, ServerUser user) throws IOException {
        Path file = root.resolve("init.sql");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        String quoted = "'" + password + "'"; // hex digits only
        Files.writeString(
                file,
                "ALTER USER 'root'@'localhost' IDENTIFIED BY " + quoted + ";\n"
                        + "CREATE OR REPLACE USER 'root'@'127.0.0.1' IDENTIFIED BY " + quoted + ";\n"
                        + "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;\n"
                        + "DROP USER IF EXISTS 'root'@'::1';\n"
                        + "DELETE FROM mysql.global_priv WHERE User = 'root' AND Host NOT IN ('localhost', '127.0.0.1');\n"
                        + "FLUSH PRIVILEGES;\n",
                StandardCharsets.UTF_8);
        user.handOver(file);
    }

    /** Null when the server accepts the superuser within {@code timeout}, else why not. */
    private static String awaitReady(RunningProcess process, int port, String password, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                process.waitFor();
                return "mariadbd exited: " + LogTail.of(process.stderr(), LOG_TAIL_CHARS);
            }
            try (Connection c = MariaDbClient.connect(new ConnectionSpec(HOST, port, "mysql", SUPERUSER, password))) {
                return null;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for mariadbd";
            }
        }
        return "not accepting connections after " + timeout + " (" + (last == null ? "" : last.getMessage())
                + "); server log: " + LogTail.of(process.stderr(), LOG_TAIL_CHARS);
    }

    private static String queryVersion(int port, String password) {
        try (Connection c = MariaDbClient.connect(new ConnectionSpec(HOST, port, "mysql", SUPERUSER, password))) {
            return MariaDbInspector.shortVersion(new MariaDbInspector().fullVersion(c));
        } catch (SQLException e) {
            throw new LocalMariaDbException(
                    "MariaDB started on port " + port + " but refuses root: " + e.getMessage(), e);
        }
    }

    private static Path findProgram(Path binDir, String name, String fallback) {
        List<Path> dirs = new ArrayList<>();
        if (binDir != null) {
            dirs.add(binDir);
        } else {
            dirs.addAll(SERVER_DIRS);
            String path = System.getenv("PATH");
            if (path != null) {
                for (String dir : path.split(":")) {
                    if (!dir.isBlank()) {
                        dirs.add(Path.of(dir));
                    }
                }
            }
        }
        for (String program : List.of(name, fallback)) {
            for (Path dir : dirs) {
                Path candidate = dir.resolve(program);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new LocalMariaDbException("no " + name + " (or " + fallback + ") found in "
                + (binDir != null ? binDir : "/usr/sbin, /usr/bin, /usr/local/mysql/bin or the PATH")
                + "; install the MariaDB server package or configure the bin dir");
    }

    private static boolean isServerProcess(ProcessHandle process) {
        return process.info()
                .command()
                .map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                .orElse(false);
    }

    private static void kill(ProcessHandle process) {
        if (!LocalServers.kill(process, KILL_WAIT)) {
            log.warn("mariadbd pid {} did not exit within {} after SIGKILL", process.pid(), KILL_WAIT);
        }
    }

    private static Runnable drain(InputStream in) {
        return () -> {
            try (in) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the server went away
            }
        };
    }
}
