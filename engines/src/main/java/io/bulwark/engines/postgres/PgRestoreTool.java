package io.bulwark.engines.postgres;

import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.Command;
import io.bulwark.engines.process.ProcessRunner.RunningProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Restores a {@code pg_dump} custom-format archive read from a stream with {@code pg_restore}, into an
 * existing database.
 *
 * <p>{@code pg_restore} runs with {@code --no-owner --no-privileges --no-tablespaces
 * --no-security-labels} (roles, tablespaces and label providers belong to the source server, not to
 * the database) and <em>without</em> {@code --exit-on-error}: it goes on after an error and reports
 * every one on stderr, ending with exit code 1 and {@code errors ignored on restore: N}, so the caller
 * sees all failures at once. The password goes through {@code PGPASSWORD}, never the argument list.
 * The archive is read from the stream on the calling thread and written to {@code pg_restore}'s stdin
 * (a custom archive read from a pipe is restored sequentially, so no temporary file is needed).
 * Thread-safe: each call runs its own process.
 *
 * <p>Why not {@code pg_restore -j}: parallel restore needs a seekable archive, so the stream would
 * first go to a temporary file as large as the decoded dump. Measured on the verifier's machine (2
 * cores, PostgreSQL 15, 2026-12-01): the pgbench database {@code bulwark_bench_s10} (157 MB, 11 TOC
 * entries), dumped with {@code pg_dump -Fc -Z0} (101 MB), restored into a fresh database three times
 * each: sequentially from a pipe 0.95, 1.19, 1.14 s (median 1.14 s); {@code -j 2} from the file
 * 0.98, 1.00, 1.12 s (median 1.00 s), and that before the file is written. About 0.1 s (roughly 10 %)
 * for a temporary file of the whole dump, on a dump that is one large table with its primary key
 * (which {@code -j} cannot split); with 2 cores the server's own work leaves little to gain. So
 * the restore streams sequentially.
 */
public final class PgRestoreTool {

    private static final int CHUNK_BYTES = 64 * 1024;

    /** The message of {@code pg_restore} when its input ends before the table of contents does. */
    private static final String END_OF_FILE = "end of file";

    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);

    private final ProcessRunner runner;
    private final String program;
    private volatile String version;

    /**
     * @param runner runs the process
     * @param binDir directory holding {@code pg_restore}, or null to take it from the {@code PATH}; use
     *     the bin dir of the server restored into (a newer {@code pg_restore} reads older archives)
     */
    public PgRestoreTool(ProcessRunner runner, Path binDir) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.program =
                binDir == null ? "pg_restore" : binDir.resolve("pg_restore").toString();
    }

    /**
     * Restores the archive read from {@code archive} (not closed) into {@code target}'s database, which
     * must exist (and should be empty). Reading stops
     * early when {@code pg_restore} exits before the end of the stream; the caller may go on reading
     * the rest (for a checksum, say).
     *
     * @param timeout how long {@code pg_restore} may run before it is killed
     * @return what happened; a failed restore is a result, not an exception
     * @throws io.bulwark.engines.process.ToolMissingException when {@code pg_restore} is not installed
     */
    public RestoreOutcome restore(InputStream archive, PostgresConnectionSpec target, Duration timeout) {
        List<String> argv = List.of(
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
                target.database());
        Map<String, String> env = target.toolEnv();
        long started = System.nanoTime();
        try (RunningProcess process = runner.start(new Command(argv, env, timeout))) {
            ProcessRunner.Feed feed = process.feed(archive, CHUNK_BYTES);
            int exit = process.waitFor();
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            return new RestoreOutcome(
                    "pg_restore",
                    "archive",
                    exit,
                    target.redact(process.stderr()),
                    elapsed,
                    process.timedOut(),
                    feed.bytes(),
                    target.redact(feed.inputError()),
                    feed.inputComplete());
        }
    }

    /**
     * What {@code pg_restore --list} read from the head of an archive.
     *
     * @param entries the number of table-of-contents entries listed; 0 when it failed
     * @param error {@code pg_restore}'s error (trimmed stderr, or why it could not run), null when it succeeded
     * @param endOfInput true when the failure is that the input ended before the table of contents did
     */
    public record Listing(int entries, String error, boolean endOfInput) {

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
        try (RunningProcess process = runner.start(new Command(List.of(program, "--list"), Map.of(), timeout))) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try (OutputStream stdin = process.stdin()) {
                    stdin.write(head);
                } catch (IOException pipeClosed) {
                    // pg_restore stopped reading: it has its table of contents, or gave up
                }
            });
            String listing;
            try (InputStream stdout = process.stdout()) {
                listing = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int exit = process.waitFor();
            try {
                writer.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (process.timedOut()) {
                return new Listing(0, "pg_restore --list was killed after " + timeout, false);
            }
            if (exit != 0) {
                String stderr = process.stderr().trim();
                return new Listing(
                        0,
                        stderr.isEmpty() ? "pg_restore --list exit code " + exit : stderr,
                        stderr.contains(END_OF_FILE));
            }
            int entries = (int) listing.lines()
                    .filter(line -> !line.isEmpty() && Character.isDigit(line.charAt(0)))
                    .count();
            return new Listing(entries, null, false);
        }
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
