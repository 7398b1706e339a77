package io.bulwark.engines.mariadb;

import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.SourceHealth;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpFailedException;
import io.bulwark.engines.DumpSession;
import io.bulwark.engines.process.ProcessRunner.RunningProcess;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running {@code mariadb-dump}, opened by {@link MariaDbDumpTool#open}: its stdout, counted as it
 * is read ({@link DumpStreamCounter}), the inventory taken before it started, and its private option
 * file.
 *
 * <p>Lifecycle: read {@link #stdout()} to its end, call {@link #awaitSuccess()}, read {@link
 * #inventory()}, then {@link #close()}, which kills the tool if it still runs and deletes the option
 * file. The inventory's tables are the ones the stream creates, with the rows it inserts; views,
 * sequences, routines, events and the tables' indexes, constraints and triggers come from {@code
 * information_schema}, read before the dump started (a table created or dropped meanwhile is logged,
 * and only the dumped tables' objects are kept). Not thread-safe, except that {@link
 * #awaitSuccess()} may run on the thread reading {@link #stdout()} and {@link #stderr()} may be read
 * from any thread.
 */
public final class MariaDbDumpSession implements DumpSession {

    /** How the row counts are taken, for a person reading the manifest. */
    public static final String ROW_COUNT_METHOD = "rows counted in the dump stream: the tuples of each table's"
            + " INSERT statements written by mariadb-dump --single-transaction";

    private static final Logger log = LoggerFactory.getLogger(MariaDbDumpSession.class);

    private final ConnectionSpec spec;
    private final RunningProcess process;
    private final MariaDbClient.OptionFile optionFile;
    private final MariaDbDumpTool.Tool tool;
    private final String serverVersion;
    private final int serverVersionNum;
    private final SchemaInventory catalog;
    private final SourceHealth sourceHealth;
    private final DumpStreamCounter stdout;
    private volatile boolean succeeded;

    MariaDbDumpSession(
            ConnectionSpec spec,
            RunningProcess process,
            MariaDbClient.OptionFile optionFile,
            MariaDbDumpTool.Tool tool,
            String serverVersion,
            int serverVersionNum,
            SchemaInventory catalog,
            SourceHealth sourceHealth) {
        this.spec = spec;
        this.process = process;
        this.optionFile = optionFile;
        this.tool = tool;
        this.serverVersion = serverVersion;
        this.serverVersionNum = serverVersionNum;
        this.catalog = catalog;
        this.sourceHealth = sourceHealth;
        this.stdout = new DumpStreamCounter(process.stdout());
    }

    /** The dump as SQL text (UTF-8), counted as it is read. */
    @Override
    public InputStream stdout() {
        return stdout;
    }

    /**
     * Waits for {@code mariadb-dump} to exit (it is killed at the dump timeout).
     *
     * @throws DumpFailedException TIMEOUT when it was killed at its timeout; otherwise, when it exited
     *     non-zero, the reason classified from its stderr ({@link MariaDbFailureClassifier}), the
     *     message its stderr (password redacted), naming the missing privilege for PERMISSION_DENIED
     */
    @Override
    public void awaitSuccess() {
        int exit = process.waitFor();
        if (process.timedOut()) {
            throw new DumpFailedException(
                    FailureReason.TIMEOUT,
                    tool.name() + " was killed after its timeout of "
                            + process.command().timeout() + ": " + spec.redact(process.stderr()),
                    null);
        }
        if (exit != 0) {
            String stderr = spec.redact(process.stderr());
            FailureReason reason = MariaDbFailureClassifier.fromToolOutput(stderr, false);
            throw new DumpFailedException(
                    reason,
                    MariaDbFailureClassifier.describe(
                            reason, tool.name(), stderr.isEmpty() ? tool.name() + " exited with code " + exit : stderr),
                    exit);
        }
        succeeded = true;
    }

    /**
     * The orphan rows per foreign key and the AUTO_INCREMENT positions of the dumped tables, taken just before the
     * dump started (MySQL cannot share the dump's snapshot); null when they could not be taken.
     */
    @Override
    public SourceHealth sourceHealth() {
        return sourceHealth;
    }

    /**
     * The inventory of what the dump holds: tables and row counts from the stream, the other objects
     * from {@code information_schema}.
     *
     * @throws IllegalStateException before {@link #awaitSuccess()} returned, or when {@link #stdout()}
     *     was not read to its end (the counts would be short)
     */
    @Override
    public SchemaInventory inventory() {
        if (!succeeded) {
            throw new IllegalStateException("the inventory is complete only after awaitSuccess() returned");
        }
        if (!stdout.complete()) {
            throw new IllegalStateException("stdout was not read to its end, so the row counts are incomplete");
        }
        String database = spec.database();
        Map<String, Long> counted = stdout.scanner().rowCounts();
        List<TableInfo> tables = new ArrayList<>();
        counted.forEach((name, rows) -> tables.add(new TableInfo(database, name, rows)));
        tables.sort(Comparator.comparing(TableInfo::name));
        Set<String> before = catalog.tables().stream().map(TableInfo::name).collect(Collectors.toSet());
        if (before.equals(counted.keySet())) {
            return new SchemaInventory(
                    tables,
                    catalog.views(),
                    catalog.materializedViews(),
                    catalog.sequences(),
                    catalog.functions(),
                    catalog.indexes(),
                    catalog.constraints(),
                    catalog.triggers(),
                    catalog.policies(),
                    catalog.events(),
                    catalog.extensions());
        }
        log.warn(
                "the tables of database {} changed while it was dumped: information_schema listed {}, the dump holds {}",
                database,
                before,
                counted.keySet());
        Predicate<String> ofDumpedTable =
                qualified -> counted.keySet().stream().anyMatch(t -> qualified.startsWith(database + "." + t + "."));
        return new SchemaInventory(
                tables,
                catalog.views(),
                catalog.materializedViews(),
                catalog.sequences(),
                catalog.functions(),
                catalog.indexes().stream().filter(ofDumpedTable).toList(),
                catalog.constraints().stream().filter(ofDumpedTable).toList(),
                catalog.triggers().stream().filter(ofDumpedTable).toList(),
                catalog.policies(),
                catalog.events(),
                catalog.extensions());
    }

    @Override
    public String rowCountMethod() {
        return ROW_COUNT_METHOD;
    }

    /** The server version, e.g. {@code 10.11.19-MariaDB}. */
    @Override
    public String serverVersion() {
        return serverVersion;
    }

    /** The server version as a number, e.g. {@code 101119}. */
    @Override
    public int serverVersionNum() {
        return serverVersionNum;
    }

    /** Always null: MySQL cannot share a snapshot with another client; the rows are counted in the stream. */
    @Override
    public String snapshotId() {
        return null;
    }

    @Override
    public String toolName() {
        return tool.name();
    }

    @Override
    public String toolVersion() {
        return tool.version();
    }

    @Override
    public String toolFormat() {
        return "sql";
    }

    @Override
    public String stderr() {
        return spec.redact(process.stderr());
    }

    /** The OS process id of {@code mariadb-dump}. */
    public long pid() {
        return process.pid();
    }

    /** The command that runs (its argument list never holds the password). */
    public io.bulwark.engines.process.ProcessRunner.Command command() {
        return process.command();
    }

    /** Kills {@code mariadb-dump} if it still runs, then deletes the option file; idempotent. */
    @Override
    public void close() {
        try {
            process.close();
            try {
                process.stdout().close();
            } catch (IOException ignored) {
                // the process is gone; nothing left to read
            }
            process.waitFor();
        } finally {
            optionFile.close();
        }
    }
}
