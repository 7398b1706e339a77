package io.bulwark.engines.mariadb;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.Command;
import io.bulwark.engines.process.ProcessRunner.RunningProcess;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Restores an SQL dump read from a stream by feeding it to the {@code mariadb} client's stdin, into an
 * existing database (the dump holds no {@code CREATE DATABASE} or {@code USE}, so it fills whichever
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
 */
public final class MariaDbRestoreTool {

    /** The client looked up on the PATH by default. */
    public static final String DEFAULT_PROGRAM = "mariadb";

    /** The client tried when {@link #DEFAULT_PROGRAM} cannot be started. */
    public static final String FALLBACK_PROGRAM = "mysql";

    private static final int CHUNK_BYTES = 64 * 1024;

    private final ProcessRunner runner;
    private final String program;

    /**
     * @param runner runs the process
     * @param program {@code mariadb} (then {@code mysql} is the fallback), or a path to a client; null
     *     or blank for the default
     */
    public MariaDbRestoreTool(ProcessRunner runner, String program) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.program = program == null || program.isBlank() ? DEFAULT_PROGRAM : program;
    }

    /** A restore tool running {@code mariadb} from the PATH, or {@code mysql}. */
    public MariaDbRestoreTool(ProcessRunner runner) {
        this(runner, DEFAULT_PROGRAM);
    }

    /** The client command for {@code target}, after the option file option. */
    public Command command(String binary, ConnectionSpec target, String optionFileOption, Duration timeout) {
        List<String> argv = new ArrayList<>();
        argv.add(binary);
        argv.add(optionFileOption);
        argv.addAll(MariaDbClient.connectionOptions(target));
        argv.add("--default-character-set=utf8mb4");
        argv.add("--binary-mode");
        argv.add("--batch");
        argv.add("--database=" + target.database());
        return new Command(argv, null, timeout);
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
        long started = System.nanoTime();
        try (MariaDbClient.OptionFile optionFile = MariaDbClient.OptionFile.create(target.password());
                RunningProcess process = start(target, optionFile, timeout)) {
            ProcessRunner.Feed feed = process.feed(dump, CHUNK_BYTES);
            int exit = process.waitFor();
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            return new RestoreOutcome(
                    "mariadb",
                    "dump",
                    exit,
                    target.redact(process.stderr()),
                    elapsed,
                    process.timedOut(),
                    feed.bytes(),
                    target.redact(feed.inputError()),
                    feed.inputComplete());
        }
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
