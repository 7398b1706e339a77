package io.bulwark.engines.postgres;

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
import io.bulwark.engines.process.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The PostgreSQL adapter of the restore port ({@link RestoreEngine}): restores a {@code pg_dump} custom-format archive
 * read from a stream with {@code pg_restore}, into an existing database.
 *
 * <p>{@code pg_restore} runs with {@code --no-owner --no-privileges --no-tablespaces
 * --no-security-labels} (roles, tablespaces and label providers belong to the source server, not to
 * the database) and <em>without</em> {@code --exit-on-error}: it goes on after an error and reports
 * every one on stderr, ending with exit code 1 and {@code errors ignored on restore: N}, so the caller
 * sees all failures at once. The password goes through a private {@code PGPASSFILE}, never the argument list or the environment.
 * The archive is read from the stream on the calling thread and written to {@code pg_restore}'s stdin
 * (a custom archive read from a pipe is restored sequentially, so no temporary file is needed).
 * Thread-safe: each call runs its own process.
 *
 * <p>A whole restore streams: the archive read from a pipe is restored sequentially, with no temporary file. With
 * {@link RestoreOptions#jobs()} above 1 it is first written to a temporary file (mode 0600) in the spool folder,
 * after checking that the folder has room for the manifest's dump size, and restored with {@code pg_restore -j}
 * (which needs a seekable archive), then the file is deleted. Measured on the verifier's machine (2 cores, PostgreSQL
 * 15, 2026-12-01) on a 101 MB single-table dump: sequential from a pipe 1.14 s, {@code -j 2} from a file 1.00 s
 * before the file is written; parallel restore pays off with several large tables and more cores.
 *
 * <p>A partial restore ({@link #plan}) passes a use-list ({@code -L}) that keeps the archive's own order, which a
 * pipe requires. With {@link RestoreOptions#clean()} each restored object is dropped first ({@code --clean
 * --if-exists}).
 */
public final class PgRestoreTool implements RestoreEngine {

    private static final int CHUNK_BYTES = 64 * 1024;

    /** The head read ahead of the restore: 4 MiB hold the table of contents of some ten thousand objects. */
    static final int HEAD_BYTES = 4 * 1024 * 1024;

    /** The longest head read for a table of contents (some forty thousand objects). */
    static final int MAX_HEAD_BYTES = 16 * 1024 * 1024;

    /** Room left beside a spooled archive, in bytes, so that the restore never fills the spool folder's disk. */
    static final long SPOOL_MARGIN_BYTES = 64L * 1024 * 1024;

    /** The message of {@code pg_restore} when its input ends before the table of contents does. */
    private static final String END_OF_FILE = "end of file";

    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);

    private final ProcessRunner runner;
    private final Path binDir;
    private final String program;
    private volatile String version;

    /**
     * @param runner runs the process
     * @param binDir directory holding {@code pg_restore}, or null to take it from the {@code PATH}; use
     *     the bin dir of the server restored into (a newer {@code pg_restore} reads older archives)
     */
    public PgRestoreTool(ProcessRunner runner, Path binDir) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.binDir = binDir;
        this.program =
                binDir == null ? "pg_restore" : binDir.resolve("pg_restore").toString();
    }

    @Override
    public String engine() {
        return "postgresql";
    }

    @Override
    public String toolName() {
        return "pg_restore";
    }

    @Override
    public int headBytes() {
        return HEAD_BYTES;
    }

    @Override
    public int maxHeadBytes() {
        return MAX_HEAD_BYTES;
    }

    /** {@code pg_restore --list} of the head: PASSED-worthy when it reads the whole table of contents. */
    @Override
    public ArchiveHead readHead(byte[] head, Duration timeout) {
        Listing listing = list(head, timeout);
        String tool = "pg_restore --list";
        return listing.succeeded()
                ? ArchiveHead.readable(tool, listing.entries() + " TOC entries")
                : new ArchiveHead(tool, null, listing.error(), !listing.timedOut(), listing.endOfInput());
    }

    /**
     * Plans a partial restore from the archive's table of contents ({@link PgArchiveSelection}).
     *
     * @throws IllegalArgumentException naming a schema or table the archive does not hold
     */
    @Override
    public RestorePlan plan(byte[] head, RestoreSelection selection, Duration timeout) {
        PgRestorePlan plan = new PgArchiveSelection(runner, binDir)
                .plan(head, new LinkedHashSet<>(selection.schemas()), new LinkedHashSet<>(selection.tables()), timeout);
        List<String> objects = new ArrayList<>();
        objects.addAll(plan.sequences());
        objects.addAll(plan.indexes());
        objects.addAll(plan.constraints());
        objects.addAll(plan.triggers());
        objects.addAll(plan.policies());
        return new RestorePlan(
                plan.tables(),
                objects,
                plan.foreignKeysLeftOut().stream()
                        .map(key -> key.constraint() + " -> " + key.referencedTable())
                        .toList(),
                plan.useList(),
                plan.leftOut());
    }

    /**
     * Restores the archive read from {@code archive} (not closed) into {@code target}'s database, which must exist
     * (and should be empty): a whole restore, streamed.
     *
     * @param timeout how long {@code pg_restore} may run before it is killed
     * @return what happened; a failed restore is a result, not an exception
     * @throws io.bulwark.engines.process.ToolMissingException when {@code pg_restore} is not installed
     */
    public RestoreOutcome restore(InputStream archive, PostgresConnectionSpec target, Duration timeout) {
        return restore(archive, target.toConnectionSpec(), RestoreOptions.whole(timeout));
    }

    @Override
    public RestoreOutcome restore(InputStream archive, ConnectionSpec destination, RestoreOptions options) {
        PostgresConnectionSpec target = PostgresConnectionSpec.of(destination);
        Path useList = null;
        try {
            if (options.plan() != null && options.plan().useList() != null) {
                useList = TempFiles.privateFile(options.spoolDir(), "bulwark-use-list-", ".txt");
                Files.writeString(useList, options.plan().useList(), StandardCharsets.UTF_8);
            }
            RestoreOutcome outcome = options.jobs() > 1
                    ? restoreFromSpool(archive, target, options, useList)
                    : restoreFromPipe(archive, target, options, useList);
            return options.plan() == null ? outcome : outcome.withSelection(options.plan());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pg_restore use-list: " + e.getMessage(), e);
        } finally {
            TempFiles.deleteQuietly(useList);
        }
    }

    private RestoreOutcome restoreFromPipe(
            InputStream archive, PostgresConnectionSpec target, RestoreOptions options, Path useList) {
        long started = System.nanoTime();
        try (RunningProcess process =
                runner.start(target.toolCommand(argv(target, options, useList, null), options.timeout()))) {
            ProcessRunner.Feed feed = process.feed(archive, CHUNK_BYTES);
            int exit = process.waitFor();
            return outcome(target, process, exit, started, feed.bytes(), feed.inputError(), feed.inputComplete());
        }
    }

    /**
     * {@code pg_restore -j} needs to seek in the archive: the stream goes to a temporary file first, after checking
     * that the spool folder keeps {@value #SPOOL_MARGIN_BYTES} bytes free beside it.
     */
    private RestoreOutcome restoreFromSpool(
            InputStream archive, PostgresConnectionSpec target, RestoreOptions options, Path useList) {
        long started = System.nanoTime();
        Path spool = null;
        try {
            spool = TempFiles.privateFile(options.spoolDir(), "bulwark-restore-", ".pgcustom");
            TempFiles.requireRoom(spool.getParent(), options.expectedBytes(), SPOOL_MARGIN_BYTES);
            long copied;
            try (OutputStream out = Files.newOutputStream(spool)) {
                copied = archive.transferTo(out);
            } catch (IOException e) {
                return new RestoreOutcome(
                        "pg_restore",
                        "archive",
                        -1,
                        "",
                        (System.nanoTime() - started) / 1_000_000,
                        false,
                        0,
                        target.redact("spooling the archive to " + spool + " failed: " + e.getMessage()),
                        false);
            }
            try (RunningProcess process =
                    runner.start(target.toolCommand(argv(target, options, useList, spool), options.timeout()))) {
                int exit = process.waitFor();
                return outcome(target, process, exit, started, copied, null, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool file of a parallel restore: " + e.getMessage(), e);
        } finally {
            TempFiles.deleteQuietly(spool);
        }
    }

    private List<String> argv(PostgresConnectionSpec target, RestoreOptions options, Path useList, Path file) {
        List<String> argv = new ArrayList<>(List.of(
                program,
                "--no-owner",
                "--no-privileges",
                "--no-tablespaces",
                "--no-security-labels",
                "-h",
                target.host(),
                "-p",
                Integer.toString(target.port()),
                "-U",
                target.username(),
                "-d",
                target.database()));
        if (options.clean()) {
            argv.add("--clean");
            argv.add("--if-exists");
        }
        if (useList != null) {
            argv.add("--use-list=" + useList);
        }
        if (file != null) {
            argv.add("--jobs=" + options.jobs());
            argv.add(file.toString());
        }
        return argv;
    }

    private static RestoreOutcome outcome(
            PostgresConnectionSpec target,
            RunningProcess process,
            int exit,
            long started,
            long bytes,
            String inputError,
            boolean inputComplete) {
        return new RestoreOutcome(
                "pg_restore",
                "archive",
                exit,
                target.redact(process.stderr()),
                (System.nanoTime() - started) / 1_000_000,
                process.timedOut(),
                bytes,
                target.redact(inputError),
                inputComplete);
    }

    @Override
    public DatabaseState databaseState(ConnectionSpec server, String database) throws SQLException {
        return PostgresDatabaseAdmin.state(server, database);
    }

    @Override
    public void createDatabase(ConnectionSpec server, String database) throws SQLException {
        PostgresDatabaseAdmin.create(server, database);
    }

    @Override
    public void dropDatabase(ConnectionSpec server, String database) throws SQLException {
        PostgresDatabaseAdmin.drop(server, database);
    }

    @Override
    public DatabaseLock tryLock(ConnectionSpec server, String database) throws SQLException {
        return PostgresDatabaseAdmin.tryLock(server, database);
    }

    /**
     * What {@code pg_restore --list} read from the head of an archive.
     *
     * @param entries the number of table-of-contents entries listed; 0 when it failed
     * @param error {@code pg_restore}'s error (trimmed stderr, or why it could not run), null when it succeeded
     * @param endOfInput true when the failure is that the input ended before the table of contents did
     */
    public record Listing(int entries, String error, boolean endOfInput, boolean timedOut) {

        /** A listing that ran to its end. */
        public Listing(int entries, String error, boolean endOfInput) {
            this(entries, error, endOfInput, false);
        }

        /** True when {@code pg_restore --list} read the whole table of contents. */
        public boolean succeeded() {
            return error == null;
        }
    }

    /**
     * Lists the table of contents of a custom-format archive from its first bytes: {@code pg_restore
     * --list} reading {@code head} from stdin. A custom archive holds its header and table of contents
     * at its start, so the head alone is enough when it holds them; when it does not, the result says
     * {@link Listing#endOfInput() endOfInput}.
     *
     * @param timeout how long {@code pg_restore} may run before it is killed
     * @throws io.bulwark.engines.process.ToolMissingException when {@code pg_restore} is not installed
     */
    public Listing list(byte[] head, Duration timeout) {
        Objects.requireNonNull(head, "head");
        ProcessRunner.Result result = runner.run(new Command(List.of(program, "--list"), Map.of(), timeout), head);
        if (result.timedOut()) {
            return new Listing(0, "pg_restore --list was killed after " + timeout, false, true);
        }
        if (result.exitCode() != 0) {
            String stderr = result.stderr().trim();
            return new Listing(
                    0,
                    stderr.isEmpty() ? "pg_restore --list exit code " + result.exitCode() : stderr,
                    stderr.contains(END_OF_FILE));
        }
        int entries = (int) result.stdout()
                .lines()
                .filter(line -> !line.isEmpty() && Character.isDigit(line.charAt(0)))
                .count();
        return new Listing(entries, null, false);
    }

    /**
     * {@code pg_restore --version}, e.g. {@code pg_restore (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)}; asked once,
     * then remembered.
     *
     * @throws io.bulwark.engines.process.ToolMissingException when {@code pg_restore} is not installed
     * @throws IllegalStateException when {@code pg_restore --version} fails, with its message
     */
    public String version() {
        String known = version;
        if (known == null) {
            ProcessRunner.Result result = runner.run(Command.of(VERSION_TIMEOUT, program, "--version"));
            if (!result.succeeded()) {
                throw new IllegalStateException(
                        program + " --version failed: " + result.stderr().trim());
            }
            known = result.stdout().trim();
            version = known;
        }
        return known;
    }

    /** The major version of {@link #version()}, e.g. {@code 15}, or 0 when it names none. */
    public int majorVersion() {
        return PgDumpTool.majorOf(version());
    }
}
