package io.bulwark.engines.postgres;

import io.bulwark.contracts.FailureReason;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpEngine;
import io.bulwark.engines.DumpFailedException;
import io.bulwark.engines.DumpOptions;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.Command;
import io.bulwark.engines.process.ToolMissingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs {@code pg_dump} in custom format, uncompressed ({@code --format=custom --compress=0}: Bulwark
 * compresses with zstd itself), at a snapshot exported by a JDBC transaction, so that the dump and the
 * exact row counts of {@link PostgresInspector} see the same data (PostgreSQL documentation,
 * "Snapshot Synchronization Functions" and {@code pg_dump --snapshot}).
 *
 * <p>Use {@link #open} to get a {@link PgDumpSession}; the password goes to {@code pg_dump} through
 * a private {@code PGPASSFILE} only. When the configured program is the plain name {@code pg_dump}, the newest
 * {@code /usr/lib/postgresql/<major>/bin/pg_dump} whose major version is at least the server's is
 * preferred (Debian installs several side by side, and {@code pg_dump} refuses newer servers).
 * Thread-safe: one instance serves every dump.
 */
public final class PgDumpTool implements DumpEngine {

    /** The plain program name: looked up on the PATH or among the installed PostgreSQL versions. */
    public static final String DEFAULT_PROGRAM = "pg_dump";

    private static final Path DEBIAN_POSTGRES = Path.of("/usr/lib/postgresql");
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
    /** The first number after the program name, e.g. 15 in {@code pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)}. */
    private static final Pattern TOOL_VERSION = Pattern.compile("^\\S+(?:\\s+\\([^)]*\\))?\\s+(\\d+)");

    private final ProcessRunner runner;
    private final String program;
    private final Duration timeout;
    private final java.util.concurrent.ConcurrentHashMap<String, String> versions =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param runner the process runner
     * @param program {@code pg_dump}, or a path to a specific binary
     * @param timeout how long one dump (counts and {@code pg_dump}) may take before it is killed
     */
    public PgDumpTool(ProcessRunner runner, String program, Duration timeout) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.program = program == null || program.isBlank() ? DEFAULT_PROGRAM : program;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The engine name of PostgreSQL targets. */
    public static final String ENGINE = "postgresql";

    /** The artifact format: {@code pg_dump --format=custom}. */
    public static final String FORMAT = "pg_dump-custom";

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String fileExtension() {
        return "pgcustom";
    }

    /**
     * Opens a consistent dump of what {@code options} select (see {@link #open(PostgresConnectionSpec,
     * PgDumpFilter, Duration)}).
     *
     * @throws IllegalArgumentException when a filter entry is malformed (see {@link PgDumpFilter#of})
     */
    @Override
    public PgDumpSession open(ConnectionSpec spec, DumpOptions options) {
        return open(
                new PostgresConnectionSpec(spec.host(), spec.port(), spec.database(), spec.username(), spec.password()),
                PgDumpFilter.of(options),
                options.timeout());
    }

    /** The dump timeout. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The {@code pg_dump} binary to use for a server of {@code serverVersionNum}.
     *
     * @param serverVersionNum e.g. {@code 150020}, or 0 when unknown
     */
    public String programFor(int serverVersionNum) {
        if (!DEFAULT_PROGRAM.equals(program)) {
            return program;
        }
        return newestInstalled(serverVersionNum / 10000).orElse(program);
    }

    private static Optional<String> newestInstalled(int minMajor) {
        if (!Files.isDirectory(DEBIAN_POSTGRES)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_POSTGRES)) {
            return versions.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> Integer.parseInt(p.getFileName().toString()) >= minMajor)
                    .map(p -> p.resolve("bin/pg_dump"))
                    .filter(Files::isExecutable)
                    .max(Comparator.comparingInt(p -> Integer.parseInt(
                            p.getParent().getParent().getFileName().toString())))
                    .map(Path::toString);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code pg_dump --version} of the binary used for a server of {@code serverVersionNum}, e.g.
     * {@code pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)}.
     *
     * @throws DumpFailedException TOOL_MISSING when the program cannot be run
     */
    public String version(int serverVersionNum) {
        String binary = programFor(serverVersionNum);
        String key = versionCacheKey(binary);
        if (key != null) {
            String cached = versions.get(key);
            if (cached != null) {
                return cached;
            }
        }
        String version = runVersion(binary);
        if (key != null) {
            versions.put(key, version);
        }
        return version;
    }

    /**
     * The key under which the version of {@code binary} is kept: its path, size and modification time,
     * so that a binary replaced in place (a package upgrade) is asked again; null for a bare name looked up
     * on the PATH, which is asked every time.
     */
    private static String versionCacheKey(String binary) {
        Path path = Path.of(binary);
        if (!path.isAbsolute()) {
            return null;
        }
        try {
            return path + "|" + Files.size(path) + "|"
                    + Files.getLastModifiedTime(path).toMillis();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private String runVersion(String binary) {
        try {
            ProcessRunner.Result result = runner.run(Command.of(VERSION_TIMEOUT, binary, "--version"));
            if (!result.succeeded()) {
                throw new DumpFailedException(
                        FailureReason.TOOL_MISSING,
                        binary + " --version failed: " + result.stderr(),
                        result.exitCode());
            }
            return result.stdout().trim();
        } catch (ToolMissingException e) {
            throw new DumpFailedException(FailureReason.TOOL_MISSING, e.getMessage(), null, e);
        }
    }

    /**
     * The {@code pg_dump} command for {@code spec} at {@code snapshotId}: custom format, no compression,
     * never prompting for a password; connection parameters as arguments and in the environment, the
     * password in a private {@code PGPASSFILE} only. A database name that libpq would read as a connection string
     * (containing {@code =} or {@code ://}) is passed through {@code PGDATABASE} only.
     */
    public Command command(String binary, PostgresConnectionSpec spec, String snapshotId) {
        return command(binary, spec, snapshotId, PgDumpFilter.EVERYTHING, timeout);
    }

    /** {@link #command(String, PostgresConnectionSpec, String)} with {@code filter}'s switches and {@code timeout}. */
    Command command(
            String binary, PostgresConnectionSpec spec, String snapshotId, PgDumpFilter filter, Duration timeout) {
        List<String> argv = new ArrayList<>(List.of(
                binary,
                "--format=custom",
                "--compress=0",
                "--no-password",
                "--host=" + spec.host(),
                "--port=" + spec.port(),
                "--username=" + spec.username()));
        if (snapshotId != null) {
            argv.add("--snapshot=" + snapshotId);
        }
        argv.addAll(filter.arguments());
        if (!spec.database().contains("=") && !spec.database().contains("://")) {
            argv.add("--dbname=" + spec.database());
        }
        return spec.toolCommand(argv, timeout);
    }

    /**
     * Opens a consistent dump of {@code spec}: connects, starts a {@code REPEATABLE READ READ ONLY}
     * transaction, exports its snapshot, takes the {@link PostgresInspector inventory} with exact row
     * counts in it, and starts {@code pg_dump --snapshot}. The caller streams {@link
     * PgDumpSession#stdout()}, then calls {@link PgDumpSession#awaitSuccess()} and closes the session
     * (which ends the transaction only after {@code pg_dump} has exited).
     *
     * @throws DumpFailedException classified from the driver's SQLState (connection refused,
     *     authentication, missing database, permission) or TOOL_MISSING when {@code pg_dump} cannot be
     *     started; the message never holds the password
     */
    public PgDumpSession open(PostgresConnectionSpec spec) {
        return open(spec, PgDumpFilter.EVERYTHING, timeout);
    }

    /**
     * Opens a consistent dump of what {@code filter} selects, killed after {@code dumpTimeout}. Before
     * {@code pg_dump} starts, its major version is checked against the server's: {@code pg_dump}
     * cannot dump a newer server (PostgreSQL documentation, {@code pg_dump}: "cannot dump from
     * PostgreSQL servers newer than its own major version").
     *
     * @throws DumpFailedException as {@link #open(PostgresConnectionSpec)}, and TOOL_TOO_OLD when the
     *     {@code pg_dump} that would run is of an older major version than the server
     */
    public PgDumpSession open(PostgresConnectionSpec spec, PgDumpFilter filter, Duration dumpTimeout) {
        try {
            return PgDumpSession.open(this, runner, spec, new PostgresInspector(dumpTimeout), filter, dumpTimeout);
        } catch (SQLException e) {
            throw new DumpFailedException(FailureClassifier.fromSqlException(e), spec.redact(describe(e)), null, null);
        }
    }

    /**
     * Fails when {@code toolVersion} (a {@code pg_dump --version} line) is of an older major version
     * than the server's {@code serverVersionNum}.
     *
     * @throws DumpFailedException TOOL_TOO_OLD naming both versions and what to install
     */
    static void requireNotOlder(String binary, String toolVersion, int serverVersionNum, String serverVersion) {
        int toolMajor = majorOf(toolVersion);
        int serverMajor = serverVersionNum / 10000;
        if (toolMajor > 0 && serverMajor > 0 && toolMajor < serverMajor) {
            throw new DumpFailedException(
                    FailureReason.TOOL_TOO_OLD,
                    binary + " is version " + toolMajor + " (" + toolVersion + ") but the server runs PostgreSQL "
                            + serverVersion + "; pg_dump cannot dump a newer server: install the PostgreSQL "
                            + serverMajor + " client (Debian: postgresql-client-" + serverMajor
                            + ") or set bulwark.dump-worker.pg-dump-program to its pg_dump",
                    null);
        }
    }

    /** The major version in a {@code pg_dump --version} line such as {@code pg_dump (PostgreSQL) 15.20 (Debian ...)}, or 0. */
    static int majorOf(String toolVersion) {
        Matcher m = TOOL_VERSION.matcher(toolVersion == null ? "" : toolVersion);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The driver's message with its SQLState, e.g. {@code FATAL: database "x" does not exist (3D000)}. */
    static String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e.getSQLState() == null ? message : message + " (SQLState " + e.getSQLState() + ")";
    }
}
