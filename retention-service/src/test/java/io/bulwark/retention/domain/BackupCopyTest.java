package io.bulwark.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.CopyState;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of a copy's life: when it is tried, when it is announced, that it is never made twice. */
class BackupCopyTest {

    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");
    private static final CatalogedBackup BACKUP = new CatalogedBackup(
            UUID.fromString("1a2b3c4d-0000-0000-0000-000000000001"),
            "chinook",
            "chinook/2026/11/nightly_20261101T020000Z_1a2b3c4d/",
            Tier.DAILY,
            T0,
            Outcome.PASSED);

    private final BackupCopy pending = BackupCopy.pending(BACKUP, "offsite", T0.plusSeconds(1));

    @Test
    void aPendingCopyIsDueButNotAnnounced() {
        assertThat(pending.state()).isEqualTo(CopyStatus.PENDING);
        assertThat(pending.due()).isTrue();
        assertThat(pending.attempts()).isZero();
        assertThat(pending.announcementDue()).isFalse();
        assertThat(pending.state().announced()).isNull();
    }

    @Test
    void aFailedAttemptIsRetriedAndAnnouncedOncePerStreak() {
        BackupCopy first = pending.failed("connection refused", T0.plusSeconds(2));
        assertThat(first.state()).isEqualTo(CopyStatus.FAILED);
        assertThat(first.due()).isTrue();
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.detail()).isEqualTo("connection refused");
        assertThat(first.announcementDue()).isTrue();

        BackupCopy second = first.announced().failed("connection refused", T0.plusSeconds(3));
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.announcementDue()).as("the streak was announced").isFalse();
    }

    @Test
    void aCopiedCopyIsNeverCopiedAgainAndIsAnnounced() {
        BackupCopy copied = pending.failed("down", T0.plusSeconds(2))
                .announced()
                .copied(3, 1234, "ab".repeat(32), T0.plusSeconds(3));
        assertThat(copied.state()).isEqualTo(CopyStatus.COPIED);
        assertThat(copied.attempts()).isEqualTo(2);
        assertThat(copied.detail()).isNull();
        assertThat(copied.sha256()).isEqualTo("ab".repeat(32));
        assertThat(copied.due()).isFalse();
        assertThat(copied.announcementDue()).isTrue();
        assertThat(copied.announced().announcementDue()).isFalse();
        assertThatThrownBy(() -> copied.copied(3, 1234, "ab".repeat(32), T0.plusSeconds(4)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never copied again");
        assertThatThrownBy(() -> copied.failed("x", T0.plusSeconds(4))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyACopiedCopyIsDeletedAndADeletedOneIsFinal() {
        assertThatThrownBy(() -> pending.deleted(0, 0, "rule", T0)).isInstanceOf(IllegalStateException.class);
        BackupCopy deleted = pending.copied(3, 100, "cd".repeat(32), T0.plusSeconds(2))
                .announced()
                .deleted(3, 100, "older than the 2 most recent verified backups", T0.plusSeconds(3));
        assertThat(deleted.state()).isEqualTo(CopyStatus.DELETED);
        assertThat(deleted.state().announced()).isEqualTo(CopyState.DELETED);
        assertThat(deleted.detail()).contains("older than");
        assertThat(deleted.due()).isFalse();
        assertThat(deleted.announcementDue()).isTrue();
        assertThatThrownBy(() -> deleted.deleted(3, 100, "again", T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEventIdIsDerivedFromBackupCopyStoreAndState() {
        BackupCopy failed = pending.failed("down", T0.plusSeconds(2));
        BackupCopy failedAgain = failed.failed("still down", T0.plusSeconds(3));
        BackupCopy copied = failed.copied(3, 1, "ef".repeat(32), T0.plusSeconds(4));
        BackupCopy elsewhere = BackupCopy.pending(BACKUP, "cold", T0).failed("down", T0.plusSeconds(2));
        assertThat(failedAgain.eventId()).isEqualTo(failed.eventId());
        assertThat(copied.eventId()).isNotEqualTo(failed.eventId());
        assertThat(elsewhere.eventId()).isNotEqualTo(failed.eventId());
        assertThat(BackupCopy.pending(BACKUP, "offsite", T0)
                        .copied(3, 1, "ef".repeat(32), T0.plusSeconds(9))
                        .eventId())
                .isEqualTo(copied.eventId());
    }
}
