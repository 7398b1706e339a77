package io.bulwark.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.BackupProgressed;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.scheduler.domain.ActiveBackup;
import io.bulwark.scheduler.domain.BackupProgress;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectBackupProgressTest {

    private static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");
    private static final UUID ID = UUID.randomUUID();

    private final InMemoryActivity activity = new InMemoryActivity();
    private final List<UUID> locks = new ArrayList<>();
    private final ProjectBackupProgress projection = new ProjectBackupProgress(
            activity,
            lockingCatalog(locks),
            Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC),
            new InlineTransactions());

    @Test
    void theNewestProgressIsKeptWhateverOrderTheEventsArriveIn() {
        BackupProgressed first = progressed(T0, 1_000, 100);
        BackupProgressed second = progressed(T0.plusSeconds(5), 6_000, 700);
        BackupProgressed third = progressed(T0.plusSeconds(10), 11_000, 1_300);

        assertThat(projection.project(second)).isTrue();
        assertThat(projection.project(third)).isTrue();
        assertThat(projection.project(first))
                .as("an older progress never overwrites a newer one")
                .isFalse();

        assertThat(activity.progress.get(ID))
                .isEqualTo(new BackupProgress(ID, "chinook", 2_600, 1_300, 11_000, T0.plusSeconds(10)));
        assertThat(activity.saves).isEqualTo(2);
        assertThat(locks)
                .as("each projection holds the backup's lock")
                .containsOnly(ID)
                .hasSize(3);
    }

    @Test
    void aRepeatedDeliveryChangesNothing() {
        BackupProgressed event = progressed(T0, 1_000, 100);

        assertThat(projection.project(event)).isTrue();
        assertThat(projection.project(event)).isFalse();

        assertThat(activity.saves).isEqualTo(1);
    }

    @Test
    void aBackupFirstSeenThroughItsProgressIsStampedWithTheClock() {
        projection.project(progressed(T0, 1_000, 100));

        assertThat(activity.savedAt).containsExactly(T0.plusSeconds(3600));
    }

    @Test
    void anEventWithoutATargetIsInvalidAndStoresNothing() {
        BackupProgressed noTarget = new BackupProgressed(UUID.randomUUID(), T0, 1, ID, ID, null, 1, 1, 1);

        assertThatThrownBy(() -> projection.project(noTarget))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("bulwark.backup.progress")
                .hasMessageContaining("targetId");
        assertThat(activity.saves).isZero();
    }

    private static BackupProgressed progressed(Instant at, long elapsedMillis, long bytesWritten) {
        return new BackupProgressed(
                UUID.randomUUID(), at, 1, ID, ID, "chinook", bytesWritten * 2, bytesWritten, elapsedMillis);
    }

    /** A backup catalog of which only {@link BackupCatalog#lock} is used: it records the locked ids. */
    private static BackupCatalog lockingCatalog(List<UUID> locks) {
        return (BackupCatalog) Proxy.newProxyInstance(
                BackupCatalog.class.getClassLoader(), new Class<?>[] {BackupCatalog.class}, (proxy, method, args) -> {
                    if (method.getName().equals("lock")) {
                        locks.add((UUID) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName() + " is not used here");
                });
    }

    private static final class InMemoryActivity implements ActivityCatalog {

        final Map<UUID, BackupProgress> progress = new HashMap<>();
        final List<Instant> savedAt = new ArrayList<>();
        int saves;

        @Override
        public Optional<BackupProgress> progress(UUID backupId) {
            return Optional.ofNullable(progress.get(backupId));
        }

        @Override
        public void saveProgress(BackupProgress p, Instant now) {
            saves++;
            savedAt.add(now);
            progress.put(p.backupId(), p);
        }

        @Override
        public List<ActiveBackup> activeBackups(int limit) {
            return List.of();
        }
    }
}
