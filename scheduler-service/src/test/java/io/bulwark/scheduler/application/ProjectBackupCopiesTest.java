package io.bulwark.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.BackupCopyUpdated;
import io.bulwark.contracts.CopyState;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.scheduler.domain.BackupCopy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The projection of {@code bulwark.backup.copy}: what it stores, and events it refuses naming the field. */
class ProjectBackupCopiesTest {

    private static final UUID BACKUP = UUID.fromString("1a2b3c4d-0000-0000-0000-000000000001");
    private static final Instant AT = Instant.parse("2026-12-03T07:10:00Z");

    private final List<BackupCopy> saved = new ArrayList<>();
    private final ProjectBackupCopies projection = new ProjectBackupCopies(new CopyCatalog() {
        @Override
        public boolean saveIfNewer(BackupCopy copy) {
            saved.add(copy);
            return true;
        }

        @Override
        public List<BackupCopy> of(UUID backupId) {
            return List.copyOf(saved);
        }
    });

    private static BackupCopyUpdated event(UUID eventId, String copyId, CopyState state, long bytes) {
        return new BackupCopyUpdated(
                eventId, AT, 1, BACKUP, "chinook", copyId, state, "chinook/p/", 3, bytes, "ab".repeat(32), null);
    }

    @Test
    void storesTheEventsStateAtItsTime() {
        UUID eventId = UUID.randomUUID();
        assertThat(projection.project(event(eventId, "offsite", CopyState.COPIED, 2048)))
                .isTrue();
        assertThat(projection.copiesOf(BACKUP))
                .singleElement()
                .isEqualTo(new BackupCopy(
                        BACKUP, "offsite", CopyState.COPIED, "ab".repeat(32), 3, 2048, null, eventId, AT));
    }

    @Test
    void refusesAnEventWithoutCopyStoreStateOrWithNegativeSizesNamingTheField() {
        assertThatThrownBy(() -> projection.project(event(UUID.randomUUID(), " ", CopyState.COPIED, 1)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("copyId");
        assertThatThrownBy(() -> projection.project(event(UUID.randomUUID(), "offsite", null, 1)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("state");
        assertThatThrownBy(() -> projection.project(event(null, "offsite", CopyState.COPIED, 1)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("eventId");
        assertThatThrownBy(() -> projection.project(event(UUID.randomUUID(), "offsite", CopyState.COPIED, -1)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("bytes");
        assertThat(saved).isEmpty();
    }
}
