package io.bulwark.dumpworker.application;

import io.bulwark.artifacts.CaptureStream;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ManifestSigningKeys;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.Compression;
import io.bulwark.artifacts.codec.OpenPgpEncryption;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupProgressed;
import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SourceStatistics;
import io.bulwark.dumpworker.application.StorageResilience.StorageUnavailableException;
import io.bulwark.dumpworker.domain.DumpTarget;
import io.bulwark.dumpworker.domain.FailurePolicy;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpEngine;
import io.bulwark.engines.DumpFailedException;
import io.bulwark.engines.DumpOptions;
import io.bulwark.engines.DumpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the backup a {@link BackupRequested} asks for: the engine's dump tool ({@code pg_dump} custom
 * format, {@code mariadb-dump} SQL) streamed through the target's codec chain (zstd or gzip, then
 * OpenPGP when the target is encrypted) and SHA-256 straight into a multipart upload (no temporary
 * file, memory bounded), the manifest written last, then {@link BackupCompleted}; or, on any failure
 * but an object-store outage, every object of the attempt removed and {@link BackupFailed} published
 * with the reason, the tool's exit code and its stderr.
 *
 * <p>Idempotent per backup ({@code backupId == requestId}): when a manifest of this backup already
 * exists (the request was delivered again), nothing is dumped and the same {@link BackupCompleted}
 * (same {@code eventId}) is published again; objects and incomplete multipart uploads of an earlier
 * attempt that has no manifest are removed first. Attempts are counted durably ({@link
 * AttemptLedger}): a request whose worker was killed mid-dump is delivered again by Kafka and tried
 * again, at most {@code maxAttempts} times in all, then ends as {@link FailureReason#ATTEMPTS_EXHAUSTED}
 * with {@code retryable=false}. An object-store outage is waited out, never failed: each delivery
 * rides it out with backoff and a circuit breaker ({@link StorageResilience}); when it outlasts those
 * retries (or the breaker is open when the request arrives), nothing is published and {@link #handle}
 * throws {@link StorageOutageException}, which the consumer's container waits out by delivering the
 * same request again; the attempt it began is not counted again ({@link AttemptLedger#interrupted}),
 * so however long the outage, it never ends the backup as {@code ATTEMPTS_EXHAUSTED}. One target is
 * never dumped twice at once ({@link TargetLocks}); long dumps publish {@link BackupProgressed} every
 * {@code progressInterval}.
 *
 * <p>Passwords and passphrases reach the tools through their environment or a private option file
 * only and never appear in an event, a manifest or a log line. Thread-safe: requests of different
 * targets run in parallel on the consumer's threads.
 */
public class RunDump implements AutoCloseable {

    /** Longest failure message published, in characters (the end of stderr is kept). */
    static final int MAX_MESSAGE_CHARS = 4000;

    private static final Logger log = LoggerFactory.getLogger(RunDump.class);

    private final TargetCatalog targets;
    private final PasswordResolver passwords;
    private final ObjectStore store;
    private final Map<String, DumpEngine> engines;
    private final EventPublisher publisher;
    private final AttemptLedger attempts;
    private final StorageResilience storage;
    private final TargetLocks locks = new TargetLocks();
    private final Clock clock;
    private final Settings settings;
    private final ManifestSigningKeys signing;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dump-progress");
        t.setDaemon(true);
        return t;
    });
    /** Reads an attempt record while the handling thread lists the target (one virtual thread per read). */
    private final ExecutorService reads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("attempt-read-", 0).factory());

    /**
     * How the use case behaves.
     *
     * @param defaultZstdLevel zstd level of targets that set none, 1..19
     * @param maxAttempts attempts of one request in all, counting those a killed worker never finished
     * @param progressInterval how often a running dump publishes {@link BackupProgressed}
     * @param captureBufferBytes stored bytes the capture may hold while the upload sends a part, so that
     *     the dump goes on meanwhile: one multipart part size overlaps them fully
     * @param rawSha256 true to record the SHA-256 of the dump tool's output in the manifest ({@link
     *     ArtifactRef#rawSha256()}); false leaves it null
     */
    public record Settings(
            int defaultZstdLevel,
            int maxAttempts,
            Duration progressInterval,
            int captureBufferBytes,
            boolean rawSha256) {

        /**
         * Settings with the capture's default buffer ({@link CaptureStream#DEFAULT_BUFFER_BYTES}), without the raw
         * SHA-256.
         */
        public Settings(int defaultZstdLevel, int maxAttempts, Duration progressInterval) {
            this(defaultZstdLevel, maxAttempts, progressInterval, CaptureStream.DEFAULT_BUFFER_BYTES, false);
        }

        /** Settings without the raw SHA-256. */
        public Settings(int defaultZstdLevel, int maxAttempts, Duration progressInterval, int captureBufferBytes) {
            this(defaultZstdLevel, maxAttempts, progressInterval, captureBufferBytes, false);
        }

        public Settings {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
            }
            Objects.requireNonNull(progressInterval, "progressInterval");
        }
    }

    /**
     * @param engines the dump engines by engine name ({@link DumpEngine#engine()})
     */
    public RunDump(
            TargetCatalog targets,
            PasswordResolver passwords,
            ObjectStore store,
            Map<String, DumpEngine> engines,
            EventPublisher publisher,
            AttemptLedger attempts,
            StorageResilience storage,
            Clock clock,
            Settings settings) {
        this(targets, passwords, store, engines, publisher, attempts, storage, clock, settings, null);
    }

    /**
     * A worker that signs every manifest it writes ({@code manifest.json.sig}, {@link ManifestSigningKeys}).
     *
     * @param engines the dump engines by engine name ({@link DumpEngine#engine()})
     * @param signing the keys that sign manifests, or null to write them unsigned
     */
    public RunDump(
            TargetCatalog targets,
            PasswordResolver passwords,
            ObjectStore store,
            Map<String, DumpEngine> engines,
            EventPublisher publisher,
            AttemptLedger attempts,
            StorageResilience storage,
            Clock clock,
            Settings settings,
            ManifestSigningKeys signing) {
        this.signing = signing;
        this.targets = targets;
        this.passwords = passwords;
        this.store = store;
        this.engines = Map.copyOf(engines);
        this.publisher = publisher;
        this.attempts = attempts;
        this.storage = storage;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Handles one request; publishes exactly one {@link BackupCompleted} or {@link BackupFailed} (a
     * completion may be published again for a request delivered twice).
     *
     * @throws StorageOutageException when the object store stayed unavailable (or its circuit breaker open)
     *     through every retry of this delivery; nothing is published then, the backup waits: the consumer delivers
     *     the same request again, and that delivery continues the same attempt
     * @throws RuntimeException when an event cannot be published (the caller's retry then repeats the
     *     request, which is safe: see the class comment)
     */
    public void handle(BackupRequested request) {
        Optional<DumpTarget> found = targets.find(request.targetId());
        if (found.isEmpty()) {
            fail(
                    request,
                    FailureReason.UNKNOWN_TARGET,
                    "no target '" + request.targetId() + "' is configured (bulwark.targets." + request.targetId() + ")",
                    null,
                    1);
            return;
        }
        DumpTarget target = found.get();
        DumpEngine engine = engines.get(target.engine());
        if (engine == null) {
            fail(
                    request,
                    FailureReason.INVALID_REQUEST,
                    "target '" + target.id() + "' has engine '" + target.engine() + "'; this dump-worker dumps "
                            + engines.keySet().stream().sorted().toList() + " targets",
                    null,
                    1);
            return;
        }
        TargetLocks.Held lock;
        try {
            lock = locks.tryLock(target.id(), target.dumpTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the dump of " + target.id(), e);
        }
        if (lock == null) {
            throw new IllegalStateException("another dump of target " + target.id() + " ran longer than its dump"
                    + " timeout; the request is retried by the consumer");
        }
        try (lock) {
            int[] attempt = {0};
            try {
                storage.retrying("backup-" + request.backupId(), () -> {
                    attemptOnce(request, target, engine, attempt);
                    return null;
                });
            } catch (StorageUnavailableException e) {
                if (attempt[0] > 0) {
                    attempts.interrupted(target.id(), request.backupId(), attempt[0]);
                }
                log.info(
                        "backup {} of target {} waits for the object store (its attempts are not counted again): {}",
                        request.backupId(),
                        target.id(),
                        e.getMessage());
                throw new StorageOutageException(
                        "backup " + request.backupId() + " of " + target.id() + " waits for the object store: "
                                + e.getMessage(),
                        e);
            }
        }
    }

    /**
     * One attempt: idempotency check, attempt count, clean-up of earlier attempts, dump.
     *
     * @param attempt holds this delivery's attempt number once counted (storage retries within one
     *     delivery are one attempt)
     * @throws StorageUnavailableException when the object store failed (nothing is published then)
     */
    private void attemptOnce(BackupRequested request, DumpTarget target, DumpEngine engine, int[] attempt) {
        if (!storage.permitsCalls()) {
            throw new StorageUnavailableException(
                    "the object store's circuit breaker is open after repeated failures; no dump is started", null);
        }
        try {
            // a retry within this delivery has recorded its attempt already; otherwise the attempt record is read
            // while the target is listed: two independent requests, so one round trip waits for the other only once
            Future<Integer> ledgerRead = attempt[0] == 0
                    ? reads.submit(() -> attempts.recorded(target.id(), request.backupId()))
                    : CompletableFuture.completedFuture(attempt[0]);
            List<String> earlier = earlierObjects(request);
            int recorded = await(ledgerRead);
            if (republishIfDone(request, earlier, recorded > 0)) {
                attempts.finish(target.id(), request.backupId());
                return;
            }
            if (attempt[0] == 0) {
                attempt[0] = attempts.begin(target.id(), request.backupId(), recorded);
            }
        } catch (ObjectStoreException e) {
            throw new StorageUnavailableException(e.getMessage(), e);
        }
        if (attempt[0] > settings.maxAttempts()) {
            fail(
                    request,
                    FailureReason.ATTEMPTS_EXHAUSTED,
                    "backup " + request.backupId() + " had " + (attempt[0] - 1) + " attempt(s) without an outcome"
                            + " (the worker was killed or crashed during each); bulwark.dump-worker.max-attempts is "
                            + settings.maxAttempts() + ", so it is not attempted again",
                    null,
                    attempt[0]);
            attempts.finish(target.id(), request.backupId());
            return;
        }
        Instant startedAt = clock.instant();
        String prefix =
                ObjectKeys.backupPrefix(request.targetId(), request.effectiveLabel(), startedAt, request.backupId());
        BackupCompleted completed;
        try {
            completed = dump(request, target, engine, prefix, startedAt);
        } catch (DumpFailedException e) {
            cleanUp(prefix);
            finishFailed(request, e.reason(), e.getMessage(), e.exitCode(), attempt[0]);
            return;
        } catch (ObjectStoreException e) {
            cleanUp(prefix);
            Optional<DumpFailedException> dumpFailure = dumpFailureIn(e);
            if (dumpFailure.isPresent()) {
                finishFailed(
                        request,
                        dumpFailure.get().reason(),
                        dumpFailure.get().getMessage(),
                        dumpFailure.get().exitCode(),
                        attempt[0]);
                return;
            }
            throw new StorageUnavailableException(e.getMessage(), e);
        } catch (PasswordUnavailableException e) {
            finishFailed(request, FailureReason.AUTHENTICATION_FAILED, e.getMessage(), null, attempt[0]);
            return;
        } catch (InvalidTargetException e) {
            finishFailed(request, FailureReason.INVALID_REQUEST, e.getMessage(), null, attempt[0]);
            return;
        } catch (RuntimeException e) {
            cleanUp(prefix);
            log.warn("backup {} of target {} failed unexpectedly", request.backupId(), target.id(), e);
            finishFailed(
                    request,
                    FailureReason.INTERNAL,
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    null,
                    attempt[0]);
            return;
        }
        // The backup is stored with its manifest: a BackupCompleted the broker refuses (Kafka down) must not undo
        // it. The exception goes to the binder, the request is delivered again, and the next delivery finds the
        // manifest and publishes the same BackupCompleted (republishIfDone).
        publisher.completed(completed);
        attempts.finish(target.id(), request.backupId());
        log.info(
                "backup {} of target {} completed (attempt {}): {} bytes dumped, {} bytes stored at {} in {} ms",
                request.backupId(),
                target.id(),
                attempt[0],
                completed.artifact().rawBytes(),
                completed.artifact().storedBytes(),
                completed.artifact().key(),
                completed.dumpMillis());
    }

    private void finishFailed(BackupRequested request, FailureReason reason, String message, Integer exit, int n) {
        fail(request, reason, message, exit, n);
        attempts.finish(request.targetId(), request.backupId());
    }

    private BackupCompleted dump(
            BackupRequested request, DumpTarget target, DumpEngine engine, String prefix, Instant startedAt) {
        ConnectionSpec spec = connectionSpec(target);
        CodecChain chain = codecChain(target);
        DumpOptions options = new DumpOptions(
                target.selection().includeSchemas(),
                target.selection().excludeSchemas(),
                target.selection().includeTables(),
                target.selection().excludeTables(),
                target.dumpTimeout());
        String dumpKey = ObjectKeys.dumpKey(prefix, engine.fileExtension(), chain);
        log.info(
                "backup {} of target {}: dumping {} ({}) into {}",
                request.backupId(),
                target.id(),
                spec,
                chain.codecs(),
                dumpKey);
        long startedNanos = System.nanoTime();
        try (DumpSession session = engine.open(spec, options);
                CaptureStream capture = capture(session, chain, settings.captureBufferBytes(), settings.rawSha256())) {
            ScheduledFuture<?> progress = startProgress(request, capture, startedNanos);
            try {
                store.putStream(dumpKey, capture, contentType(chain));
            } catch (ObjectStoreException e) {
                if (capture.failure() instanceof DumpToolFailure toolFailure) {
                    throw (DumpFailedException) toolFailure.getCause();
                }
                if (capture.failure() != null) {
                    throw new DumpFailedException(
                            FailureReason.DUMP_FAILED,
                            "reading " + session.toolName() + "'s output failed: "
                                    + capture.failure().getMessage() + "; " + session.stderr(),
                            null,
                            e);
                }
                throw e;
            } finally {
                progress.cancel(false);
            }
            if (!capture.isComplete()) {
                throw new ObjectStoreException("the upload of " + dumpKey + " ended before the dump did", null);
            }
            Instant completedAt = clock.instant();
            SchemaInventory inventory = session.inventory();
            ArtifactRef artifact = new ArtifactRef(
                    store.bucket(),
                    dumpKey,
                    engine.format(),
                    chain.codecs(),
                    capture.storedBytes(),
                    capture.rawBytes(),
                    capture.sha256(),
                    capture.rawSha256(),
                    chain.recipientFingerprints());
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
                            engine.engine(),
                            session.serverVersion(),
                            session.serverVersionNum(),
                            target.host(),
                            target.port(),
                            target.database(),
                            session.snapshotId()),
                    new Manifest.Tool(session.toolName(), session.toolVersion(), session.toolFormat()),
                    artifact,
                    inventory,
                    session.rowCountMethod(),
                    session.sourceHealth());
            String manifestKey = ObjectKeys.manifestKey(prefix);
            ManifestJson.storeSigned(store, manifestKey, manifest, signing);
            return completedEvent(manifest, prefix, manifestKey);
        } catch (IOException e) {
            throw new ObjectStoreException("could not close the capture of " + dumpKey + ": " + e.getMessage(), e);
        }
    }

    private ScheduledFuture<?> startProgress(BackupRequested request, CaptureStream capture, long startedNanos) {
        long every = Math.max(1, settings.progressInterval().toMillis());
        return ticker.scheduleAtFixedRate(
                () -> {
                    try {
                        publisher.progressed(new BackupProgressed(
                                UUID.randomUUID(),
                                clock.instant(),
                                1,
                                request.backupId(),
                                request.requestId(),
                                request.targetId(),
                                capture.rawBytes(),
                                capture.storedBytes(),
                                (System.nanoTime() - startedNanos) / 1_000_000));
                    } catch (RuntimeException e) {
                        log.debug("progress of backup {} not published: {}", request.backupId(), e.getMessage());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    private static String contentType(CodecChain chain) {
        if (chain.encrypted()) {
            return "application/pgp-encrypted";
        }
        return chain.compression() == Compression.GZIP ? "application/gzip" : "application/zstd";
    }

    /**
     * The codecs {@code target}'s backups are written with: its compression and level (the worker's default zstd level
     * when it sets none), then OpenPGP to its recipients and passphrase when it encrypts.
     *
     * @throws InvalidTargetException when its passphrase cannot be read or its encryption settings are invalid
     */
    public CodecChain codecChain(DumpTarget target) {
        Compression compression = "gzip".equals(target.compression()) ? Compression.GZIP : Compression.ZSTD;
        int level = target.compressionLevel() > 0
                ? target.compressionLevel()
                : compression == Compression.ZSTD ? settings.defaultZstdLevel() : compression.defaultLevel();
        OpenPgpEncryption encryption = null;
        if (target.encryption().enabled()) {
            char[] passphrase = null;
            if (!target.encryption().passphrase().isNone()) {
                try {
                    passphrase =
                            passwords.resolve(target.encryption().passphrase()).toCharArray();
                } catch (IllegalStateException e) {
                    throw new InvalidTargetException(
                            "target '" + target.id() + "' encryption passphrase: " + e.getMessage());
                }
            }
            try {
                encryption = OpenPgpEncryption.of(target.encryption().recipients(), passphrase);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new InvalidTargetException("target '" + target.id() + "' encryption: " + e.getMessage());
            }
        }
        return new CodecChain(compression, level, encryption);
    }

    private static CaptureStream capture(DumpSession session, CodecChain chain, int bufferBytes, boolean hashRaw) {
        try {
            return new CaptureStream(
                    session.stdout(),
                    chain,
                    () -> {
                        try {
                            session.awaitSuccess();
                        } catch (DumpFailedException e) {
                            throw new DumpToolFailure(e);
                        }
                    },
                    bufferBytes,
                    hashRaw);
        } catch (IOException e) {
            throw new IllegalStateException("the codec chain could not be initialised: " + e.getMessage(), e);
        }
    }

    private ConnectionSpec connectionSpec(DumpTarget target) {
        String password;
        try {
            password = passwords.resolve(target.password());
        } catch (IllegalStateException e) {
            throw new PasswordUnavailableException("target '" + target.id() + "': " + e.getMessage());
        }
        return new ConnectionSpec(target.host(), target.port(), target.database(), target.username(), password);
    }

    /** The stored objects of earlier attempts of {@code request}'s backup: its target's listing, filtered. */
    private List<String> earlierObjects(BackupRequested request) {
        return store.list(ObjectKeys.targetPrefix(request.targetId())).stream()
                .filter(key -> ObjectKeys.belongsTo(key, request.backupId()))
                .toList();
    }

    /**
     * The attempt count {@code ledgerRead} read.
     *
     * @throws ObjectStoreException (or any other unchecked exception) as the read threw it
     * @throws IllegalStateException when this thread is interrupted while it waits
     */
    private static int await(Future<Integer> ledgerRead) {
        try {
            return ledgerRead.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException("reading the attempt record failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the attempt record", e);
        }
    }

    /**
     * Publishes the {@code BackupCompleted} of an earlier attempt again when its manifest is stored; otherwise removes
     * what earlier attempts left. Their incomplete uploads are listed only when an attempt was recorded or left
     * objects: an attempt is recorded before it uploads anything (one store request less before each dump).
     *
     * @param earlier the objects of earlier attempts ({@link #earlierObjects})
     * @return true when the backup was done and its completion published again
     */
    private boolean republishIfDone(BackupRequested request, List<String> earlier, boolean attemptRecorded) {
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
        if (!attemptRecorded && earlier.isEmpty()) {
            return false;
        }
        store.incompleteUploads(ObjectKeys.targetPrefix(request.targetId())).stream()
                .filter(key -> ObjectKeys.belongsTo(key, request.backupId()))
                .map(ObjectKeys::prefixOf)
                .distinct()
                .forEach(prefix -> {
                    int aborted = store.abortIncompleteUploads(prefix, Duration.ZERO);
                    log.info("aborted {} incomplete upload(s) of an earlier attempt under {}", aborted, prefix);
                });
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

    private void fail(BackupRequested request, FailureReason reason, String message, Integer exitCode, int attempt) {
        String text = FailurePolicy.trimMessage(message, MAX_MESSAGE_CHARS);
        log.warn(
                "backup {} of target {} failed: {} (exit code {}, attempt {}): {}",
                request.backupId(),
                request.targetId(),
                reason,
                exitCode,
                attempt,
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
                Math.max(1, attempt),
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

    /** Stops the progress ticker and the attempt-record reads. */
    @Override
    public void close() {
        ticker.shutdownNow();
        reads.shutdownNow();
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

    /** A target's settings cannot be used (an unreadable key file, a missing passphrase). */
    private static final class InvalidTargetException extends RuntimeException {
        InvalidTargetException(String message) {
            super(message);
        }
    }
}
