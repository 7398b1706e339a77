package io.bulwark.engines.postgres;

import io.bulwark.engines.process.LocalInstanceDirectory;
import io.bulwark.engines.process.LocalInstances;
import io.bulwark.engines.process.LocalServers;
import io.bulwark.engines.process.LogTail;
import io.bulwark.engines.process.OrphanReaper;
import io.bulwark.engines.process.PidFile;
import io.bulwark.engines.process.PortTakenException;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.Command;
import io.bulwark.engines.process.SandboxAccount;
import io.bulwark.engines.process.ServerUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the machine's server binaries ({@code initdb}, {@code pg_ctl}) in a
 * directory of its own, listening on {@code 127.0.0.1} only (TCP, no Unix socket), with a random
 * superuser password ({@code scram-sha-256}).
 *
 * <p>Two uses: a throwaway <em>sandbox</em> ({@link #startSandbox}: a fresh directory under a work
 * directory, durability off, stopped with {@code -m immediate} and deleted on {@link #close()}), and a
 * persistent server ({@link #start} with {@link Options#persistent()}: the data directory and a
 * password file next to it are kept, and the next start on the same directory reuses both).
 *
 * <p>When the JVM runs as root, PostgreSQL refuses to run, so {@code initdb} and {@code pg_ctl} run
 * through {@code runuser -u <osUser>} and the directories are handed to that user; every ancestor of
 * the directory must be traversable by it. A throwaway instance's user is a dedicated sandbox account ({@link
 * SandboxAccount}, created when missing), never the owner of a real server's data; its data directory is 0700 and
 * its environment the allow-listed one of every child ({@link io.bulwark.engines.process.ChildEnvironment}). Every program runs through {@link ProcessRunner} with a
 * timeout. The password never appears in an argument list or a log line. Not thread-safe for
 * start/stop; the accessors are.
 */
public final class LocalPostgresInstance implements AutoCloseable {

    /** The host every instance listens on. */
    public static final String HOST = "127.0.0.1";

    /** Name of the server log inside the data directory. */
    public static final String LOG_FILE = "bulwark-server.log";

    /** Suffix of the password file kept next to a persistent data directory: {@code <dataDir>.password}. */
    public static final String PASSWORD_SUFFIX = ".password";

    /** Prefix of the directories {@link #startSandbox} creates under its work directory. */
    public static final String SANDBOX_PREFIX = "bulwark-pg-";

    /**
     * Prefix of what the {@code initdb} template of {@link #startSandbox} keeps under its work directory: the template
     * ({@code bulwark-pgtpl-<hash>/}, kept across sandboxes and JVMs), its lock file and its unfinished builds. Not a
     * prefix of {@link #SANDBOX_PREFIX}'s directories.
     */
    public static final String TEMPLATE_PREFIX = "bulwark-pgtpl-";

    private static final String POSTMASTER_PID = "postmaster.pid";
    private static final Logger log = LoggerFactory.getLogger(LocalPostgresInstance.class);
    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration QUICK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;
    private static final OrphanReaper REAPER = new OrphanReaper(
            SANDBOX_PREFIX, "data/" + POSTMASTER_PID, LocalPostgresInstance::isPostmaster, Duration.ofMinutes(10));

    /**
     * How to run an instance.
     *
     * @param binDir directory holding {@code initdb} and {@code pg_ctl}; null to find it ({@link
     *     #findBinDir})
     * @param superuser the database superuser to create and connect as
     * @param durable true keeps {@code fsync}, {@code full_page_writes} and {@code synchronous_commit}
     *     on; false turns them off (and WAL to minimal), fine for data that may be lost on a crash
     * @param removeOnClose true deletes the directory when the instance is closed
     * @param port the TCP port, or 0 for a free one
     * @param osUser the unprivileged OS user that runs the server when the JVM runs as root
     * @param startTimeout how long {@code pg_ctl start} may wait for the server to accept connections
     * @param fromTemplate true lets {@link #startSandbox} copy a cached {@code initdb} result ({@link InitdbTemplate}:
     *     made once per work directory, binaries, superuser and OS user) and give the copy its own random password,
     *     instead of running {@code initdb} for each sandbox; when the template cannot be made or copied the sandbox
     *     falls back to {@code initdb} (logged at WARN once). Ignored by {@link #start}, which always runs {@code
     *     initdb} on a fresh directory
     */
    public record Options(
            Path binDir,
            String superuser,
            boolean durable,
            boolean removeOnClose,
            int port,
            String osUser,
            Duration startTimeout,
            boolean fromTemplate) {

        /**
         * Checks the options.
         *
         * @throws NullPointerException when {@code superuser}, {@code osUser} or {@code startTimeout} is null
         * @throws IllegalArgumentException when {@code superuser} is not a plain identifier or {@code port} is
         *     outside 0..65535
         */
        public Options {
            Objects.requireNonNull(superuser, "superuser");
            Objects.requireNonNull(osUser, "osUser");
            Objects.requireNonNull(startTimeout, "startTimeout");
            if (!superuser.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("superuser must be a plain identifier but was '" + superuser + "'");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535 but was " + port);
            }
        }

        /**
         * The options with {@code fromTemplate} on (it only matters to {@link #startSandbox}).
         *
         * @throws NullPointerException when {@code superuser}, {@code osUser} or {@code startTimeout} is null
         * @throws IllegalArgumentException when {@code superuser} is not a plain identifier or {@code port} is
         *     outside 0..65535
         */
        public Options(
                Path binDir,
                String superuser,
                boolean durable,
                boolean removeOnClose,
                int port,
                String osUser,
                Duration startTimeout) {
            this(binDir, superuser, durable, removeOnClose, port, osUser, startTimeout, true);
        }

        /**
         * A throwaway instance: durability off, deleted on close, free port, superuser {@code postgres}, run (when the
         * JVM is root) as the dedicated OS account {@value SandboxAccount#DEFAULT_NAME}, copied from the {@code
         * initdb} template.
         */
        public static Options sandbox() {
            return new Options(
                    null, "postgres", false, true, 0, SandboxAccount.DEFAULT_NAME, Duration.ofSeconds(60), true);
        }

        /** A kept instance: durable, never deleted, free port, superuser {@code postgres}, no template. */
        public static Options persistent() {
            return new Options(null, "postgres", true, false, 0, "postgres", Duration.ofSeconds(60), false);
        }

        /** These options with the given bin directory (null: find it). */
        public Options withBinDir(Path dir) {
            return new Options(dir, superuser, durable, removeOnClose, port, osUser, startTimeout, fromTemplate);
        }

        /** These options with a fixed port (0: a free one). */
        public Options withPort(int tcpPort) {
            return new Options(binDir, superuser, durable, removeOnClose, tcpPort, osUser, startTimeout, fromTemplate);
        }

        /** These options with another superuser name. */
        public Options withSuperuser(String name) {
            return new Options(binDir, name, durable, removeOnClose, port, osUser, startTimeout, fromTemplate);
        }

        /** These options with another OS user to run the server as when the JVM is root. */
        public Options withOsUser(String name) {
            return new Options(binDir, superuser, durable, removeOnClose, port, name, startTimeout, fromTemplate);
        }

        /** These options with durability on or off. */
        public Options withDurable(boolean on) {
            return new Options(binDir, superuser, on, removeOnClose, port, osUser, startTimeout, fromTemplate);
        }

        /** These options with the {@code initdb} template on or off (see {@code fromTemplate}). */
        public Options withTemplate(boolean on) {
            return new Options(binDir, superuser, durable, removeOnClose, port, osUser, startTimeout, on);
        }
    }

    private final ProcessRunner runner;
    private final Options options;
    private final Path binDir;
    private final Path dataDir;
    private final Path removeRoot;
    private final ServerUser user;
    private final String password;
    private final int port;
    private final String serverVersion;
    private boolean stopped;

    private LocalPostgresInstance(
            ProcessRunner runner,
            Options options,
            Path binDir,
            Path dataDir,
            Path removeRoot,
            ServerUser user,
            String password,
            int port,
            String serverVersion) {
        this.runner = runner;
        this.options = options;
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.removeRoot = removeRoot;
        this.user = user;
        this.password = password;
        this.port = port;
        this.serverVersion = serverVersion;
    }

    /**
     * Starts a throwaway instance in a fresh directory {@code <workDir>/bulwark-pg-<random>/} (the data
     * directory is its {@code data/} child). Closing the instance stops the server with {@code -m
     * immediate} and deletes the whole directory; so does a JVM shutdown. A directory left behind by a
     * JVM that died is removed by {@link #reapOrphanSandboxes}.
     *
     * <p>With {@link Options#fromTemplate()} (the default of {@link Options#sandbox()}) the data directory is a copy
     * of a cached {@code initdb} result under {@code workDir} ({@code bulwark-pgtpl-<hash>/}, made by the first
     * sandbox) whose superuser gets a new random password before the server starts, set through a single-user
     * backend; when the template cannot be made or copied, {@code initdb} runs as without it.
     *
     * @param workDir existing or creatable directory under which the sandbox directory is made
     * @param options usually {@link Options#sandbox()}; {@code removeOnClose} is forced on
     * @throws LocalPostgresException when a step fails (message holds the tool's stderr); the directory
     *     is removed then
     */
    public static LocalPostgresInstance startSandbox(Path workDir, Options options, ProcessRunner runner) {
        Options opts = new Options(
                options.binDir(),
                options.superuser(),
                options.durable(),
                true,
                options.port(),
                options.osUser(),
                options.startTimeout(),
                options.fromTemplate());
        Path root;
        try {
            root = LocalInstanceDirectory.create(workDir, SANDBOX_PREFIX).path();
        } catch (IOException e) {
            throw new LocalPostgresException("cannot create a sandbox directory under " + workDir + ": " + e, e);
        }
        return start(root.resolve("data"), root, opts.fromTemplate() ? root.getParent() : null, opts, runner);
    }

    /**
     * Starts an instance on {@code dataDir}. When the directory holds no {@code PG_VERSION} it is
     * initialised ({@code initdb}) with a new random password, which is kept in {@code
     * <dataDir>.password} (mode 0600) unless the instance is throwaway; when it does hold one, the
     * server is started on the existing data and the password is read back from that file. A server
     * still running on the directory (left by a JVM that died) is stopped first.
     *
     * @throws LocalPostgresException when a step fails or a persistent directory has no password file
     */
    public static LocalPostgresInstance start(Path dataDir, Options options, ProcessRunner runner) {
        return start(dataDir, options.removeOnClose() ? dataDir : null, null, options, runner);
    }

    /** {@code templateWorkDir}: where the {@link InitdbTemplate} lies, or null to run {@code initdb}. */
    private static LocalPostgresInstance start(
            Path dataDir, Path removeRoot, Path templateWorkDir, Options options, ProcessRunner runner) {
        Path data = dataDir.toAbsolutePath().normalize();
        ServerUser user = removeRoot != null
                ? SandboxAccount.ensureExists(options.osUser())
                : ServerUser.forThisJvm(options.osUser());
        Path bin = findBinDir(options.binDir());
        try {
            boolean ownParent = removeRoot != null && !removeRoot.equals(data);
            user.requireTraversable(ownParent ? removeRoot : data, "PostgreSQL", LocalPostgresException::new);
            boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
            String password;
            if (fresh) {
                password = LocalServers.newPassword();
                if (templateWorkDir == null
                        || !copyTemplate(runner, bin, data, templateWorkDir, options, user, password)) {
                    initdb(runner, bin, data, options, user, password, ownParent);
                }
                if (removeRoot == null) {
                    writePasswordFile(passwordFile(data), password);
                }
            } else {
                password = readSecret(passwordFile(data));
                stopLeftover(runner, bin, data, user);
            }
            int port = startServer(runner, bin, data, options, user);
            String version = queryVersion(port, options.superuser(), password);
            log.info("PostgreSQL {} started on {}:{} (data {})", version, HOST, port, data);
            LocalPostgresInstance instance =
                    new LocalPostgresInstance(runner, options, bin, data, removeRoot, user, password, port, version);
            try {
                LocalInstances.stopOnExit(instance);
            } catch (IllegalStateException shuttingDown) {
                instance.stopOnce();
                throw new LocalPostgresException("the JVM is shutting down; PostgreSQL on " + data + " was stopped");
            }
            return instance;
        } catch (RuntimeException e) {
            if (removeRoot != null) {
                forceStop(data);
                deleteTree(removeRoot);
            }
            throw e;
        }
    }

    /**
     * The directory holding the PostgreSQL server binaries: {@code explicit} when given (it must hold
     * {@code initdb}), else {@code pg_config --bindir} when that holds {@code initdb}, else the highest
     * {@code /usr/lib/postgresql/<major>/bin}.
     *
     * @throws LocalPostgresException when no directory with {@code initdb} and {@code pg_ctl} is found
     */
    public static Path findBinDir(Path explicit) {
        if (explicit != null) {
            if (!Files.isExecutable(explicit.resolve("initdb")) || !Files.isExecutable(explicit.resolve("pg_ctl"))) {
                throw new LocalPostgresException("PostgreSQL bin dir " + explicit + " has no executable initdb/pg_ctl");
            }
            return explicit;
        }
        List<Path> candidates = new ArrayList<>();
        try {
            ProcessRunner.Result r = new ProcessRunner().run(Command.of(QUICK_TIMEOUT, "pg_config", "--bindir"));
            if (r.succeeded() && !r.stdout().isBlank()) {
                candidates.add(Path.of(r.stdout().trim()));
            }
        } catch (RuntimeException ignored) {
            // pg_config is optional; the Debian layout below is the fallback
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> majors = Files.list(debian)) {
                majors.filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .sorted(Comparator.comparingDouble((Path p) ->
                                        Double.parseDouble(p.getFileName().toString()))
                                .reversed())
                        .map(p -> p.resolve("bin"))
                        .forEach(candidates::add);
            } catch (IOException ignored) {
                // unreadable: only pg_config's answer counts
            }
        }
        return candidates.stream()
                .filter(p -> Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl")))
                .findFirst()
                .orElseThrow(() -> new LocalPostgresException(
                        "no PostgreSQL server binaries (initdb, pg_ctl) found via pg_config --bindir or in"
                                + " /usr/lib/postgresql/<major>/bin; install the PostgreSQL server package or"
                                + " configure the bin dir"));
    }

    /**
     * Removes sandbox directories under {@code workDir} whose owning JVM (pid in {@code owner.pid}) is
     * gone, or that have no owner file and are older than 10 minutes: stops the server still running
     * there and deletes the directory. Sandboxes of live JVMs, also other processes', are left alone.
     * Unfinished {@code initdb} template builds of dead JVMs go too; finished templates ({@code
     * bulwark-pgtpl-<hash>}) are never touched.
     *
     * @return how many directories were removed
     */
    public static int reapOrphanSandboxes(Path workDir) {
        return REAPER.reap(workDir) + InitdbTemplate.reapOrphanBuilds(workDir);
    }

    /** Always {@value #HOST}. */
    public String host() {
        return HOST;
    }

    /** The TCP port the server listens on. */
    public int port() {
        return port;
    }

    /** The superuser to connect as. */
    public String username() {
        return options.superuser();
    }

    /** The superuser's password; never log it. */
    public String password() {
        return password;
    }

    /** The data directory ({@code PGDATA}). */
    public Path dataDir() {
        return dataDir;
    }

    /** The directory with the server binaries in use. */
    public Path binDir() {
        return binDir;
    }

    /** The server's version, e.g. {@code 15.20} (first word of {@code server_version}). */
    public String serverVersion() {
        return serverVersion;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}; user and password are not in it. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /** How to reach {@code database} on this instance as the superuser (for JDBC and the PostgreSQL tools). */
    public PostgresConnectionSpec connectionSpec(String database) {
        return new PostgresConnectionSpec(HOST, port, database, options.superuser(), password);
    }

    /**
     * Opens a JDBC connection to {@code database} as the superuser; the caller closes it.
     *
     * @throws SQLException when the server refuses
     */
    public Connection connect(String database) throws SQLException {
        return connect(port, database, options.superuser(), password);
    }

    /**
     * Creates database {@code name} (UTF-8, template0).
     *
     * @throws LocalPostgresException when the server refuses, e.g. because it exists
     */
    public void createDatabase(String name) {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + quoteIdent(name) + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new LocalPostgresException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops the server ({@code -m immediate} for an instance removed on close, {@code -m fast}
     * otherwise) and, for a throwaway instance, deletes its directory. Idempotent; never throws: a
     * server that does not stop is killed.
     */
    public void stop() {
        LocalInstances.forget(this);
        stopOnce();
    }

    private synchronized void stopOnce() {
        if (stopped) {
            return;
        }
        stopped = true;
        String mode = removeRoot != null ? "immediate" : "fast";
        if (!Files.isDirectory(dataDir)) {
            log.info("PostgreSQL on port {} is already gone with its directory {}", port, dataDir);
            return;
        }
        Optional<ProcessHandle> postmaster = PidFile.liveProcess(dataDir.resolve(POSTMASTER_PID));
        try {
            ProcessRunner.Result r = runner.run(user.command(
                    List.of(binDir.resolve("pg_ctl").toString(), "stop", "-D", dataDir.toString(), "-m", mode, "-w"),
                    STOP_TIMEOUT));
            if (!r.succeeded()) {
                log.warn("pg_ctl stop on {} failed ({}): {}", dataDir, r.exitCode(), r.stderr());
                forceStop(dataDir);
            }
        } catch (RuntimeException e) {
            log.warn("pg_ctl stop on {} failed: {}", dataDir, e.toString());
            forceStop(dataDir);
        }
        postmaster.ifPresent(LocalPostgresInstance::awaitExit);
        if (removeRoot != null) {
            deleteTree(removeRoot);
        }
        log.info("PostgreSQL on port {} stopped{}", port, removeRoot != null ? " and removed" : "");
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Fills the missing {@code data} (in a sandbox directory of its own) from the {@link InitdbTemplate} and sets the
     * superuser's {@code password}; true when done, false when the template is off or unusable (then {@code data} is
     * gone again and the reason logged).
     */
    private static boolean copyTemplate(
            ProcessRunner runner,
            Path bin,
            Path data,
            Path workDir,
            Options options,
            ServerUser user,
            String password) {
        InitdbTemplate template;
        try {
            template = InitdbTemplate.forSandboxes(workDir, bin, options.superuser(), user);
        } catch (LocalPostgresException e) {
            log.warn("no initdb template for sandboxes under {}, running initdb: {}", workDir, e.getMessage());
            return false;
        }
        if (!template.enabled()) {
            return false;
        }
        try {
            template.copyInto(
                    data,
                    dir -> initdb(runner, bin, dir, options.withDurable(true), user, LocalServers.newPassword(), true));
            user.handOver(data.getParent());
            SuperuserPassword.set(runner, bin, data, options.superuser(), user, password);
            template.succeeded();
            return true;
        } catch (IOException | RuntimeException e) {
            template.discard(e);
            deleteTree(data);
            return false;
        }
    }

    private static void initdb(
            ProcessRunner runner,
            Path bin,
            Path data,
            Options options,
            ServerUser user,
            String password,
            boolean ownParent) {
        Path pwfile = null;
        try {
            Files.createDirectories(data);
            if (!isEmptyDir(data)) {
                throw new LocalPostgresException("data directory " + data + " is not empty and holds no PG_VERSION");
            }
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            pwfile = Files.createTempFile(data.getParent(), ".initdb-", ".pw");
            Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
            user.handOver(data, pwfile);
            if (ownParent) {
                user.handOver(data.getParent());
            }
            List<String> argv = new ArrayList<>(List.of(
                    bin.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-U",
                    options.superuser(),
                    "--pwfile=" + pwfile,
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--no-instructions"));
            if (!options.durable()) {
                argv.add("--no-sync");
            }
            List<String> withLocale = new ArrayList<>(argv);
            withLocale.add("--locale=C.UTF-8");
            ProcessRunner.Result r = runner.run(user.command(withLocale, INITDB_TIMEOUT));
            if (!r.succeeded() && r.stderr().contains("locale")) {
                clearDir(data);
                argv.add("--no-locale");
                r = runner.run(user.command(argv, INITDB_TIMEOUT));
            }
            if (!r.succeeded()) {
                throw new LocalPostgresException("initdb failed on " + data + " (exit " + r.exitCode()
                        + (r.timedOut() ? ", timed out" : "") + "): " + r.stderr());
            }
        } catch (IOException e) {
            throw new LocalPostgresException("cannot prepare data directory " + data + ": " + e, e);
        } finally {
            if (pwfile != null) {
                try {
                    Files.deleteIfExists(pwfile);
                } catch (IOException ignored) {
                    // inside the instance's directory; removed with it
                }
            }
        }
    }

    /** Starts the server with {@code pg_ctl start}, on a free port unless the options fix one; returns the port. */
    private static int startServer(ProcessRunner runner, Path bin, Path data, Options options, ServerUser user) {
        try {
            return LocalServers.startOnFreePort(
                    HOST, options.port(), START_ATTEMPTS, port -> pgCtlStart(runner, bin, data, options, user, port));
        } catch (PortTakenException e) {
            throw new LocalPostgresException(e.getMessage(), e);
        }
    }

    private static int pgCtlStart(ProcessRunner runner, Path bin, Path data, Options options, ServerUser user, int port)
            throws PortTakenException {
        StringBuilder serverOptions = new StringBuilder()
                .append("-p ")
                .append(port)
                .append(" -c listen_addresses=")
                .append(HOST)
                .append(" -c unix_socket_directories=''");
        if (!options.durable()) {
            serverOptions
                    .append(" -c fsync=off -c full_page_writes=off -c synchronous_commit=off")
                    .append(" -c wal_level=minimal -c max_wal_senders=0 -c autovacuum=off")
                    .append(" -c max_wal_size=1GB -c maintenance_work_mem=256MB");
        }
        long waitSeconds = Math.max(1, options.startTimeout().toSeconds());
        List<String> argv = List.of(
                bin.resolve("pg_ctl").toString(),
                "start",
                "-D",
                data.toString(),
                "-o",
                serverOptions.toString(),
                "-w",
                "-t",
                Long.toString(waitSeconds),
                "-l",
                data.resolve(LOG_FILE).toString());
        ProcessRunner.Result r =
                runner.run(user.command(argv, options.startTimeout().plusSeconds(30)));
        if (r.succeeded()) {
            return port;
        }
        String serverLog = LogTail.of(data.resolve(LOG_FILE), 4000);
        String error = "pg_ctl start failed (exit " + r.exitCode() + "): " + r.stderr() + "\nserver log: " + serverLog;
        forceStop(data);
        if (serverLog.contains("could not bind") || serverLog.contains("Address already in use")) {
            throw new PortTakenException(error);
        }
        throw new LocalPostgresException(error);
    }

    private static void stopLeftover(ProcessRunner runner, Path bin, Path data, ServerUser user) {
        Optional<ProcessHandle> postmaster = PidFile.liveProcess(data.resolve(POSTMASTER_PID));
        if (postmaster.isPresent()) {
            log.warn(
                    "a PostgreSQL server (pid {}) is still running on {}; stopping it",
                    postmaster.get().pid(),
                    data);
            ProcessRunner.Result r = runner.run(user.command(
                    List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "fast", "-w"),
                    STOP_TIMEOUT));
            if (!r.succeeded()) {
                forceStop(data);
            }
        }
    }

    /**
     * True when {@code process} is a PostgreSQL server ({@code postgres}, or {@code postmaster} on old releases): a pid
     * in an orphan's {@code postmaster.pid} may have been reused by another program since, which must not be killed.
     * A process whose command cannot be read is not taken for one.
     */
    static boolean isPostmaster(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> {
                    String name = java.nio.file.Path.of(command).getFileName().toString();
                    return name.equals("postgres") || name.equals("postmaster");
                })
                .orElse(false);
    }

    /** Kills the postmaster named in {@code postmaster.pid}, if alive, and waits for it to go. */
    private static void forceStop(Path data) {
        PidFile.liveProcess(data.resolve(POSTMASTER_PID)).ifPresent(p -> {
            if (!LocalServers.kill(p, EXIT_WAIT)) {
                log.warn("PostgreSQL pid {} did not exit within {} after SIGKILL", p.pid(), EXIT_WAIT);
            }
        });
    }

    /**
     * Waits up to 10 s for {@code process} to exit (pg_ctl returns once the pid file is gone, a moment before the
     * postmaster exits), then kills it; an exited postmaster that init has not reaped yet counts as gone ({@link
     * LocalServers#awaitExit}).
     */
    private static void awaitExit(ProcessHandle process) {
        if (!LocalServers.awaitExit(process, EXIT_WAIT)) {
            process.destroyForcibly();
        }
    }

    private static String queryVersion(int port, String user, String password) {
        try (Connection c = connect(port, "postgres", user, password);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('server_version')")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        } catch (SQLException e) {
            throw new LocalPostgresException(
                    "PostgreSQL started on port " + port + " but refuses the superuser: " + e.getMessage(), e);
        }
    }

    private static Connection connect(int port, String database, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + port + "/" + database, props);
    }

    private static Path passwordFile(Path data) {
        return data.resolveSibling(data.getFileName() + PASSWORD_SUFFIX);
    }

    private static void writePasswordFile(Path file, String password) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalPostgresException("cannot write password file " + file + ": " + e, e);
        }
    }

    private static String readSecret(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            throw new LocalPostgresException(
                    "data directory "
                            + file.resolveSibling(file.getFileName().toString().replace(PASSWORD_SUFFIX, ""))
                            + " exists but its password file " + file
                            + " is missing; restore the file or remove the directory to start afresh",
                    e);
        } catch (IOException e) {
            throw new LocalPostgresException("cannot read password file " + file + ": " + e, e);
        }
    }

    private static String quoteIdent(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("database name must be a non-empty string");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void clearDir(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(LocalPostgresInstance::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code root} and what is below it, best effort; what is left is logged. */
    static void deleteTree(Path root) {
        LocalInstanceDirectory.deleteQuietly(root);
    }
}
