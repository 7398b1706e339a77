package io.bulwark.retention.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.DeletionReason;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.retention.domain.CatalogedBackup;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HoldBackupsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

    private final CatalogedBackup backup = new CatalogedBackup(
            UUID.randomUUID(), "chinook", "chinook/2026/11/nightly_x/", Tier.DAILY, T0, Outcome.PASSED);
    private final InMemoryHoldStore holds = new InMemoryHoldStore();
    private final InMemoryDeletionLedger ledger = new InMemoryDeletionLedger(id -> backup);
    private final List<String> lockCalls = new ArrayList<>();
    private ObjectLocks.Outcome lockOutcome = ObjectLocks.Outcome.APPLIED;
    private final ObjectLocks locks = new ObjectLocks() {
        @Override
        public Outcome lock(String prefix, Instant until) {
            lockCalls.add("lock " + prefix + " " + until);
            if (lockOutcome == null) {
                throw new IllegalStateException("store down");
            }
            return lockOutcome;
        }

        @Override
        public Outcome unlock(String prefix, Instant until) {
            lockCalls.add("unlock " + prefix + " " + until);
            return lockOutcome;
        }
    };
    private final BackupCatalog catalog = new BackupCatalog() {
        @Override
        public boolean recordVerification(UUID eventId, CatalogedBackup b, Instant verifiedAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<CatalogedBackup> find(UUID backupId) {
            return backup.backupId().equals(backupId) ? Optional.of(backup) : Optional.empty();
        }

        @Override
        public List<CatalogedBackup> liveBackups(String targetId) {
            return List.of(backup);
        }

        @Override
        public List<String> targetsWithLiveBackups() {
            return List.of("chinook");
        }

        @Override
        public void markDeleted(UUID backupId, Instant deletedAt) {}
    };
    private final HoldBackups hold = new HoldBackups(catalog, holds, ledger, locks, Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void placesAHoldLocksTheObjectsAndReleasesBoth() {
        Instant until = T0.plusSeconds(86_400);

        HoldBackups.Result placed = hold.place(backup.backupId(), "  legal: case 42 ", until, "alice");

        assertThat(placed.hold().reason()).isEqualTo("legal: case 42");
        assertThat(placed.hold().heldBy()).isEqualTo("alice");
        assertThat(placed.objectLock()).isEqualTo(HoldBackups.Lock.APPLIED);
        assertThat(hold.list()).containsExactly(placed.hold());

        HoldBackups.Result released = hold.release(backup.backupId(), "bob");

        assertThat(released.hold()).isEqualTo(placed.hold());
        assertThat(holds.releases).containsExactly(backup.backupId() + " by bob");
        assertThat(lockCalls)
                .containsExactly("lock " + backup.prefix() + " " + until, "unlock " + backup.prefix() + " " + until);
        assertThatThrownBy(() -> hold.release(backup.backupId(), "bob")).isInstanceOf(HoldNotFoundException.class);
    }

    @Test
    void refusesABadReasonOrUntilNamingTheField() {
        assertField(() -> hold.place(backup.backupId(), " ", null, "alice"), "reason");
        assertField(() -> hold.place(backup.backupId(), null, null, "alice"), "reason");
        assertField(() -> hold.place(backup.backupId(), "x".repeat(501), null, "alice"), "reason");
        assertField(() -> hold.place(backup.backupId(), "ok", T0, "alice"), "until");
        assertThat(hold.place(backup.backupId(), "x".repeat(500), null, "alice")
                        .hold()
                        .reason())
                .hasSize(500);
    }

    @Test
    void refusesAnUnknownBackupASecondHoldAndABackupBeingDeleted() {
        assertThatThrownBy(() -> hold.place(UUID.randomUUID(), "why", null, "alice"))
                .isInstanceOf(BackupNotFoundException.class);
        hold.place(backup.backupId(), "first", null, "alice");
        assertThatThrownBy(() -> hold.place(backup.backupId(), "second", null, "bob"))
                .isInstanceOf(BackupHeldException.class)
                .hasMessageContaining("alice");
        assertThat(holds.find(backup.backupId()).orElseThrow().reason()).isEqualTo("first");

        hold.release(backup.backupId(), "alice");
        ledger.begin(backup.backupId(), new DeletionIntent(DeletionReason.MANUAL, "manual", 1, 1, T0));
        assertThatThrownBy(() -> hold.place(backup.backupId(), "too late", null, "bob"))
                .isInstanceOf(DeletionInProgressException.class);
    }

    @Test
    void aStoreWithoutObjectLockOrDownLeavesTheCatalogHoldStanding() {
        lockOutcome = null;

        HoldBackups.Result placed = hold.place(backup.backupId(), "why", null, "alice");

        assertThat(placed.objectLock()).isEqualTo(HoldBackups.Lock.FAILED);
        assertThat(holds.find(backup.backupId())).isPresent();
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo(field));
    }
}
