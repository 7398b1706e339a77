package io.bulwark.retention.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.DeletionReason;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.retention.domain.CatalogedBackup;
import io.bulwark.retention.domain.Period;
import io.bulwark.retention.domain.RetentionPolicy;
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

class ExpireBackupsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final FlakyStore store = new FlakyStore();
    private final List<BackupDeleted> published = new ArrayList<>();
    private final InMemoryDeletionLedger ledger = new InMemoryDeletionLedger(id -> catalog.live.get(id));
    private final InMemoryHoldStore holds = new InMemoryHoldStore();
    private final ExpireBackups expire = new ExpireBackups(
            catalog,
            new DeleteBackup(
                    catalog, ledger, holds, store, published::add, Clock.fixed(T0, ZoneOffset.UTC), bytes -> {}),
            target -> RetentionPolicy.keepLast(1),
            Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void deletesObjectsMarksDeletedAndPublishesOneEventPerExpiredBackup() {
        CatalogedBackup old = catalog.add(1, Outcome.PASSED);
        catalog.add(2, Outcome.PASSED);

        List<BackupDeleted> deleted = expire.expire("chinook");

        assertThat(deleted).singleElement().satisfies(e -> {
            assertThat(e.backupId()).isEqualTo(old.backupId());
            assertThat(e.reason()).isEqualTo(DeletionReason.RETENTION);
            assertThat(e.policy()).isEqualTo("matches no keep rule (not among the last 1)");
            assertThat(e.prefix()).isEqualTo(old.prefix());
            assertThat(e.objectsDeleted()).isEqualTo(3);
            assertThat(e.bytesReclaimed()).isEqualTo(30);
        });
        assertThat(published).isEqualTo(deleted);
        assertThat(store.deletedPrefixes).containsExactly(old.prefix());
        assertThat(catalog.liveBackups("chinook"))
                .extracting(CatalogedBackup::backupId)
                .doesNotContain(old.backupId());
    }

    @Test
    void aFailedDeleteLeavesTheBackupLiveAndIsRetriedOnTheNextRun() {
        CatalogedBackup old = catalog.add(1, Outcome.PASSED);
        catalog.add(2, Outcome.PASSED);
        store.failuresLeft = 1;

        assertThat(expire.expire("chinook")).isEmpty();
        assertThat(published).isEmpty();
        assertThat(catalog.liveBackups("chinook"))
                .extracting(CatalogedBackup::backupId)
                .contains(old.backupId());

        List<BackupDeleted> retried = expire.expire("chinook");

        assertThat(retried).extracting(BackupDeleted::backupId).containsExactly(old.backupId());
        assertThat(catalog.liveBackups("chinook")).hasSize(1);
    }

    @Test
    void planSaysWhatWouldGoWithoutDeletingAndTheSweepThenDeletesIt() {
        CatalogedBackup old = catalog.add(1, Outcome.PASSED);
        catalog.add(2, Outcome.PASSED);

        assertThat(expire.plan("chinook"))
                .filteredOn(d -> d.expires())
                .singleElement()
                .satisfies(d -> assertThat(d.backup()).isEqualTo(old));
        assertThat(store.deletedPrefixes).isEmpty();
        assertThat(published).isEmpty();

        assertThat(expire.expireAll()).extracting(BackupDeleted::backupId).containsExactly(old.backupId());
        assertThat(expire.expireAll()).isEmpty();
    }

    @Test
    void theSweepDeletesExactlyThePlansDeleteDecisionsNamingEachRule() {
        ExpireBackups gfs = new ExpireBackups(
                catalog,
                new DeleteBackup(
                        catalog, ledger, holds, store, published::add, Clock.fixed(T0, ZoneOffset.UTC), bytes -> {}),
                target -> RetentionPolicy.builder().keep(Period.DAILY, 2).build(),
                Clock.fixed(T0, ZoneOffset.UTC));
        CatalogedBackup failedLongAgo = catalog.add(-10, Outcome.FAILED);
        CatalogedBackup failedRecently = catalog.add(-2, Outcome.FAILED);
        CatalogedBackup pending = catalog.add(-20, null);
        CatalogedBackup beyond = catalog.add(-3, Outcome.PASSED);
        CatalogedBackup kept1 = catalog.add(-1, Outcome.PASSED);
        CatalogedBackup kept2 = catalog.add(0, Outcome.PASSED);

        List<UUID> planned = gfs.plan("chinook").stream()
                .filter(d -> d.expires())
                .map(d -> d.backup().backupId())
                .toList();
        List<BackupDeleted> deleted = gfs.expire("chinook");

        assertThat(planned).containsExactlyInAnyOrder(failedLongAgo.backupId(), beyond.backupId());
        assertThat(deleted).extracting(BackupDeleted::backupId).containsExactlyInAnyOrderElementsOf(planned);
        assertThat(deleted)
                .extracting(BackupDeleted::policy)
                .containsExactlyInAnyOrder(
                        "keep-failed: FAILED 10d ago (kept 7d)",
                        "matches no keep rule (daily 2026-10-29 is beyond keep-daily 2)");
        assertThat(catalog.liveBackups("chinook")).containsExactlyInAnyOrder(failedRecently, pending, kept1, kept2);
    }

    @Test
    void aDeletionPublishedAgainCarriesTheSameEventId() {
        UUID backupId = UUID.randomUUID();

        assertThat(ExpireBackups.deletionEventId(backupId)).isEqualTo(ExpireBackups.deletionEventId(backupId));
        assertThat(ExpireBackups.deletionEventId(backupId))
                .isNotEqualTo(ExpireBackups.deletionEventId(UUID.randomUUID()));
    }

    @Test
    void aHeldBackupIsNotDeletedEvenWhenThePolicySaysDelete() {
        CatalogedBackup old = catalog.add(1, Outcome.PASSED);
        catalog.add(2, Outcome.PASSED);
        catalog.live.put(
                old.backupId(),
                new CatalogedBackup(
                        old.backupId(),
                        old.targetId(),
                        old.prefix(),
                        old.tier(),
                        old.completedAt(),
                        old.outcome(),
                        "legal: case 42"));

        assertThat(expire.expire("chinook")).isEmpty();
        assertThat(store.deletedPrefixes).isEmpty();
        assertThat(published).isEmpty();
        assertThat(catalog.liveBackups("chinook")).hasSize(2);
    }

    private final class InMemoryCatalog implements BackupCatalog {
        private final Map<UUID, CatalogedBackup> live = new LinkedHashMap<>();

        CatalogedBackup add(int day, Outcome outcome) {
            UUID id = UUID.randomUUID();
            CatalogedBackup backup = new CatalogedBackup(
                    id,
                    "chinook",
                    "chinook/2026/11/nightly_" + day + "/",
                    Tier.DAILY,
                    T0.plusSeconds(86_400L * day),
                    outcome);
            live.put(id, backup);
            return backup;
        }

        @Override
        public boolean recordVerification(UUID eventId, CatalogedBackup backup, Instant verifiedAt) {
            live.put(backup.backupId(), backup);
            return true;
        }

        @Override
        public List<CatalogedBackup> liveBackups(String targetId) {
            return List.copyOf(live.values());
        }

        @Override
        public List<String> targetsWithLiveBackups() {
            return live.isEmpty() ? List.of() : List.of("chinook");
        }

        @Override
        public Optional<CatalogedBackup> find(UUID backupId) {
            return Optional.ofNullable(live.get(backupId));
        }

        @Override
        public void markDeleted(UUID backupId, Instant deletedAt) {
            live.remove(backupId);
            ledger.finish(backupId);
        }
    }

    /**
     * Deletes nothing for real; lists three objects of 10 bytes under every prefix; fails the first {@code
     * failuresLeft} calls of {@code deletePrefix} like a store that is down.
     */
    private static final class FlakyStore implements ObjectStore {
        int failuresLeft;
        final List<String> deletedPrefixes = new ArrayList<>();

        @Override
        public int deletePrefix(String prefix) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new ObjectStoreException("connection refused", null);
            }
            deletedPrefixes.add(prefix);
            return 3;
        }

        @Override
        public String bucket() {
            return "bulwark";
        }

        @Override
        public long putStream(String key, InputStream content, String contentType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putBytes(String key, byte[] content, String contentType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream get(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean exists(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long size(String key) {
            return 10;
        }

        @Override
        public List<String> list(String prefix) {
            return List.of(prefix + "dump", prefix + "manifest.json", prefix + "verification.json");
        }

        @Override
        public void delete(String key) {}

        @Override
        public List<String> incompleteUploads(String prefix) {
            return List.of();
        }

        @Override
        public int abortIncompleteUploads(String prefix, Duration olderThan) {
            return 0;
        }
    }
}
