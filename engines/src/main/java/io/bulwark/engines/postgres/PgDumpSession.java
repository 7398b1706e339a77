package io.bulwark.engines.postgres;

import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SourceHealth;
import io.bulwark.engines.DumpFailedException;
import io.bulwark.engines.DumpSession;
import io.bulwark.engines.SourceHealthProbe;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.RunningProcess;
import io.bulwark.engines.process.ToolMissingException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;

/**
 * One running dump: the JDBC transaction holding the exported snapshot, the inventory taken in it,
 * and the {@code pg_dump} process reading the same snapshot. Created by {@link PgDumpTool#open}.
 *
 * <p>Lifecycle: read {@link #stdout()} to its end, call {@link #awaitSuccess()}, then {@link
 * #close()}. Closing kills {@code pg_dump} if it still runs (an upload that failed midway) and only
 * then ends the transaction, so the snapshot stays valid for as long as {@code pg_dump} needs it. Not
 * thread-safe, except that {@link #awaitSuccess()} may run on the thread reading {@link #stdout()}.
 */
public final class PgDumpSession implements DumpSession {

    /**
     * How the row counts are taken, for a person reading the manifest. The counting transaction runs without parallel
     * workers ({@code max_parallel_workers_per_gather = 0}) and without JIT: the counts overlap {@code pg_dump}, whose
     * {@code COPY} of the same rows takes longer than one backend's {@code count(*)}, so parallel workers only take
     * cores from the dump (measured on pgbench scale 50, PostgreSQL 15, 2 cores: the bare {@code pg_dump | zstd}
     * pipeline took 2.25 s, 2.8 s beside a parallel {@code count(*)} and 2.45 s beside a serial one).
     */
    public static final String ROW_COUNT_METHOD =
            "SELECT count(*) per table in the REPEATABLE READ transaction whose snapshot was exported with"
                    + " pg_export_snapshot() and shared with pg_dump --snapshot";

    private final PostgresConnectionSpec spec;
    private final Connection connection;
    private final String snapshotId;
    private final String serverVersion;
    private final int serverVersionNum;
    private final String toolVersion;
    private final CompletableFuture<SchemaInventory> inventory;
    private final CompletableFuture<SourceHealth> sourceHealth;
    private final Thread counter;
    private final RunningProcess process;

    private PgDumpSession(
            PostgresConnectionSpec spec,
            Connection connection,
            String snapshotId,
            String serverVersion,
            int serverVersionNum,
            String toolVersion,
            CompletableFuture<SchemaInventory> inventory,
            CompletableFuture<SourceHealth> sourceHealth,
            Thread counter,
            RunningProcess process) {
        this.spec = spec;
        this.connection = connection;
        this.snapshotId = snapshotId;
        this.serverVersion = serverVersion;
        this.serverVersionNum = serverVersionNum;
        this.toolVersion = toolVersion;
        this.inventory = inventory;
        this.sourceHealth = sourceHealth;
        this.counter = counter;
        this.process = process;
    }

    static PgDumpSession open(
            PgDumpTool tool,
            ProcessRunner runner,
            PostgresConnectionSpec spec,
            PostgresInspector inspector,
            PgDumpFilter filter,
            java.time.Duration timeout)
            throws SQLException {
        Connection connection = spec.connect();
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                // as pg_dump does: a count that row-level security would filter fails instead of undercounting
                st.execute("SET LOCAL row_security = off");
                // the counts run beside pg_dump and finish well before it: one backend, no parallel workers and no
                // JIT, so that they do not take the cores pg_dump's COPY needs
                st.execute("SET LOCAL max_parallel_workers_per_gather = 0");
                st.execute("SET LOCAL jit = off");
            }
            String snapshotId;
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                snapshotId = rs.getString(1);
            }
            String serverVersion = inspector.serverVersion(connection);
            int serverVersionNum = inspector.serverVersionNum(connection);
            String binary = tool.programFor(serverVersionNum);
            String toolVersion = tool.version(serverVersionNum);
            PgDumpTool.requireNotOlder(binary, toolVersion, serverVersionNum, serverVersion);
            RunningProcess process;
            try {
                process = runner.start(tool.command(binary, spec, snapshotId, filter, timeout));
            } catch (ToolMissingException e) {
                throw new DumpFailedException(FailureReason.TOOL_MISSING, e.getMessage(), null, e);
            }
            process.stdin().close();
            // pg_dump runs while the rows are counted: both read the exported snapshot
            CompletableFuture<SchemaInventory> inventory = new CompletableFuture<>();
            CompletableFuture<SourceHealth> health = new CompletableFuture<>();
            Thread counter = Thread.ofPlatform()
                    .daemon()
                    .name("pg-inventory-" + spec.database())
                    .start(() -> {
                        try {
                            SchemaInventory counted = inspector.inventory(connection, filter);
                            health.complete(SourceHealthProbe.take(inspector, connection, spec.database(), counted));
                            inventory.complete(counted);
                        } catch (SQLException | RuntimeException e) {
                            health.complete(null);
                            inventory.completeExceptionally(e);
                        }
                    });
            return new PgDumpSession(
                    spec,
                    connection,
                    snapshotId,
                    serverVersion,
                    serverVersionNum,
                    toolVersion,
                    inventory,
                    health,
                    counter,
                    process);
        } catch (SQLException | RuntimeException | java.io.IOException e) {
            closeQuietly(connection);
            if (e instanceof SQLException sql) {
                throw sql;
            }
            if (e instanceof java.io.IOException io) {
                throw new DumpFailedException(FailureReason.DUMP_FAILED, io.getMessage(), null, io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * The orphan rows per foreign key and the sequence positions of the dumped tables, taken in the dump's snapshot
     * after the counts; null when they could not be taken.
     */
    @Override
    public SourceHealth sourceHealth() {
        return sourceHealth.getNow(null);
    }

    /** The exported snapshot both the counts and {@code pg_dump} read, e.g. {@code 00000003-0000001B-1}. */
    @Override
    public String snapshotId() {
        return snapshotId;
    }

    /** The server version, e.g. {@code 15.20}. */
    @Override
    public String serverVersion() {
        return serverVersion;
    }

    /** The server's {@code server_version_num}, e.g. {@code 150020}. */
    @Override
    public int serverVersionNum() {
        return serverVersionNum;
    }

    /** {@code pg_dump --version} of the binary that runs. */
    @Override
    public String toolVersion() {
        return toolVersion;
    }

    /**
     * The schema inventory with exact row counts, from the snapshot the dump reads; the counts run beside
     * {@code pg_dump}, so this waits for them.
     *
     * @throws DumpFailedException when counting failed (see {@link #awaitSuccess()})
     */
    @Override
    public SchemaInventory inventory() {
        DumpFailedException failure = inventoryFailure();
        if (failure != null) {
            throw failure;
        }
        return inventory.join();
    }

    /** Waits for the counts; the failure they ended with, classified, or null. */
    private DumpFailedException inventoryFailure() {
        try {
            inventory.join();
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                return new DumpFailedException(
                        FailureClassifier.fromSqlException(sql), spec.redact(PgDumpTool.describe(sql)), null, sql);
            }
            if (cause instanceof DumpFailedException dfe) {
                return dfe;
            }
            return new DumpFailedException(
                    FailureReason.DUMP_FAILED, "counting the rows failed: " + cause, null, cause);
        }
    }

    /** {@code pg_dump}'s standard output: the custom-format archive. */
    @Override
    public InputStream stdout() {
        return process.stdout();
    }

    /**
     * Waits for {@code pg_dump} to exit (it is killed at the dump timeout) and for the row counts it
     * ran beside.
     *
     * @throws DumpFailedException when it exited non-zero or was killed at its timeout (the reason is
     *     classified from its stderr, the message is its stderr, trimmed, password redacted), or when
     *     counting the rows failed (classified from the SQLState: a table that row-level security would
     *     filter is PERMISSION_DENIED)
     */
    @Override
    public void awaitSuccess() {
        int exit = process.waitFor();
        if (process.timedOut()) {
            throw new DumpFailedException(
                    FailureReason.TIMEOUT,
                    "pg_dump was killed after its timeout of "
                            + process.command().timeout() + ": " + spec.redact(process.stderr()),
                    null);
        }
        DumpFailedException countFailure = inventoryFailure();
        if (countFailure != null) {
            throw countFailure;
        }
        if (exit != 0) {
            String stderr = spec.redact(process.stderr());
            throw new DumpFailedException(
                    FailureClassifier.fromToolOutput(stderr, false),
                    stderr.isEmpty() ? "pg_dump exited with code " + exit : stderr,
                    exit);
        }
    }

    /** The tail of {@code pg_dump}'s stderr so far, password redacted. */
    @Override
    public String stderr() {
        return spec.redact(process.stderr());
    }

    /** Kills {@code pg_dump} if it still runs, then ends the snapshot's transaction and disconnects. */
    @Override
    public void close() {
        try {
            process.close();
            if (process.stdout() != null) {
                try {
                    process.stdout().close();
                } catch (java.io.IOException ignored) {
                    // the process is gone; nothing left to read
                }
            }
            process.waitFor();
        } finally {
            counter.interrupt();
            try {
                counter.join(java.time.Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                connection.commit();
            } catch (SQLException ignored) {
                // a read-only transaction: nothing to lose
            }
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a connection that failed
        }
    }

    @Override
    public String rowCountMethod() {
        return ROW_COUNT_METHOD;
    }

    @Override
    public String toolName() {
        return "pg_dump";
    }

    @Override
    public String toolFormat() {
        return "custom";
    }
}
