package io.bulwark.engines.mariadb;

import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SourceHealth;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpEngine;
import io.bulwark.engines.DumpFailedException;
import io.bulwark.engines.DumpOptions;
import io.bulwark.engines.SourceHealthProbe;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.Command;
import io.bulwark.engines.process.ProcessRunner.RunningProcess;
import io.bulwark.engines.process.ToolMissingException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs {@code mariadb-dump} (or {@code mysqldump} where it is absent) for one database, as plain SQL
 * that restores into a database of any name ({@code mariadb otherdb < dump.sql}): no {@code
 * --databases}, so the dump holds no {@code CREATE DATABASE} or {@code USE}.
 *
 * <p>Options: {@code --single-transaction} (one consistent InnoDB snapshot, no locks; MariaDB KB,
 * "mariadb-dump"), {@code --routines --triggers --events}, {@code --hex-blob} (binary columns as hex,
 * safe in any character set), {@code --default-character-set=utf8mb4}, {@code --no-tablespaces} (no
 * PROCESS privilege needed), {@code --skip-lock-tables}; included tables as arguments after the
 * database (after {@code --}, so a name may start with a dash), excluded ones as {@code
 * --ignore-table=db.table} (see {@link MariaDbTableFilter} for what the tool then dumps). The password
 * goes through a private option file ({@code --defaults-extra-file}, the first option), never the
 * argument list.
 *
 * <p>MySQL cannot share a snapshot between a JDBC connection and {@code mariadb-dump}, so the row
 * counts are taken from the dump stream itself ({@link DumpStreamCounter}); the other objects of the
 * inventory come from {@code information_schema} before the dump starts ({@link MariaDbInspector}).
 *
 * <p>The least-privilege backup account (checked against MariaDB 10.11 by {@code
 * MariaDbLeastPrivilegeIT}):
 *
 * <pre>{@code
 * CREATE USER 'bulwark'@'%' IDENTIFIED BY '...';
 * -- read the data, see views' definitions, triggers and events:
 * GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON `shop`.* TO 'bulwark'@'%';
 * -- read routine bodies (MariaDB before 11.3; 11.3+ may grant SHOW CREATE ROUTINE on `shop`.* instead):
 * GRANT SELECT ON `mysql`.`proc` TO 'bulwark'@'%';
 * }</pre>
 *
 * <p>SELECT reads the rows (and the sequences' state); SHOW VIEW is needed for {@code SHOW CREATE VIEW}
 * (error 1142 without it); TRIGGER to see the triggers and EVENT for {@code SHOW EVENTS} (error 1044);
 * SELECT on {@code mysql.proc} to read the routines' definitions. LOCK TABLES, RELOAD and PROCESS are
 * not needed with these options. Without TRIGGER or {@code mysql.proc} access {@code mariadb-dump}
 * exits 0 with the triggers or routines silently missing, so {@link #open} checks those privileges
 * ({@code SHOW GRANTS}, which includes the active role's) and refuses with PERMISSION_DENIED instead.
 * MySQL 8.0.20+ needs the global SHOW_ROUTINE privilege (or global SELECT) for routines instead of
 * {@code mysql.proc}, which it does not have.
 *
 * <p>Thread-safe: one instance serves every dump.
 */
public final class MariaDbDumpTool implements DumpEngine {

    /** The engine name of MariaDB and MySQL targets. */
    public static final String ENGINE = "mariadb";

    /** The artifact format: plain SQL from {@code mariadb-dump}. */
    public static final String FORMAT = "mariadb-dump-sql";

    /** The program looked up on the PATH by default. */
    public static final String DEFAULT_PROGRAM = "mariadb-dump";

    /** The program tried when {@link #DEFAULT_PROGRAM} cannot be started. */
    public static final String FALLBACK_PROGRAM = "mysqldump";

    /** The options every dump runs with, after the connection options. */
    public static final List<String> DUMP_OPTIONS = List.of(
            "--single-transaction",
            "--routines",
            "--triggers",
            "--events",
            "--hex-blob",
            "--default-character-set=utf8mb4",
            "--no-tablespaces",
            "--skip-lock-tables");

    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MIN_TOOL_TIME = Duration.ofSeconds(1);

    private final ProcessRunner runner;
    private final String program;

    /**
     * @param runner the process runner
     * @param program {@code mariadb-dump} (then {@code mysqldump} is the fallback), or a path to a
     *     specific binary; null or blank for the default
     */
    public MariaDbDumpTool(ProcessRunner runner, String program) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.program = program == null || program.isBlank() ? DEFAULT_PROGRAM : program;
    }

    /** A tool running {@code mariadb-dump} from the PATH, or {@code mysqldump}. */
    public MariaDbDumpTool(ProcessRunner runner) {
        this(runner, DEFAULT_PROGRAM);
    }

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
        return "sql";
    }

    /**
     * The dump program that runs and its {@code --version} output.
     *
     * @param binary the path or name started
     * @param name the program's file name, e.g. {@code mariadb-dump}
     * @param version e.g. {@code mariadb-dump  Ver 10.19 Distrib 10.11.19-MariaDB, for debian-linux-gnu}
     */
    public record Tool(String binary, String name, String version) {}

    /**
     * Finds the dump program: the configured one, or {@code mysqldump} when the default {@code
     * mariadb-dump} cannot be started.
     *
     * @throws DumpFailedException TOOL_MISSING when neither can be run
     */
    public Tool tool() {
        try {
            return version(program);
        } catch (ToolMissingException e) {
            if (!DEFAULT_PROGRAM.equals(program)) {
                throw new DumpFailedException(FailureReason.TOOL_MISSING, e.getMessage(), null, e);
            }
            try {
                return version(FALLBACK_PROGRAM);
            } catch (ToolMissingException fallback) {
                throw new DumpFailedException(
                        FailureReason.TOOL_MISSING,
                        "neither " + DEFAULT_PROGRAM + " nor " + FALLBACK_PROGRAM
                                + " could be started; install the MariaDB (or MySQL) client: " + e.getMessage(),
                        null,
                        e);
            }
        }
    }

    private Tool version(String binary) {
        ProcessRunner.Result result = runner.run(Command.of(VERSION_TIMEOUT, binary, "--version"));
        if (!result.succeeded()) {
            throw new DumpFailedException(
                    FailureReason.TOOL_MISSING, binary + " --version failed: " + result.stderr(), result.exitCode());
        }
        String name = binary.substring(binary.lastIndexOf('/') + 1);
        return new Tool(binary, name, result.stdout().strip());
    }

    /**
     * The dump command: the option file first, then connection options, {@link #DUMP_OPTIONS}, {@code
     * --ignore-table} per excluded name, {@code --}, the database and the included tables.
     */
    public Command command(
            String binary, ConnectionSpec spec, MariaDbTableFilter filter, String optionFileOption, Duration timeout) {
        List<String> argv = new ArrayList<>();
        argv.add(binary);
        argv.add(optionFileOption);
        argv.addAll(MariaDbClient.connectionOptions(spec));
        argv.addAll(DUMP_OPTIONS);
        for (String excluded : filter.exclude()) {
            argv.add("--ignore-table=" + spec.database() + "." + excluded);
        }
        argv.add("--");
        argv.add(spec.database());
        argv.addAll(filter.include());
        return new Command(argv, null, timeout);
    }

    /**
     * Opens a dump of {@code spec}: resolves the filter, finds the tool, connects over JDBC, reads the
     * server version, checks that every included table exists and that the account holds the
     * privileges without which the dump would be silently incomplete, takes the inventory from {@code
     * information_schema}, disconnects and starts {@code mariadb-dump}. The whole may take {@code
     * options.timeout()}; the tool is killed when it passes.
     *
     * @throws DumpFailedException INVALID_REQUEST for schema filters or an empty table selection;
     *     TOOL_MISSING; CONNECTION_REFUSED, AUTHENTICATION_FAILED, DATABASE_MISSING, PERMISSION_DENIED
     *     (naming the privilege) from the driver's error code; DUMP_FAILED for an included table that
     *     does not exist; the message never holds the password
     */
    @Override
    public MariaDbDumpSession open(ConnectionSpec spec, DumpOptions options) {
        long started = System.nanoTime();
        MariaDbTableFilter filter;
        try {
            filter = MariaDbTableFilter.of(options, spec.database());
        } catch (IllegalArgumentException e) {
            throw new DumpFailedException(FailureReason.INVALID_REQUEST, e.getMessage(), null, e);
        }
        Tool tool = tool();
        String fullVersion;
        SchemaInventory inventory;
        SourceHealth health;
        MariaDbInspector inspector = new MariaDbInspector(options.timeout());
        try (Connection connection = MariaDbClient.connect(spec)) {
            fullVersion = inspector.fullVersion(connection);
            inventory = inspector.inventory(connection, spec.database(), filter, false);
            requireIncludedTables(filter, inventory, spec.database());
            requirePrivileges(MariaDbGrants.of(connection), spec.database(), inventory, fullVersion);
            // MySQL cannot share a snapshot with the dump: the health is taken just before it starts
            health = SourceHealthProbe.take(inspector, connection, spec.database(), inventory);
        } catch (SQLException e) {
            FailureReason reason = MariaDbFailureClassifier.fromSqlException(e);
            throw new DumpFailedException(
                    reason, MariaDbFailureClassifier.describe(reason, "the server", spec.redact(describe(e))), null, e);
        }
        Duration left = options.timeout().minusNanos(System.nanoTime() - started);
        MariaDbClient.OptionFile optionFile = MariaDbClient.OptionFile.create(spec.password());
        RunningProcess process;
        try {
            process = runner.start(command(
                    tool.binary(),
                    spec,
                    filter,
                    optionFile.option(),
                    left.compareTo(MIN_TOOL_TIME) < 0 ? MIN_TOOL_TIME : left));
            process.stdin().close();
        } catch (ToolMissingException e) {
            optionFile.close();
            throw new DumpFailedException(FailureReason.TOOL_MISSING, e.getMessage(), null, e);
        } catch (IOException e) {
            optionFile.close();
            throw new DumpFailedException(FailureReason.DUMP_FAILED, e.getMessage(), null, e);
        }
        return new MariaDbDumpSession(
                spec,
                process,
                optionFile,
                tool,
                MariaDbInspector.shortVersion(fullVersion),
                MariaDbInspector.versionNumber(fullVersion),
                inventory,
                health);
    }

    private static void requireIncludedTables(MariaDbTableFilter filter, SchemaInventory inventory, String database) {
        List<String> missing = new ArrayList<>();
        for (String name : filter.include()) {
            boolean found = inventory.tables().stream().anyMatch(t -> t.name().equals(name))
                    || inventory.views().contains(database + "." + name)
                    || inventory.sequences().contains(database + "." + name);
            if (!found) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new DumpFailedException(
                    FailureReason.DUMP_FAILED,
                    "the table filter includes " + missing + ", which database " + database
                            + " does not hold (or the backup user cannot see)",
                    null);
        }
    }

    /**
     * Refuses a dump that would leave out triggers, events or routines for lack of a privilege.
     *
     * @throws DumpFailedException PERMISSION_DENIED naming every missing privilege
     */
    static void requirePrivileges(MariaDbGrants grants, String database, SchemaInventory inventory, String version) {
        List<String> missing = new ArrayList<>();
        String on = MariaDbInspector.quoteIdentifier(database) + ".*";
        boolean triggers = grants.onDatabase("TRIGGER", database)
                || inventory.tables().stream().allMatch(t -> grants.onTable("TRIGGER", database, t.name()));
        if (!triggers) {
            missing.add("TRIGGER on " + on + " (without it mariadb-dump --triggers silently leaves out the triggers)");
        }
        if (!grants.onDatabase("EVENT", database)) {
            missing.add("EVENT on " + on + " (mariadb-dump --events runs SHOW EVENTS)");
        }
        if (!canReadRoutines(grants, database, version)) {
            missing.add("SELECT on `mysql`.`proc`"
                    + " (without it mariadb-dump --routines silently leaves out the functions and procedures)");
        }
        if (!missing.isEmpty()) {
            throw new DumpFailedException(
                    FailureReason.PERMISSION_DENIED,
                    "permission denied: the backup user lacks " + String.join(", ", missing),
                    null);
        }
    }

    private static boolean canReadRoutines(MariaDbGrants grants, String database, String version) {
        if (grants.global("SELECT") || grants.onTable("SELECT", "mysql", "proc")) {
            return true;
        }
        int number = MariaDbInspector.versionNumber(version);
        if (version.contains("MariaDB")) {
            return number >= 110300
                    && (grants.onDatabase("SHOW CREATE ROUTINE", database) || grants.global("SHOW CREATE ROUTINE"));
        }
        return grants.global("SHOW_ROUTINE");
    }

    /** The driver's message with its error code and SQLState. */
    static String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message + " (error " + e.getErrorCode() + ", SQLState " + e.getSQLState() + ")";
    }
}
