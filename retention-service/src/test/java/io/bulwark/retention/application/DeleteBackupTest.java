package io.bulwark.retention.application;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.artifacts.InMemoryObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.DeletionReason;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.retention.domain.CatalogedBackup;
import io.bulwark.retention.domain.Hold;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeleteBackupTest {

    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

    private final Map<UUID, CatalogedBackup> live = new LinkedHashMap<>();
    private final InMemoryDeletionLedger ledger = new InMemoryDeletionLedger(live::get);
    private final InMemoryHoldStore holds = new InMemoryHoldStore();
    private final List<String> storeCalls = new ArrayList<>();
    private final RecordingStore store = new RecordingStore();
    private final List<BackupDeleted> published = new ArrayList<>();
    private int publishFailures;
    private long reclaimed;
    private final BackupCatalog catalog = new BackupCatalog() {
        @Override
        public boolean recordVerification(UUID eventId, CatalogedBackup backup, Instant verifiedAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<CatalogedBackup> find(UUID backupId) {
            return Optional.ofNullable(live.get(backupId));
        }

        @Override
        public List<CatalogedBackup> liveBackups(String targetId) {
            return List.copyOf(live.values());
        }

        @Override
        public List<String> targetsWithLiveBackups() {
            return List.of("chinook");
        }

        @Override
        public void markDeleted(UUID backupId, Instant deletedAt) {
            live.remove(backupId);
            ledger.finish(backupId);
        }
    };
    private final DeleteBackup delete = new DeleteBackup(
            catalog,
            ledger,
            holds,
            store,
            event -> {
                if (publishFailures > 0) {
                    publishFailures--;
                    throw new IllegalStateException("broker down");
                }
                published.add(event);
            },
            Clock.fixed(T0, ZoneOffset.UTC),
            bytes -> reclaimed += bytes);

    @Test
    void deletesTheManifestFirstThenTheRestAndCountsTheBytesListedBefore() {
        CatalogedBackup backup = backup();

        BackupDeleted event = delete.delete(backup, DeletionReason.RETENTION, "keepLast=1");

        assertThat(storeCalls)
                .containsExactly(
                        "delete " + ObjectKeys.manifestKey(backup.prefix()), "deletePrefix " + backup.prefix());
        assertThat(store.list(backup.prefix())).isEmpty();
        assertThat(event.objectsDeleted()).isEqualTo(3);
        assertThat(event.bytesReclaimed()).isEqualTo(1000 + 20 + 7);
        assertThat(event.policy()).isEqualTo("keepLast=1");
        assertThat(event.eventId()).isEqualTo(DeleteBackup.deletionEventId(backup.backupId()));
        assertThat(published).containsExactly(event);
        assertThat(reclaimed).isEqualTo(1027);
        assertThat(live).isEmpty();
    }

    @Test
    void aDeletionCutShortAfterTheManifestIsFinishedWithTheFactsRecordedAtItsStart() {
        CatalogedBackup backup = backup();
        publishFailures = 1;

        assertThatThrownBy(() -> delete.delete(backup, DeletionReason.RETENTION, "keepLast=1"))
                .hasMessageContaining("broker down");
        assertThat(store.exists(ObjectKeys.manifestKey(backup.prefix()))).isFalse();
        assertThat(ledger.pending())
                .singleElement()
                .satisfies(p -> assertThat(p.intent().bytes()).isEqualTo(1027));

        List<BackupDeleted> finished = delete.resumePending();

        assertThat(finished).singleElement().satisfies(e -> {
            assertThat(e.objectsDeleted()).isEqualTo(3);
            assertThat(e.bytesReclaimed()).isEqualTo(1027);
            assertThat(e.eventId()).isEqualTo(DeleteBackup.deletionEventId(backup.backupId()));
        });
        assertThat(ledger.pending()).isEmpty();
        assertThat(live).isEmpty();
        assertThat(delete.resumePending()).isEmpty();
    }

    @Test
    void aHeldBackupIsRefusedAndKeepsEveryObject() {
        CatalogedBackup backup = backup();
        holds.place(new Hold(backup.backupId(), "audit 2026", "alice", T0, null));

        assertThatThrownBy(() -> delete.deleteManually(
                        backup.backupId(), backup.backupId().toString(), "bob"))
                .isInstanceOf(BackupHeldException.class)
                .hasMessageContaining("audit 2026");
        assertThat(store.list(backup.prefix())).hasSize(3);
        assertThat(ledger.pending()).isEmpty();
    }

    @Test
    void aLapsedHoldNoLongerProtects() {
        CatalogedBackup backup = backup();
        holds.place(new Hold(backup.backupId(), "until yesterday", "alice", T0.minusSeconds(7200), T0.minusSeconds(1)));

        BackupDeleted event =
                delete.deleteManually(backup.backupId(), backup.backupId().toString(), "bob");

        assertThat(event.reason()).isEqualTo(DeletionReason.MANUAL);
        assertThat(event.policy()).isEqualTo("manual: deleted by bob");
    }

    @Test
    void aManualDeletionNeedsTheIdRepeatedAndALiveBackup() {
        CatalogedBackup backup = backup();

        assertThatThrownBy(() -> delete.deleteManually(backup.backupId(), "yes", "bob"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("confirm"));
        assertThatThrownBy(() -> delete.deleteManually(backup.backupId(), null, "bob"))
                .isInstanceOf(InvalidRequestException.class);
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> delete.deleteManually(unknown, unknown.toString(), "bob"))
                .isInstanceOf(BackupNotFoundException.class);
        assertThat(store.list(backup.prefix())).hasSize(3);
    }

    private CatalogedBackup backup() {
        UUID id = UUID.randomUUID();
        String prefix = ObjectKeys.backupPrefix("chinook", "nightly", T0, id);
        store.putBytes(ObjectKeys.pgDumpKey(prefix), new byte[1000], "application/octet-stream");
        store.putBytes(ObjectKeys.manifestKey(prefix), new byte[20], "application/json");
        store.putBytes(ObjectKeys.verificationKey(prefix), "{\"v\":1}".getBytes(UTF_8), "application/json");
        CatalogedBackup backup = new CatalogedBackup(id, "chinook", prefix, Tier.DAILY, T0, Outcome.PASSED);
        live.put(id, backup);
        storeCalls.clear();
        return backup;
    }

    /** An in-memory store that records the order of deletions in {@link #storeCalls}. */
    private final class RecordingStore implements ObjectStore {
        private final InMemoryObjectStore inner = new InMemoryObjectStore();

        @Override
        public void delete(String key) {
            storeCalls.add("delete " + key);
            inner.delete(key);
        }

        @Override
        public int deletePrefix(String prefix) {
            storeCalls.add("deletePrefix " + prefix);
            return inner.deletePrefix(prefix);
        }

        @Override
        public String bucket() {
            return inner.bucket();
        }

        @Override
        public long putStream(String key, InputStream content, String contentType) {
            return inner.putStream(key, content, contentType);
        }

        @Override
        public void putBytes(String key, byte[] content, String contentType) {
            inner.putBytes(key, content, contentType);
        }

        @Override
        public InputStream get(String key) {
            return inner.get(key);
        }

        @Override
        public boolean exists(String key) {
            return inner.exists(key);
        }

        @Override
        public long size(String key) {
            return inner.size(key);
        }

        @Override
        public List<String> list(String prefix) {
            return inner.list(prefix);
        }

        @Override
        public List<String> incompleteUploads(String prefix) {
            return inner.incompleteUploads(prefix);
        }

        @Override
        public int abortIncompleteUploads(String prefix, Duration olderThan) {
            return inner.abortIncompleteUploads(prefix, olderThan);
        }
    }
}
