package io.bulwark.dumpworker.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.artifacts.CaptureStream;
import io.bulwark.artifacts.InMemoryObjectStore;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ManifestSigningKeys;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupProgressed;
import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.dumpworker.adapter.storage.ObjectStoreAttemptLedger;
import io.bulwark.dumpworker.domain.DumpTarget;
import io.bulwark.dumpworker.domain.PasswordSource;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpEngine;
import io.bulwark.engines.DumpFailedException;
import io.bulwark.engines.DumpOptions;
import io.bulwark.engines.DumpSession;
import io.bulwark.engines.postgres.PgDumpTool;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.service.consumer.FailureClassifier;
import io.bulwark.service.consumer.FailureClassifier.Failure;
import io.bulwark.service.consumer.FailureClassifier.Kind;
import io.bulwark.testsupport.GnuPgHome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

/**
 * The rules of {@link RunDump}: target lookup, idempotency, clean-up, attempt counting, storage
 * outages, progress. A {@link FakeEngine} stands in for the dump tool where the rule needs no database;
 * the tools themselves are tested against real servers in {@code engines}.
 */
class RunDumpTest {

    private static final Instant NOW = Instant.parse("2026-11-23T19:01:02Z");

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final Events events = new Events();
    private final FakeEngine fake = new FakeEngine();
    private final Map<String, DumpTarget> targets = new TreeMap<>(Map.of(
            "pg", target("pg", "postgresql", 1, "zstd"),
            "fake", target("fake", "mariadb", 3306, "zstd"),
            "gz", target("gz", "mariadb", 3306, "gzip")));
    private final ObjectStoreAttemptLedger ledger = new ObjectStoreAttemptLedger(store);
    private final CircuitBreaker breaker = CircuitBreaker.of(
            "test",
            CircuitBreakerConfig.custom()
                    .minimumNumberOfCalls(100)
                    .slidingWindowSize(100)
                    .build());
    private final RunDump runDump = runDump(Map.of(
            "postgresql", new PgDumpTool(new ProcessRunner(), "pg_dump", Duration.ofMinutes(1)), "mariadb", fake));

    private RunDump runDump(Map<String, DumpEngine> engines) {
        return runDump(engines, new RunDump.Settings(3, 3, Duration.ofMillis(20)));
    }

    private RunDump runDump(Map<String, DumpEngine> engines, RunDump.Settings settings) {
        return new RunDump(
                id -> Optional.ofNullable(targets.get(id)),
                source -> "pw-never-shown",
                store,
                engines,
                events,
                ledger,
                new StorageResilience(breaker, 3, Duration.ofMillis(1), Duration.ofMillis(5)),
                Clock.fixed(NOW, ZoneOffset.UTC),
                settings);
    }

    @Test
    void anUnknownTargetFailsWithoutRetry() {
        runDump.handle(request("ghost"));
        BackupFailed failed = events.onlyFailure();
        assertThat(failed.reason()).isEqualTo(FailureReason.UNKNOWN_TARGET);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("bulwark.targets.ghost");
        assertThat(failed.attempt()).isEqualTo(1);
    }

    @Test
    void aTargetWhoseEngineThisWorkerCannotDumpIsAnInvalidRequest() {
        RunDump pgOnly =
                runDump(Map.of("postgresql", new PgDumpTool(new ProcessRunner(), "pg_dump", Duration.ofMinutes(1))));
        pgOnly.handle(request("fake"));
        assertThat(events.onlyFailure().reason()).isEqualTo(FailureReason.INVALID_REQUEST);
        assertThat(events.onlyFailure().message()).contains("mariadb");
    }

    @Test
    void anUnreachableServerFailsAsConnectionRefusedLeavingNothingAndNoPassword() {
        runDump.handle(request("pg"));
        BackupFailed failed = events.onlyFailure();
        assertThat(failed.reason()).isEqualTo(FailureReason.CONNECTION_REFUSED);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.message()).doesNotContain("pw-never-shown");
        assertThat(store.objects()).isEmpty();
    }

    @Test
    void aDumpIsStoredUnderTheEngineFormatAndCodecWithItsManifestAndNoAttemptRecordLeft() {
        BackupRequested request = request("fake");
        runDump.handle(request);

        BackupCompleted completed = events.onlyCompletion();
        assertThat(completed.artifact().key()).endsWith("/dump.fake.zst");
        assertThat(completed.artifact().codecs()).containsExactly("zstd");
        assertThat(completed.artifact().rawBytes()).isEqualTo(FakeEngine.DUMP.length);
        assertThat(completed.artifact().format()).isEqualTo("fake-sql");
        Manifest manifest = ManifestJson.read(store.objects().get(completed.manifestKey()));
        assertThat(manifest.source().engine()).isEqualTo("mariadb");
        assertThat(manifest.rowCountMethod()).isEqualTo(FakeEngine.METHOD);
        assertThat(manifest.inventory().totalRows()).isEqualTo(3);
        assertThat(store.objects()).containsOnlyKeys(completed.artifact().key(), completed.manifestKey());
    }

    @Test
    void theRawDumpsSha256IsRecordedOnlyWhenConfiguredAndTheStoredOneAlways() throws Exception {
        runDump.handle(request("fake"));
        BackupCompleted plain = events.onlyCompletion();
        Manifest plainManifest = ManifestJson.read(store.objects().get(plain.manifestKey()));
        assertThat(plain.artifact().rawSha256()).isNull();
        assertThat(plainManifest.artifact().rawSha256()).isNull();
        assertThat(plainManifest.artifact().sha256())
                .isEqualTo(sha256Hex(store.objects().get(plain.artifact().key())));

        RunDump hashing = runDump(
                Map.of("mariadb", fake),
                new RunDump.Settings(3, 3, Duration.ofMillis(20), CaptureStream.DEFAULT_BUFFER_BYTES, true));
        hashing.handle(request("fake"));
        assertThat(events.completed).hasSize(2);
        BackupCompleted hashed = events.completed.get(1);
        Manifest hashedManifest = ManifestJson.read(store.objects().get(hashed.manifestKey()));
        assertThat(hashed.artifact().rawSha256()).isEqualTo(sha256Hex(FakeEngine.DUMP));
        assertThat(hashedManifest.artifact().rawSha256()).isEqualTo(sha256Hex(FakeEngine.DUMP));
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void withASigningKeyTheManifestIsSignedBesideIt() {
        ManifestSigningKeys keys = ManifestSigningKeys.of(
                "k1", "run-dump-test-signing-key-0123456789".getBytes(StandardCharsets.UTF_8), List.of());
        RunDump signing = new RunDump(
                id -> Optional.ofNullable(targets.get(id)),
                source -> "pw-never-shown",
                store,
                Map.of("mariadb", fake),
                events,
                ledger,
                new StorageResilience(breaker, 3, Duration.ofMillis(1), Duration.ofMillis(5)),
                Clock.fixed(NOW, ZoneOffset.UTC),
                new RunDump.Settings(3, 3, Duration.ofMillis(20)),
                keys);
        signing.handle(request("fake"));

        BackupCompleted completed = events.onlyCompletion();
        String signatureKey = ObjectKeys.signatureKey(completed.manifestKey());
        assertThat(store.objects()).containsOnlyKeys(completed.artifact().key(), completed.manifestKey(), signatureKey);
        assertThat(keys.check(
                        store.objects().get(completed.manifestKey()),
                        store.objects().get(signatureKey)))
                .isNull();
    }

    @Test
    void aGzipTargetIsStoredAsGzip() {
        runDump.handle(request("gz"));
        BackupCompleted completed = events.onlyCompletion();
        assertThat(completed.artifact().key()).endsWith("/dump.fake.gz");
        assertThat(completed.artifact().codecs()).containsExactly("gzip");
        byte[] stored = store.objects().get(completed.artifact().key());
        assertThat(stored[0] & 0xff).isEqualTo(0x1f);
        assertThat(stored[1] & 0xff).isEqualTo(0x8b);
    }

    @Test
    void anExistingManifestIsPublishedAgainWithTheSameEventIdInsteadOfDumping() {
        BackupRequested request = request("pg");
        String prefix = ObjectKeys.backupPrefix("pg", "adhoc", NOW.minusSeconds(60), request.backupId());
        ManifestJson.store(store, ObjectKeys.manifestKey(prefix), manifest(request, prefix));

        runDump.handle(request);
        runDump.handle(request);

        assertThat(events.failed).isEmpty();
        assertThat(events.completed).hasSize(2);
        BackupCompleted completed = events.completed.getFirst();
        assertThat(completed.eventId()).isEqualTo(events.completed.get(1).eventId());
        assertThat(completed.backupId()).isEqualTo(request.backupId());
        assertThat(completed.prefix()).isEqualTo(prefix);
        assertThat(completed.sourceStatistics().rows()).isEqualTo(42);
    }

    @Test
    void aCompletionTheBrokerRefusesKeepsTheStoredBackupAndTheNextDeliveryPublishesItOnce() {
        BackupRequested request = request("fake");
        events.completionsToRefuse.set(1);

        assertThatThrownBy(() -> runDump.handle(request))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not accept BackupCompleted");
        assertThat(events.failed).as("no BackupFailed for a stored backup").isEmpty();
        String manifestKey = store.objects().keySet().stream()
                .filter(key -> key.endsWith("manifest.json"))
                .findFirst()
                .orElseThrow();
        String prefix = manifestKey.substring(0, manifestKey.length() - "manifest.json".length());
        List<String> stored = List.copyOf(store.list(prefix));

        runDump.handle(request);

        BackupCompleted completed = events.onlyCompletion();
        assertThat(completed.backupId()).isEqualTo(request.backupId());
        assertThat(List.copyOf(store.list(prefix)))
                .as("the same objects, not dumped again")
                .isEqualTo(stored);
        assertThat(fake.opened.get()).isEqualTo(1);
    }

    @Test
    void objectsOfAnEarlierAttemptWithoutManifestAreRemoved() {
        BackupRequested request = request("pg");
        String earlier = ObjectKeys.backupPrefix("pg", "adhoc", NOW.minusSeconds(60), request.backupId());
        store.putBytes(ObjectKeys.pgDumpKey(earlier), new byte[] {1, 2, 3}, "application/zstd");
        store.putBytes("pg/2026/11/other_20261123T000000Z_99999999/manifest.json", new byte[] {1}, "application/json");

        runDump.handle(request);

        assertThat(store.objects()).containsOnlyKeys("pg/2026/11/other_20261123T000000Z_99999999/manifest.json");
    }

    @Test
    void aRequestWhoseEarlierAttemptsAllDiedIsNotDumpedAgainAndFailsForGood() {
        BackupRequested request = request("fake");
        for (int i = 0; i < 3; i++) {
            beginAttempt(ledger, request);
        }

        runDump.handle(request);

        BackupFailed failed = events.onlyFailure();
        assertThat(failed.reason()).isEqualTo(FailureReason.ATTEMPTS_EXHAUSTED);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.attempt()).isEqualTo(4);
        assertThat(failed.message()).contains("had 3 attempt(s) without an outcome");
        assertThat(fake.opened).hasValue(0);
        assertThat(store.objects()).isEmpty();
    }

    @Test
    void anAttemptAfterACrashCountsAndSucceeds() {
        BackupRequested request = request("fake");
        beginAttempt(ledger, request);

        runDump.handle(request);

        assertThat(events.onlyCompletion().backupId()).isEqualTo(request.backupId());
        assertThat(store.objects().keySet()).noneMatch(k -> k.startsWith(ObjectStoreAttemptLedger.PREFIX));
    }

    @Test
    void anAttemptAfterACrashAbortsTheUploadTheCrashedOneLeft() {
        BackupRequested request = request("fake");
        beginAttempt(ledger, request);
        String earlier = ObjectKeys.backupPrefix("fake", "adhoc", NOW.minusSeconds(60), request.backupId());
        store.abandonUpload(earlier + "dump.sql.zst", NOW.minusSeconds(50));

        runDump.handle(request);

        assertThat(events.onlyCompletion().backupId()).isEqualTo(request.backupId());
        assertThat(store.incompleteUploads("fake/")).isEmpty();
    }

    @Test
    void aFirstAttemptDoesNotLookForUploadsOfEarlierOnes() {
        BackupRequested request = request("fake");
        // an upload no recorded attempt can have left (a first attempt records itself before it uploads): the
        // worker does not list the target's uploads for it; the start-up sweep of stale uploads removes such leftovers
        String stray = ObjectKeys.backupPrefix("fake", "adhoc", NOW.minusSeconds(60), request.backupId());
        store.abandonUpload(stray + "dump.sql.zst", NOW.minusSeconds(50));

        runDump.handle(request);

        assertThat(events.onlyCompletion().backupId()).isEqualTo(request.backupId());
        assertThat(store.incompleteUploads("fake/")).containsExactly(stray + "dump.sql.zst");
    }

    @Test
    void anObjectStoreOutageOutlastingTheRetriesPublishesNothingAndIsWaitedOut() {
        store.setUnreachable(true);
        BackupRequested request = request("fake");

        assertThatThrownBy(() -> runDump.handle(request))
                .isInstanceOf(StorageOutageException.class)
                .satisfies(e -> assertThat(FailureClassifier.classify(e))
                        .extracting(Failure::kind, Failure::resource)
                        .containsExactly(Kind.INFRASTRUCTURE, FailureClassifier.OBJECT_STORE));
        assertThat(events.failed).as("no BackupFailed: the backup waits").isEmpty();
        assertThat(events.completed).isEmpty();
        assertThat(fake.opened).hasValue(0);

        store.setUnreachable(false);
        runDump.handle(request);

        assertThat(events.onlyCompletion().backupId()).isEqualTo(request.backupId());
        assertThat(store.objects().keySet()).noneMatch(k -> k.startsWith(ObjectStoreAttemptLedger.PREFIX));
    }

    @Test
    void anOutageMidDumpOutlastingTheRetriesOfSeveralDeliveriesNeverUsesUpTheAttempts() {
        // 3 attempts per delivery (StorageResilience) and 3 attempts per request (maxAttempts): 4 deliveries
        // whose uploads fail would end ATTEMPTS_EXHAUSTED if each delivery of the outage counted one
        store.failNextUploads(3 * 4);
        BackupRequested request = request("fake");

        for (int delivery = 1; delivery <= 4; delivery++) {
            assertThatThrownBy(() -> runDump.handle(request)).isInstanceOf(StorageOutageException.class);
        }
        assertThat(events.failed).as("no BackupFailed: the backup waits").isEmpty();
        assertThat(fake.opened).hasValue(3 * 4);
        runDump.handle(request);

        assertThat(events.onlyCompletion().backupId()).isEqualTo(request.backupId());
        assertThat(store.objects().keySet()).noneMatch(k -> k.startsWith(ObjectStoreAttemptLedger.PREFIX));
    }

    @Test
    void aWorkerKilledAfterAnOutageStillCountsTheNextAttempt() {
        store.failNextUploads(3);
        BackupRequested request = request("fake");
        assertThatThrownBy(() -> runDump.handle(request)).isInstanceOf(StorageOutageException.class);
        // another worker (or this one restarted) knows nothing of the outage: attempt 1 may have been a death
        ObjectStoreAttemptLedger otherWorkersLedger = new ObjectStoreAttemptLedger(store);

        assertThat(beginAttempt(otherWorkersLedger, request)).isEqualTo(2);
    }

    @Test
    void aCircuitBreakerOpenWhenTheRequestArrivesIsWaitedOutNotFailed() {
        breaker.transitionToOpenState();
        BackupRequested request = request("fake");

        assertThatThrownBy(() -> runDump.handle(request))
                .isInstanceOf(StorageOutageException.class)
                .hasMessageContaining("circuit breaker is open")
                .satisfies(e -> assertThat(FailureClassifier.classify(e).kind()).isEqualTo(Kind.INFRASTRUCTURE));
        assertThat(events.failed).as("no BackupFailed: the backup waits").isEmpty();
        assertThat(fake.opened).hasValue(0);
        assertThat(store.objects()).isEmpty();

        breaker.transitionToClosedState();
        runDump.handle(request);

        assertThat(events.onlyCompletion().backupId()).isEqualTo(request.backupId());
    }

    @Test
    void theAttemptRecordIsReadWhileTheTargetIsListed() {
        InMemoryObjectStore spied = Mockito.spy(new InMemoryObjectStore());
        CountDownLatch listed = new CountDownLatch(1);
        AtomicBoolean overlapped = new AtomicBoolean();
        Mockito.doAnswer(call -> {
                    listed.countDown();
                    return call.callRealMethod();
                })
                .when(spied)
                .list(ArgumentMatchers.anyString());
        // the record's read waits for the listing: done one after the other on one thread, it would wait in vain
        Mockito.doAnswer(call -> {
                    overlapped.set(listed.await(5, TimeUnit.SECONDS));
                    return call.callRealMethod();
                })
                .when(spied)
                .exists(ArgumentMatchers.startsWith(ObjectStoreAttemptLedger.PREFIX));
        try (RunDump worker = fakeWorkerOn(spied)) {
            worker.handle(request("fake"));
        }

        assertThat(overlapped)
                .as("the target was listed while the attempt record was read")
                .isTrue();
        assertThat(events.onlyCompletion().artifact().rawBytes()).isEqualTo(FakeEngine.DUMP.length);
        assertThat(spied.objects().keySet()).noneMatch(k -> k.startsWith(ObjectStoreAttemptLedger.PREFIX));
    }

    @Test
    void aStoreFailureWhileTheAttemptRecordIsReadIsWaitedOutLikeAnyOther() {
        InMemoryObjectStore spied = Mockito.spy(new InMemoryObjectStore());
        Mockito.doThrow(new ObjectStoreException("the store is down", null))
                .doCallRealMethod()
                .when(spied)
                .exists(ArgumentMatchers.startsWith(ObjectStoreAttemptLedger.PREFIX));
        try (RunDump worker = fakeWorkerOn(spied)) {
            worker.handle(request("fake"));
        }

        BackupCompleted completed = events.onlyCompletion();
        assertThat(completed.artifact().rawBytes()).isEqualTo(FakeEngine.DUMP.length);
        assertThat(fake.opened).as("the failed read started no dump").hasValue(1);
    }

    @Test
    void anUploadThatFailsOnceBecauseOfTheStoreIsRetriedAndCompletesOnce() {
        InMemoryObjectStore flaky = new InMemoryObjectStore();
        flaky.failNextUploads(1);
        RunDump worker = fakeWorkerOn(flaky);

        worker.handle(request("fake"));

        assertThat(events.onlyCompletion().artifact().rawBytes()).isEqualTo(FakeEngine.DUMP.length);
        assertThat(fake.opened).hasValue(2);
        assertThat(flaky.objects().keySet()).noneMatch(k -> k.startsWith(ObjectStoreAttemptLedger.PREFIX));
    }

    @Test
    void theManifestAndTheEventRecordTheFingerprintsTheArtifactIsEncryptedTo(@TempDir Path dir) {
        try (GnuPgHome gnupg = GnuPgHome.create(dir.resolve("k"))) {
            GnuPgHome.KeyPair ops = gnupg.generateKey("ops");
            DumpTarget plain = target("enc", "mariadb", 3306, "zstd");
            targets.put(
                    "enc",
                    new DumpTarget(
                            plain.id(),
                            plain.engine(),
                            plain.host(),
                            plain.port(),
                            plain.database(),
                            plain.username(),
                            plain.password(),
                            plain.dumpTimeout(),
                            plain.selection(),
                            plain.compression(),
                            0,
                            new DumpTarget.Encryption(List.of(ops.publicKey()), PasswordSource.NONE)));

            runDump.handle(request("enc"));
            runDump.handle(request("fake"));

            assertThat(events.completed.get(0).artifact().recipients()).containsExactly(ops.fingerprint());
            assertThat(ManifestJson.load(store, events.completed.get(0).manifestKey())
                            .artifact()
                            .recipients())
                    .containsExactly(ops.fingerprint());
            assertThat(events.completed.get(1).artifact().recipients()).isEmpty();
        }
    }

    @Test
    void aFailingDumpToolIsReportedWithItsReasonAndLeavesNothing() {
        fake.failWith = new DumpFailedException(FailureReason.PERMISSION_DENIED, "lacks SHOW VIEW", 2);
        runDump.handle(request("fake"));
        BackupFailed failed = events.onlyFailure();
        assertThat(failed.reason()).isEqualTo(FailureReason.PERMISSION_DENIED);
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.retryable()).isFalse();
        assertThat(store.objects()).isEmpty();
    }

    @Test
    void aLongDumpPublishesProgress() {
        fake.slowMillisPerChunk = 30;
        runDump.handle(request("fake"));
        assertThat(events.onlyCompletion()).isNotNull();
        assertThat(events.progressed).isNotEmpty();
        BackupProgressed last = events.progressed.getLast();
        assertThat(last.bytesRead()).isPositive().isLessThanOrEqualTo(FakeEngine.DUMP.length);
        assertThat(last.elapsedMillis()).isPositive();
        assertThat(last.targetId()).isEqualTo("fake");
    }

    private static DumpTarget target(String id, String engine, int port, String compression) {
        return new DumpTarget(
                id,
                engine,
                "127.0.0.1",
                port,
                "db",
                "backup",
                PasswordSource.NONE,
                Duration.ofMinutes(1),
                null,
                compression,
                0,
                null);
    }

    /** A worker of the fake engine on {@code on}, its attempt records kept there too. */
    private RunDump fakeWorkerOn(InMemoryObjectStore on) {
        return new RunDump(
                id -> Optional.ofNullable(targets.get(id)),
                source -> null,
                on,
                Map.of("mariadb", fake),
                events,
                new ObjectStoreAttemptLedger(on),
                new StorageResilience(breaker, 3, Duration.ofMillis(1), Duration.ofMillis(5)),
                Clock.fixed(NOW, ZoneOffset.UTC),
                new RunDump.Settings(3, 3, Duration.ofSeconds(5)));
    }

    /** Records an attempt of {@code request} of target "fake", as a worker does before it dumps; returns its number. */
    private static int beginAttempt(ObjectStoreAttemptLedger ledger, BackupRequested request) {
        return ledger.begin("fake", request.backupId(), ledger.recorded("fake", request.backupId()));
    }

    private static BackupRequested request(String targetId) {
        return BackupRequested.of(targetId, Trigger.MANUAL, null, null, Tier.ADHOC, "test");
    }

    private static Manifest manifest(BackupRequested request, String prefix) {
        return new Manifest(
                Manifest.SCHEMA_VERSION,
                request.backupId(),
                request.requestId(),
                request.targetId(),
                "adhoc",
                Tier.ADHOC,
                Trigger.MANUAL,
                NOW.minusSeconds(60),
                NOW.minusSeconds(50),
                new Manifest.Source("postgresql", "15.20", 150020, "127.0.0.1", 1, "db", "snap"),
                new Manifest.Tool("pg_dump", "pg_dump (PostgreSQL) 15.20", "custom"),
                new ArtifactRef("b", ObjectKeys.pgDumpKey(prefix), PgDumpTool.FORMAT, List.of("zstd"), 1, 2, "a", "b"),
                SchemaInventory.ofTables(List.of(new SchemaInventory.TableInfo("public", "t", 42))),
                "counted");
    }

    /** A dump engine that streams a fixed SQL text, or fails as told. */
    private static final class FakeEngine implements DumpEngine {
        static final byte[] DUMP =
                "INSERT INTO `t` VALUES (1),(2),(3);\n".repeat(20_000).getBytes();
        static final String METHOD = "counted by the fake";
        final AtomicInteger opened = new AtomicInteger();
        volatile DumpFailedException failWith;
        volatile long slowMillisPerChunk;

        @Override
        public String engine() {
            return "mariadb";
        }

        @Override
        public String format() {
            return "fake-sql";
        }

        @Override
        public String fileExtension() {
            return "fake";
        }

        @Override
        public DumpSession open(ConnectionSpec spec, DumpOptions options) {
            opened.incrementAndGet();
            InputStream data = new ByteArrayInputStream(DUMP) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    if (slowMillisPerChunk > 0) {
                        try {
                            Thread.sleep(slowMillisPerChunk);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return super.read(b, off, Math.min(len, 64 * 1024));
                }
            };
            return new DumpSession() {
                @Override
                public InputStream stdout() {
                    return data;
                }

                @Override
                public void awaitSuccess() {
                    if (failWith != null) {
                        throw failWith;
                    }
                }

                @Override
                public SchemaInventory inventory() {
                    return SchemaInventory.ofTables(List.of(new SchemaInventory.TableInfo("db", "t", 3)));
                }

                @Override
                public String rowCountMethod() {
                    return METHOD;
                }

                @Override
                public String serverVersion() {
                    return "10.11.19-MariaDB";
                }

                @Override
                public int serverVersionNum() {
                    return 101119;
                }

                @Override
                public String snapshotId() {
                    return null;
                }

                @Override
                public String toolName() {
                    return "fake-dump";
                }

                @Override
                public String toolVersion() {
                    return "fake-dump 1.0";
                }

                @Override
                public String toolFormat() {
                    return "sql";
                }

                @Override
                public String stderr() {
                    return "";
                }

                @Override
                public void close() {
                    try {
                        data.close();
                    } catch (IOException ignored) {
                        // in memory
                    }
                }
            };
        }
    }

    /** Records what was published. */
    private static final class Events implements EventPublisher {
        final List<BackupCompleted> completed = new CopyOnWriteArrayList<>();
        final List<BackupFailed> failed = new CopyOnWriteArrayList<>();
        final List<BackupProgressed> progressed = new CopyOnWriteArrayList<>();
        final AtomicInteger completionsToRefuse = new AtomicInteger();

        @Override
        public void completed(BackupCompleted event) {
            if (completionsToRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the binder did not accept BackupCompleted " + event.eventId());
            }
            completed.add(event);
        }

        @Override
        public void failed(BackupFailed event) {
            failed.add(event);
        }

        @Override
        public void progressed(BackupProgressed event) {
            progressed.add(event);
        }

        BackupFailed onlyFailure() {
            assertThat(completed).isEmpty();
            assertThat(failed).hasSize(1);
            return failed.getFirst();
        }

        BackupCompleted onlyCompletion() {
            assertThat(failed).as("failures").isEmpty();
            assertThat(completed).hasSize(1);
            return completed.getFirst();
        }
    }
}
