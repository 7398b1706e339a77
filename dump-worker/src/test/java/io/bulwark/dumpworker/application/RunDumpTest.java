package io.bulwark.dumpworker.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.InMemoryObjectStore;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.dumpworker.domain.DumpTarget;
import io.bulwark.dumpworker.domain.PasswordSource;
import io.bulwark.engines.process.ProcessRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The rules of {@link RunDump} that need no database: target lookup, idempotency, clean-up. */
class RunDumpTest {

    private static final Instant NOW = Instant.parse("2026-11-23T19:01:02Z");

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final Events events = new Events();
    private final Map<String, DumpTarget> targets =
            new TreeMap<>(Map.of("pg", target("pg", "postgresql", 1), "maria", target("maria", "mariadb", 3306)));
    private final RunDump runDump = new RunDump(
            id -> Optional.ofNullable(targets.get(id)),
            source -> "pw-never-shown",
            store,
            new ProcessRunner(),
            events,
            Clock.fixed(NOW, ZoneOffset.UTC),
            "pg_dump",
            3);

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
    void aTargetOfAnotherEngineIsAnInvalidRequest() {
        runDump.handle(request("maria"));
        assertThat(events.onlyFailure().reason()).isEqualTo(FailureReason.INVALID_REQUEST);
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
    void objectsOfAnEarlierAttemptWithoutManifestAreRemoved() {
        BackupRequested request = request("pg");
        String earlier = ObjectKeys.backupPrefix("pg", "adhoc", NOW.minusSeconds(60), request.backupId());
        store.putBytes(ObjectKeys.pgDumpKey(earlier), new byte[] {1, 2, 3}, "application/zstd");
        store.putBytes("pg/2026/11/other_20261123T000000Z_99999999/manifest.json", new byte[] {1}, "application/json");

        runDump.handle(request);

        assertThat(store.objects()).containsOnlyKeys("pg/2026/11/other_20261123T000000Z_99999999/manifest.json");
    }

    @Test
    void anObjectStoreThatCannotBeListedFailsAsStorageUnavailable() {
        store.setUnreachable(true);
        runDump.handle(request("pg"));
        BackupFailed failed = events.onlyFailure();
        assertThat(failed.reason()).isEqualTo(FailureReason.STORAGE_UNAVAILABLE);
        assertThat(failed.retryable()).isTrue();
    }

    private static DumpTarget target(String id, String engine, int port) {
        return new DumpTarget(
                id, engine, "127.0.0.1", port, "db", "backup", PasswordSource.NONE, Duration.ofMinutes(1));
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
                new ArtifactRef("b", ObjectKeys.pgDumpKey(prefix), RunDump.PG_FORMAT, List.of("zstd"), 1, 2, "a", "b"),
                SchemaInventory.ofTables(List.of(new SchemaInventory.TableInfo("public", "t", 42))),
                RunDump.ROW_COUNT_METHOD);
    }

    /** Records what was published. */
    private static final class Events implements EventPublisher {
        final List<BackupCompleted> completed = new ArrayList<>();
        final List<BackupFailed> failed = new ArrayList<>();

        @Override
        public void completed(BackupCompleted event) {
            completed.add(event);
        }

        @Override
        public void failed(BackupFailed event) {
            failed.add(event);
        }

        BackupFailed onlyFailure() {
            assertThat(completed).isEmpty();
            assertThat(failed).hasSize(1);
            return failed.getFirst();
        }
    }
}
