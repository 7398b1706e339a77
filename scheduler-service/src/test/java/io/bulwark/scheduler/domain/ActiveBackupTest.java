package io.bulwark.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActiveBackupTest {

    @Test
    void percentIsBytesWrittenAgainstThePreviousBackupRoundedDown() {
        assertThat(active(250L, 1_000L).percent()).isEqualTo(25);
        assertThat(active(999L, 1_000L).percent()).isEqualTo(99);
        assertThat(active(0L, 1_000L).percent()).isZero();
    }

    @Test
    void percentIsCappedAt99WhenTheDumpOutgrowsThePreviousBackup() {
        assertThat(active(1_000L, 1_000L).percent()).isEqualTo(99);
        assertThat(active(5_000L, 1_000L).percent()).isEqualTo(99);
    }

    @Test
    void percentIsUnknownWithoutProgressOrWithoutAPreviousBackup() {
        assertThat(active(null, 1_000L).percent()).isNull();
        assertThat(active(100L, null).percent()).isNull();
        assertThat(active(100L, 0L).percent()).isNull();
    }

    @Test
    void phaseFollowsTheStateAndWhetherProgressWasSeen() {
        assertThat(ActivityPhase.of(BackupState.REQUESTED, false)).isEqualTo(ActivityPhase.QUEUED);
        assertThat(ActivityPhase.of(BackupState.REQUESTED, true)).isEqualTo(ActivityPhase.DUMPING);
        assertThat(ActivityPhase.of(BackupState.COMPLETED, true)).isEqualTo(ActivityPhase.VERIFYING);
        assertThat(ActivityPhase.of(BackupState.VERIFIED, true)).isNull();
        assertThat(ActivityPhase.of(BackupState.FAILED, true)).isNull();
    }

    private static ActiveBackup active(Long bytesWritten, Long expectedBytes) {
        return new ActiveBackup(
                UUID.randomUUID(),
                "chinook",
                ActivityPhase.DUMPING,
                null,
                null,
                bytesWritten,
                bytesWritten,
                1_000L,
                expectedBytes);
    }
}
