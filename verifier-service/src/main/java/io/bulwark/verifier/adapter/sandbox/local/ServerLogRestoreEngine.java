package io.bulwark.verifier.adapter.sandbox.local;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.engines.RestoreOptions;
import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.process.LogTail;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A local sandbox's restore engine that adds the server's own account of a disk that filled up to a failed
 * restore's errors: when PostgreSQL cannot write its WAL it stops with a {@code PANIC} that only its log names ("could
 * not write to file "pg_wal/...": No space left on device"), and {@code pg_restore} sees no more than a lost
 * connection. With the log's line in the errors, {@link RestoreOutcome#diskFull()} tells the sandbox's full disk,
 * which is no verdict on the backup, from a restore that failed on the archive.
 */
final class ServerLogRestoreEngine extends ForwardingRestoreEngine {

    /** How much of the end of the server's log is searched, in characters. */
    static final int LOG_TAIL_CHARS = 16_000;

    private final Path serverLog;

    /**
     * @param engine the restore engine that restores
     * @param serverLog the sandbox server's log file; missing or unreadable adds nothing
     */
    ServerLogRestoreEngine(RestoreEngine engine, Path serverLog) {
        super(engine);
        this.serverLog = Objects.requireNonNull(serverLog, "serverLog");
    }

    /** Restores; a failed outcome whose errors do not say the disk is full gets the log's lines that do, if any. */
    @Override
    public RestoreOutcome restore(InputStream archive, ConnectionSpec destination, RestoreOptions options) {
        RestoreOutcome outcome = super.restore(archive, destination, options);
        if (outcome.succeeded() || outcome.diskFull()) {
            return outcome;
        }
        return outcome.withErrors(diskFullLines(LogTail.of(serverLog, LOG_TAIL_CHARS)));
    }

    /** The lines of {@code log} that say a disk is full ({@link RestoreOutcome#diskFull(String)}), prefixed "server:". */
    static String diskFullLines(String log) {
        if (log == null) {
            return "";
        }
        return log.lines()
                .filter(RestoreOutcome::diskFull)
                .distinct()
                .limit(3)
                .map(line -> "server: " + line.strip())
                .collect(Collectors.joining("\n"));
    }
}
