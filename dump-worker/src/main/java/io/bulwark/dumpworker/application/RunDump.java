package io.bulwark.dumpworker.application;

import io.bulwark.artifacts.CaptureStream;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SourceStatistics;
import io.bulwark.dumpworker.domain.DumpTarget;
import io.bulwark.dumpworker.domain.FailurePolicy;
import io.bulwark.engines.DumpFailedException;
import io.bulwark.engines.postgres.PgDumpSession;
import io.bulwark.engines.postgres.PgDumpTool;
import io.bulwark.engines.postgres.PostgresConnectionSpec;
import io.bulwark.engines.process.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the backup a {@link BackupRequested} asks for: {@code pg_dump} custom format streamed through
 * zstd and SHA-256 straight into the object store (no temporary file), the manifest written last,
 * then {@link BackupCompleted}; or, on any failure, every object of the attempt removed and {@link
 * BackupFailed} published with the reason, the tool's exit code and its stderr.
 *
 * <p>Idempotent per backup ({@code backupId == requestId}): when a manifest of this backup already
 * exists (the request was delivered again), nothing is dumped and the same {@link BackupCompleted}
 * (same {@code eventId}) is published again, so an event lost after the manifest was written is not
 * lost for good; objects of an earlier attempt that has no manifest are removed first. Passwords
 * reach {@code pg_dump} through {@code PGPASSWORD} only and never appear in an event, a manifest or a
 * log line. Thread-safe; one request at a time per call.
 */
public class RunDump {

    /** How the row counts of the manifest are taken, for a person reading it. */
    public static final String ROW_COUNT_METHOD =
            "SELECT count(*) per table in the REPEATABLE READ transaction whose snapshot was exported with"
                    + " pg_export_snapshot() and shared with pg_dump --snapshot";

    /** The artifact format of PostgreSQL dumps. */
    public static final String PG_FORMAT = "pg_dump-custom";

    /** Longest failure message published, in characters (the end of stderr is kept). */
    static final int MAX_MESSAGE_CHARS = 4000;

    private static final Logger log = LoggerFactory.getLogger(RunDump.class);

    private final TargetCatalog targets;
    private final PasswordResolver passwords;
    private final ObjectStore store;
    private final ProcessRunner runner;
    private final EventPublisher publisher;
    private final Clock clock;
    private final String pgDumpProgram;
    private final int zstdLevel;

    /**
     * @param pgDumpProgram {@code pg_dump} or a path to the binary
     * @param zstdLevel zstd compression level, 1..19
     */
    public RunDump(
            TargetCatalog targets,
            PasswordResolver passwords,
            ObjectStore store,
            ProcessRunner runner,
            EventPublisher publisher,
            Clock clock,
            String pgDumpProgram,
            int zstdLevel) {
        this.targets = targets;
        this.passwords = passwords;
        this.store = store;
        this.runner = runner;
        this.publisher = publisher;
        this.clock = clock;
        this.pgDumpProgram = pgDumpProgram;
        this.zstdLevel = zstdLevel;
    }

    /**
     * Handles one request; publishes exactly one {@link BackupCompleted} or {@link BackupFailed}.
     *
     * @throws RuntimeException only when the event cannot be published (the caller's retry then
     *     repeats the request, which is safe: see the class comment)
     */
    public void handle(BackupRequested request) {
        Instant startedAt = clock.instant();
        Optional<DumpTarget> found = targets.find(request.targetId());
        if (found.isEmpty()) {
            fail(
                    request,
                    FailureReason.UNKNOWN_TARGET,
                    "no target '" + request.targetId() + "' is configured (bulwark.targets." + request.targetId() + ")",
                    null);
            return;
        }
        DumpTarget target = found.get();
        if (!target.isPostgres()) {
            fail(
                    request,
                    FailureReason.INVALID_REQUEST,
                    "target '" + target.id() + "' has engine '" + target.engine()
                            + "'; the dump-worker dumps postgresql targets only",
                    null);
            return;
        }
        try {
            if (republishIfDone(request)) {
                return;
            }
        } catch (ObjectStoreException e) {
            fail(request, FailureReason.STORAGE_UNAVAILABLE, e.getMessage(), null);
            return;
        }
        String prefix =
                ObjectKeys.backupPrefix(request.targetId(), request.effectiveLabel(), startedAt, request.backupId());
        try {
            BackupCompleted completed = dump(request, target, prefix, startedAt);
            publisher.completed(completed);
            log.info(
                    "backup {} of target {} completed: {} bytes dumped, {} bytes stored at {} in {} ms",
                    request.backupId(),
                    target.id(),
                    completed.artifact().rawBytes(),
                    completed.artifact().storedBytes(),
                    completed.artifact().key(),
                    completed.dumpMillis());
        } catch (DumpFailedException e) {
            cleanUp(prefix);
            fail(request, e.reason(), e.getMessage(), e.exitCode());
        } catch (ObjectStoreException e) {
            cleanUp(prefix);
            Optional<DumpFailedException> dumpFailure = dumpFailureIn(e);
            if (dumpFailure.isPresent()) {
                fail(
                        request,
                        dumpFailure.get().reason(),
                        dumpFailure.get().getMessage(),
                        dumpFailure.get().exitCode());
            } else {
                fail(request, FailureReason.STORAGE_UNAVAILABLE, e.getMessage(), null);
            }
        } catch (PasswordUnavailableException e) {
            fail(request, FailureReason.AUTHENTICATION_FAILED, e.getMessage(), null);
        } catch (RuntimeException e) {
            cleanUp(prefix);
            log.warn("backup {} of target {} failed unexpectedly", request.backupId(), target.id(), e);
            fail(request, FailureReason.INTERNAL, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    private BackupCompleted dump(BackupRequested request, DumpTarget target, String prefix, Instant startedAt) {
        PostgresConnectionSpec spec = connectionSpec(target);
        PgDumpTool tool = new PgDumpTool(runner, pgDumpProgram, target.dumpTimeout());
        String dumpKey = ObjectKeys.pgDumpKey(prefix);
        log.info("backup {} of target {}: dumping {} into {}", request.backupId(), target.id(), spec, dumpKey);
        try (PgDumpSession session = tool.open(spec);
                CaptureStream capture = capture(session)) {
            try {
                store.putStream(dumpKey, capture, "application/zstd");
            } catch (ObjectStoreException e) {
                if (capture.failure() instanceof DumpToolFailure toolFailure) {
                    throw (DumpFailedException) toolFailure.getCause();
                }
                if (capture.failure() != null) {
                    throw new DumpFailedException(
                            FailureReason.DUMP_FAILED,
                            "reading pg_dump's output failed: "
                                    + capture.failure().getMessage() + "; " + session.stderr(),
                            null,
                            e);
                }
                throw e;
            }
            if (!capture.isComplete()) {
                throw new ObjectStoreException("the upload of " + dumpKey + " ended before the dump did", null);
            }
            Instant completedAt = clock.instant();
            SchemaInventory inventory = session.inventory();
            ArtifactRef artifact = new ArtifactRef(
                    store.bucket(),
                    dumpKey,
                    PG_FORMAT,
                    capture.chain().codecs(),
                    capture.storedBytes(),
                    capture.rawBytes(),
                    capture.sha256(),
                    capture.rawSha256());
            Manifest manifest = new Manifest(
                    Manifest.SCHEMA_VERSION,
                    request.backupId(),
                    request.requestId(),
                    target.id(),
                    request.effectiveLabel(),
                    request.tier(),
                    request.trigger(),
                    startedAt,
                    completedAt,
                    new Manifest.Source(
                            DumpTarget.POSTGRESQL,
                            session.serverVersion(),
                            session.serverVersionNum(),
                            target.host(),
                            target.port(),
                            target.database(),
                            session.snapshotId()),
                    new Manifest.Tool("pg_dump", session.toolVersion(), "custom"),
                    artifact,
                    inventory,
                    ROW_COUNT_METHOD);
            String manifestKey = ObjectKeys.manifestKey(prefix);
            ManifestJson.store(store, manifestKey, manifest);
            return completedEvent(manifest, prefix, manifestKey);
        } catch (IOException e) {
            throw new ObjectStoreException("could not close the capture of " + dumpKey + ": " + e.getMessage(), e);
        }
    }

    private CaptureStream capture(PgDumpSession session) {
        try {
            return new CaptureStream(session.stdout(), CodecChain.zstd(zstdLevel), () -> {
                try {
                    session.awaitSuccess();
                } catch (DumpFailedException e) {
                    throw new DumpToolFailure(e);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("zstd could not be initialised: " + e.getMessage(), e);
        }
    }

    private PostgresConnectionSpec connectionSpec(DumpTarget target) {
        String password;
        try {
            password = passwords.resolve(target.password());
        } catch (IllegalStateException e) {
            throw new PasswordUnavailableException("target '" + target.id() + "': " + e.getMessage());
        }
        return new PostgresConnectionSpec(target.host(), target.port(), target.database(), target.username(), password);
    }

    private boolean republishIfDone(BackupRequested request) {
        List<String> earlier = store.list(ObjectKeys.targetPrefix(request.targetId())).stream()
                .filter(key -> ObjectKeys.belongsTo(key, request.backupId()))
                .toList();
        Optional<String> manifestKey = earlier.stream()
                .filter(key -> key.endsWith("/" + ObjectKeys.MANIFEST))
                .findFirst();
        if (manifestKey.isPresent()) {
            Manifest manifest = ManifestJson.load(store, manifestKey.get());
            if (request.backupId().equals(manifest.backupId())) {
                log.info(
                        "backup {} of target {} already exists at {}; publishing its BackupCompleted again",
                        request.backupId(),
                        request.targetId(),
                        manifestKey.get());
                publisher.completed(
                        completedEvent(manifest, ObjectKeys.prefixOf(manifestKey.get()), manifestKey.get()));
                return true;
            }
        }
        earlier.stream().map(ObjectKeys::prefixOf).distinct().forEach(this::cleanUp);
        return false;
    }

    private static BackupCompleted completedEvent(Manifest manifest, String prefix, String manifestKey) {
        SchemaInventory inventory = manifest.inventory();
        return new BackupCompleted(
                completedEventId(manifest.backupId()),
                manifest.completedAt(),
                BackupCompleted.SCHEMA_VERSION,
                manifest.backupId(),
                manifest.requestId(),
                manifest.targetId(),
                manifest.label(),
                manifest.tier(),
                manifest.trigger(),
                prefix,
                manifest.artifact(),
                manifestKey,
                new SourceStatistics(
                        manifest.source().engine(),
                        manifest.source().serverVersion(),
                        manifest.tool().version(),
                        inventory.tables().size(),
                        inventory.totalRows()),
                manifest.startedAt(),
                manifest.completedAt(),
                Duration.between(manifest.startedAt(), manifest.completedAt()).toMillis());
    }

    /** The same event id for every publication of one backup's completion, so consumers de-duplicate. */
    static UUID completedEventId(UUID backupId) {
        return UUID.nameUUIDFromBytes(("bulwark.backup.completed:" + backupId).getBytes(StandardCharsets.UTF_8));
    }

    private void cleanUp(String prefix) {
        try {
            int removed = store.deletePrefix(prefix);
            if (removed > 0) {
                log.info("removed {} object(s) of an unfinished backup under {}", removed, prefix);
            }
        } catch (RuntimeException e) {
            log.warn("could not remove the objects under {}: {}", prefix, e.getMessage());
        }
    }

    private void fail(BackupRequested request, FailureReason reason, String message, Integer exitCode) {
        String text = FailurePolicy.trimMessage(message, MAX_MESSAGE_CHARS);
        log.warn(
                "backup {} of target {} failed: {} (exit code {}): {}",
                request.backupId(),
                request.targetId(),
                reason,
                exitCode,
                text);
        publisher.failed(new BackupFailed(
                UUID.randomUUID(),
                clock.instant(),
                BackupFailed.SCHEMA_VERSION,
                request.requestId(),
                request.backupId(),
                request.targetId(),
                reason,
                text,
                exitCode,
                1,
                FailurePolicy.isRetryable(reason)));
    }

    private static Optional<DumpFailedException> dumpFailureIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DumpFailedException dfe) {
                return Optional.of(dfe);
            }
        }
        return Optional.empty();
    }

    /** The dump tool failed at the end of its output; carried through the upload as an I/O error. */
    private static final class DumpToolFailure extends IOException {
        DumpToolFailure(DumpFailedException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The password a target names cannot be read. */
    private static final class PasswordUnavailableException extends RuntimeException {
        PasswordUnavailableException(String message) {
            super(message);
        }
    }
}
