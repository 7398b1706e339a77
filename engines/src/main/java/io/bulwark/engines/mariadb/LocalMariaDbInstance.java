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
import io.bulwark.engines.process.SandboxAccount;
import io.bulwark.engines.process.ServerUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway MariaDB server for verification sandboxes, run from the machine's server binaries in a
 * directory of its own: {@code mariadb-install-db} creates the system tables, {@code mariadbd} listens
 * on {@code 127.0.0.1} and a free port. An {@code --init-file}, deleted once the server is up, removes
 * every account the install made ({@code root} included) and creates two, with random passwords: a
 * superuser with a random name ({@link #username()}), and {@value #RESTORE_USER}, which gets only the
 * privileges of the databases {@link #createDatabase} makes (no global privilege: no {@code FILE},
 * {@code SUPER} or {@code SET USER}). Restores run as {@value #RESTORE_USER} ({@link #restoreSpec}).
 *
 * <p>Both programs run with {@code --no-defaults}, so no option file of the machine applies. What keeps a
 * hostile dump inside the instance directory ({@code --secure-file-priv} on its {@code files/} folder,
 * {@code --local-infile=0}, {@code --symbolic-links=0}, data directory 0700) is {@link LocalMariaDbLayout}'s. Durability
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

    /** The account restores run as: every privilege of the sandbox's databases, nothing global. */
    public static final String RESTORE_USER = "bulwark_restore";

    /** Prefix of the superuser's random name. */
    static final String SUPERUSER_PREFIX = "bulwark_su_";

    /** Prefix of the directories {@link #start} creates under its work directory. */
    public static final String DIRECTORY_PREFIX = "bulwark-mariadb-";

    private static final String PID_FILE = LocalMariaDbLayout.PID_FILE;
    private static final Logger log = LoggerFactory.getLogger(LocalMariaDbInstance.class);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final Duration ORPHAN_AGE = Duration.ofMinutes(10);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_CHARS = 4000;
    private static final OrphanReaper REAPER =
            new OrphanReaper(DIRECTORY_PREFIX, PID_FILE, LocalMariaDbInstance::isServerProcess, ORPHAN_AGE);

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

        /**
         * A sandbox: binaries found, the dedicated OS account {@value SandboxAccount#DEFAULT_NAME} (never {@code
         * mysql}, which owns the machine's real server), free port, 60 s to start, 24 h to live.
         */
        public static Options sandbox() {
            return new Options(null, SandboxAccount.DEFAULT_NAME, 0, Duration.ofSeconds(60), Duration.ofHours(24));
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
    private final String superuser;
    private final String password;
    private final String restorePassword;
    private final int port;
    private final String serverVersion;
    private final long startMillis;
    private boolean stopped;

    /** A server started on {@code port} that accepts the superuser. */
    private record Launched(RunningProcess process, int port) {}

    /** The random superuser name, its password and {@value #RESTORE_USER}'s password; never logged. */
    private record Credentials(String superuser, String password, String restorePassword) {

        static Credentials random() {
            return new Credentials(
                    SUPERUSER_PREFIX + LocalServers.newPassword().substring(0, 16),
                    LocalServers.newPassword(),
                    LocalServers.newPassword());
        }
    }

    private LocalMariaDbInstance(
            LocalInstanceDirectory directory,
            RunningProcess server,
            Credentials credentials,
            int port,
            String serverVersion,
            long startMillis) {
        this.directory = directory;
        this.server = server;
        this.superuser = credentials.superuser();
        this.password = credentials.password();
        this.restorePassword = credentials.restorePassword();
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
        ServerUser user = SandboxAccount.ensureExists(options.osUser());
        Path server = LocalMariaDbLayout.findProgram(options.binDir(), "mariadbd", "mysqld");
        Path install = LocalMariaDbLayout.findProgram(options.binDir(), "mariadb-install-db", "mysql_install_db");
        LocalInstanceDirectory directory;
        try {
            directory = LocalInstanceDirectory.create(workDir, DIRECTORY_PREFIX);
        } catch (IOException e) {
            throw new LocalMariaDbException("cannot create an instance directory under " + workDir + ": " + e, e);
        }
        Path root = directory.path();
        LocalMariaDbLayout layout = new LocalMariaDbLayout(root);
        RunningProcess process = null;
        try {
            user.requireTraversable(root, "MariaDB", LocalMariaDbException::new);
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            if (user.switching()) {
                user.handOver(root);
            }
            layout.prepare(user);
            layout.install(runner, install, options.binDir(), user, INSTALL_TIMEOUT);
            layout.lockData();
            Credentials credentials = Credentials.random();
            Launched launched;
            try {
                launched = LocalServers.startOnFreePort(
                        HOST,
                        options.port(),
                        START_ATTEMPTS,
                        port -> launch(runner, server, layout, port, credentials, options, user));
            } catch (PortTakenException e) {
                throw new LocalMariaDbException("mariadbd did not start in " + root + ": " + e.getMessage(), e);
            }
            process = launched.process();
            int port = launched.port();
            Files.deleteIfExists(layout.initFile());
            String version = queryVersion(port, credentials);
            long millis = (System.nanoTime() - started) / 1_000_000;
            LocalMariaDbInstance instance =
                    new LocalMariaDbInstance(directory, process, credentials, port, version, millis);
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

    /** The superuser's random name ({@code bulwark_su_} and 16 hex digits); no dump can guess it. */
    public String username() {
        return superuser;
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
        return new ConnectionSpec(HOST, port, database, superuser, password);
    }

    /**
     * How to reach {@code database} as {@value #RESTORE_USER}: the account restores and the checks after them run
     * as. It holds every privilege of the databases {@link #createDatabase} made and no global one, so a dump
     * cannot read or write files ({@code FILE}), change server settings ({@code SUPER}) or name another account
     * as the definer of a view, trigger or routine ({@code SET USER}).
     */
    public ConnectionSpec restoreSpec(String database) {
        return new ConnectionSpec(HOST, port, database, RESTORE_USER, restorePassword);
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
     * Creates database {@code name} ({@code utf8mb4}) and grants {@value #RESTORE_USER} every privilege on it
     * ({@code GRANT ALL PRIVILEGES ON `name`.*}: database privileges only, without {@code GRANT OPTION}).
     *
     * @throws LocalMariaDbException when the server refuses, e.g. because it exists
     */
    public void createDatabase(String name) {
        try (Connection c = connect("mysql");
                Statement s = c.createStatement()) {
            String quoted = MariaDbInspector.quoteIdentifier(name);
            s.execute("CREATE DATABASE " + quoted + " CHARACTER SET utf8mb4");
            s.execute("GRANT ALL PRIVILEGES ON " + quoted.replace("_", "\\_") + ".* TO '" + RESTORE_USER
                    + "'@'127.0.0.1'");
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
            ProcessRunner runner,
            Path server,
            LocalMariaDbLayout layout,
            int port,
            Credentials credentials,
            Options options,
            ServerUser user)
            throws PortTakenException {
        Path root = layout.root();
        RunningProcess process = null;
        String failure;
        try {
            layout.writeInitFile(
                    credentials.superuser(), credentials.password(), RESTORE_USER, credentials.restorePassword(), user);
            process = runner.start(new Command(
                    layout.serverArgv(server, options.binDir(), HOST, port, user), null, options.maxLifetime()));
            Thread.ofVirtual().start(drain(process.stdout()));
            process.stdin().close();
            failure = awaitReady(process, port, credentials, options.startTimeout());
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

    /** Null when the server accepts the superuser within {@code timeout}, else why not. */
    private static String awaitReady(RunningProcess process, int port, Credentials credentials, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                process.waitFor();
                return "mariadbd exited: " + LogTail.of(process.stderr(), LOG_TAIL_CHARS);
            }
            try (Connection c = MariaDbClient.connect(superuserSpec(port, credentials))) {
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

    private static ConnectionSpec superuserSpec(int port, Credentials credentials) {
        return new ConnectionSpec(HOST, port, "mysql", credentials.superuser(), credentials.password());
    }

    private static String queryVersion(int port, Credentials credentials) {
        try (Connection c = MariaDbClient.connect(superuserSpec(port, credentials))) {
            return MariaDbInspector.shortVersion(new MariaDbInspector().fullVersion(c));
        } catch (SQLException e) {
            throw new LocalMariaDbException(
                    "MariaDB started on port " + port + " but refuses the superuser: " + e.getMessage(), e);
        }
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
