package io.bulwark.engines.mariadb;

import io.bulwark.engines.ArchiveHead;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DatabaseState;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.engines.RestoreOptions;
import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.RestorePlan;
import io.bulwark.engines.RestoreSelection;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.Command;
import io.bulwark.engines.process.ProcessRunner.RunningProcess;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The MySQL/MariaDB adapter of the restore port ({@link RestoreEngine}): restores an SQL dump read from a stream by
 * feeding it to the {@code mariadb} client's stdin, into an existing database (the dump holds no {@code CREATE DATABASE} or {@code USE}, so it fills whichever
 * database the client selects).
 *
 * <p>The client runs with {@code --default-character-set=utf8mb4} (the dump's character set) and
 * {@code --binary-mode}, which keeps {@code \r\n} and NUL bytes inside strings as they are and turns
 * off client commands other than {@code DELIMITER} (MariaDB KB, "mariadb Command-Line Client",
 * {@code --binary-mode}); binary columns arrive as hex ({@code --hex-blob}) anyway. It stops at the
 * first error and exits non-zero (the default without {@code --force}). The password goes through a
 * private option file ({@code --defaults-extra-file}), never the argument list. The dump is read on the
 * calling thread and written to the client's stdin, so no temporary file is needed. Thread-safe: each
 * call runs its own process.
 *
 * <p>Every dump passes {@link SqlDumpGuard} on its way to the client: a statement that reaches outside the
 * database ({@code LOAD DATA}, {@code LOAD_FILE}, {@code INTO OUTFILE}, ...) stops the restore before it reaches the
 * server (the client is killed; {@link RestoreOutcome#inputError()} says why), and every {@code DEFINER} becomes
 * {@code CURRENT_USER}, the account the restore runs as.
 *
 * <p>A partial restore keeps only the chosen tables of the stream as it goes by ({@link SqlDumpSelection}): nothing
 * else of the dump is restored anywhere first. Parallel restore is not offered: the client runs one statement after
 * another, so {@link RestoreOptions#jobs()} is ignored.
 */
public final class MariaDbRestoreTool implements RestoreEngine {

    /** The client looked up on the PATH by default. */
    public static final String DEFAULT_PROGRAM = "mariadb";

    /** The client tried when {@link #DEFAULT_PROGRAM} cannot be started. */
    public static final String FALLBACK_PROGRAM = "mysql";

    private static final int CHUNK_BYTES = 64 * 1024;

    /** The head read ahead of the restore: the dump header is in the first lines. */
    private static final int HEAD_BYTES = 4096;

    private final ProcessRunner runner;
    private final String program;
    private final boolean tripwire;

    /**
     * @param runner runs the process
     * @param program {@code mariadb} (then {@code mysql} is the fallback), or a path to a client; null
     *     or blank for the default
     */
    public MariaDbRestoreTool(ProcessRunner runner, String program) {
        this(runner, program, true);
    }

    private MariaDbRestoreTool(ProcessRunner runner, String program, boolean tripwire) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.program = program == null || program.isBlank() ? DEFAULT_PROGRAM : program;
        this.tripwire = tripwire;
    }

    /**
     * This tool without the tripwire of {@link SqlDumpGuard} (definers are still rewritten): for tests that prove
     * the sandbox server refuses what the guard would have stopped.
     */
    MariaDbRestoreTool withoutTripwire() {
        return new MariaDbRestoreTool(runner, program, false);
    }

    /** A restore tool running {@code mariadb} from the PATH, or {@code mysql}. */
    public MariaDbRestoreTool(ProcessRunner runner) {
        this(runner, DEFAULT_PROGRAM);
    }

    /**
     * The client command for {@code target}, after the option file option. {@code --local-infile=0}: the client never
     * sends a file of this machine, whatever a dump or the server asks ({@code LOAD DATA LOCAL INFILE}; MariaDB KB,
     * "mariadb Command-Line Client", {@code --local-infile}).
     */
    public Command command(String binary, ConnectionSpec target, String optionFileOption, Duration timeout) {
        List<String> argv = new ArrayList<>();
        argv.add(binary);
        argv.add(optionFileOption);
        argv.addAll(MariaDbClient.connectionOptions(target));
        argv.add("--local-infile=0");
        argv.add("--default-character-set=utf8mb4");
        argv.add("--binary-mode");
        argv.add("--batch");
        argv.add("--database=" + target.database());
        return new Command(argv, null, timeout);
    }

    @Override
    public String engine() {
        return "mariadb";
    }

    @Override
    public String toolName() {
        return "mariadb";
    }

    @Override
    public int headBytes() {
        return HEAD_BYTES;
    }

    @Override
    public int maxHeadBytes() {
        return HEAD_BYTES;
    }

    /**
     * Looks for a {@code mariadb-dump} or {@code mysqldump} header ({@code -- MariaDB dump}, {@code -- MySQL dump}; after
     * the {@code /*M!999999\\- enable the sandbox mode *}{@code /} line of mariadb-dump 10.11.8 and later). A dump
     * without it (written with {@code --skip-comments}, or by another tool) is not proven bad: the restore judges it.
     */
    @Override
    public ArchiveHead readHead(byte[] head, Duration timeout) {
        String text = new String(head, 0, Math.min(head.length, HEAD_BYTES), StandardCharsets.UTF_8);
        List<String> lines = text.lines().limit(2).toList();
        String firstLine = lines.isEmpty() ? "" : lines.getFirst();
        if (firstLine.startsWith("/*M!999999") && lines.size() > 1) {
            firstLine = lines.get(1);
        }
        String tool = "mariadb-dump header";
        if (firstLine.startsWith("-- MariaDB dump") || firstLine.startsWith("-- MySQL dump")) {
            return ArchiveHead.readable(tool, "the dump begins with a mariadb-dump header: " + cap(firstLine.strip()));
        }
        return new ArchiveHead(
                tool,
                null,
                "the dump does not begin with a mariadb-dump header ("
                        + (firstLine.isBlank() ? "it is empty" : "it begins '" + cap(firstLine.strip()) + "'") + ")",
                false,
                false);
    }

    private static String cap(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /**
     * The plan of a partial restore names the tables asked for; which exist, and the foreign keys left dangling,
     * are known once the dump has streamed by ({@link RestoreOutcome#selection()}).
     *
     * @throws IllegalArgumentException when schemas are chosen (a MySQL/MariaDB dump holds one database) or a table
     *     name is blank
     */
    @Override
    public RestorePlan plan(byte[] head, RestoreSelection selection, Duration timeout) {
        if (!selection.schemas().isEmpty()) {
            throw new IllegalArgumentException("schemas cannot be chosen in a MySQL/MariaDB dump, which holds one"
                    + " database; choose tables instead (asked for schemas " + selection.schemas() + ")");
        }
        for (String table : selection.tables()) {
            if (table == null || table.isBlank()) {
                throw new IllegalArgumentException("tables: a table name is blank");
            }
        }
        return new RestorePlan(selection.tables(), List.of(), List.of(), null);
    }

    /**
     * Restores the dump read from {@code dump} (not closed) into {@code target}'s database, which must
     * exist (and should be empty). Reading stops early when the client exits before the end of the
     * stream; the caller may go on reading the rest (for a checksum, say).
     *
     * @param timeout how long the client may run before it is killed
     * @return what happened; a failed restore is a result, not an exception
     * @throws io.bulwark.engines.process.ToolMissingException when neither {@code mariadb} nor {@code
     *     mysql} can be started
     */
    public RestoreOutcome restore(InputStream dump, ConnectionSpec target, Duration timeout) {
        return restore(dump, target, RestoreOptions.whole(timeout));
    }

    @Override
    public RestoreOutcome restore(InputStream dump, ConnectionSpec target, RestoreOptions options) {
        SqlDumpSelection selection = options.selection().isEverything()
                ? null
                : new SqlDumpSelection(
                        dump, new LinkedHashSet<>(options.selection().tables()));
        InputStream input = selection != null
                ? selection
                : options.sourceDatabase() != null && !options.sourceDatabase().equals(target.database())
                        ? new AlterDatabaseRename(dump, options.sourceDatabase(), target.database())
                        : dump;
        long started = System.nanoTime();
        try (MariaDbClient.OptionFile optionFile = MariaDbClient.OptionFile.create(target.password());
                RunningProcess process = start(target, optionFile, options.timeout())) {
            SqlDumpGuard guard = new SqlDumpGuard(input, tripwire, process::kill);
            ProcessRunner.Feed feed = process.feed(guard, CHUNK_BYTES);
            int exit = process.waitFor();
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            String inputError = feed.inputError();
            RestorePlan restored = null;
            if (selection != null && feed.inputComplete()) {
                try {
                    SqlDumpSelection.Report report = selection.report();
                    restored = new RestorePlan(
                            report.tables(),
                            List.of(),
                            report.danglingForeignKeys().stream()
                                    .map(key -> key.table() + "." + key.constraint() + " -> " + key.referencedTable())
                                    .toList(),
                            null);
                } catch (IllegalArgumentException e) {
                    inputError = e.getMessage();
                }
            }
            RestoreOutcome outcome = new RestoreOutcome(
                    "mariadb",
                    "dump",
                    exit,
                    target.redact(process.stderr()),
                    elapsed,
                    process.timedOut(),
                    guard.bytesRead(),
                    target.redact(inputError),
                    feed.inputComplete());
            return restored == null ? outcome : outcome.withSelection(restored);
        }
    }

    @Override
    public DatabaseState databaseState(ConnectionSpec server, String database) throws SQLException {
        return MariaDbDatabaseAdmin.state(server, database);
    }

    @Override
    public void createDatabase(ConnectionSpec server, String database) throws SQLException {
        MariaDbDatabaseAdmin.create(server, database);
    }

    @Override
    public void dropDatabase(ConnectionSpec server, String database) throws SQLException {
        MariaDbDatabaseAdmin.drop(server, database);
    }

    @Override
    public DatabaseLock tryLock(ConnectionSpec server, String database) throws SQLException {
        return MariaDbDatabaseAdmin.tryLock(server, database);
    }

    private RunningProcess start(ConnectionSpec target, MariaDbClient.OptionFile optionFile, Duration timeout) {
        try {
            return runner.start(command(program, target, optionFile.option(), timeout));
        } catch (io.bulwark.engines.process.ToolMissingException e) {
            if (!DEFAULT_PROGRAM.equals(program)) {
                throw e;
            }
            return runner.start(command(FALLBACK_PROGRAM, target, optionFile.option(), timeout));
        }
    }
}
