package io.bulwark.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.BackupProgressed;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BackupProgressTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");

    @Test
    void anyProgressIsNewerThanNone() {
        assertThat(progress(T0, 1_000, 10).isNewerThan(null)).isTrue();
    }

    @Test
    void theLaterEventWinsWhateverTheBytes() {
        BackupProgress early = progress(T0, 5_000, 900);
        BackupProgress late = progress(T0.plusSeconds(5), 10_000, 100);

        assertThat(late.isNewerThan(early)).isTrue();
        assertThat(early.isNewerThan(late))
                .as("an older progress never overwrites a newer one")
                .isFalse();
    }

    @Test
    void atTheSameInstantTheLongerElapsedTimeThenTheMoreBytesWin() {
        BackupProgress shorter = progress(T0, 1_000, 100);
        BackupProgress longer = progress(T0, 2_000, 50);
        BackupProgress moreBytes = progress(T0, 2_000, 60);

        assertThat(longer.isNewerThan(shorter)).isTrue();
        assertThat(shorter.isNewerThan(longer)).isFalse();
        assertThat(moreBytes.isNewerThan(longer)).isTrue();
        assertThat(longer.isNewerThan(moreBytes)).isFalse();
    }

    @Test
    void aRepeatedDeliveryIsNotNewer() {
        assertThat(progress(T0, 1_000, 100).isNewerThan(progress(T0, 1_000, 100)))
                .isFalse();
    }

    @Test
    void ofTakesTheRequestIdWhenTheBackupIdIsMissing() {
        UUID request = UUID.randomUUID();
        BackupProgress p = BackupProgress.of(
                new BackupProgressed(UUID.randomUUID(), T0, 1, null, request, "chinook", 7, 3, 1_500));

        assertThat(p).isEqualTo(new BackupProgress(request, "chinook", 7, 3, 1_500, T0));
    }

    @Test
    void ofRefusesAnEventWithoutBackupTargetOrTime() {
        assertThatThrownBy(() -> BackupProgress.of(
                        new BackupProgressed(UUID.randomUUID(), T0, 1, null, null, "chinook", 1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backupId");
        assertThatThrownBy(
                        () -> BackupProgress.of(new BackupProgressed(UUID.randomUUID(), T0, 1, ID, ID, " ", 1, 1, 1)))
                .hasMessageContaining("targetId");
        assertThatThrownBy(() ->
                        BackupProgress.of(new BackupProgressed(UUID.randomUUID(), null, 1, ID, ID, "chinook", 1, 1, 1)))
                .hasMessageContaining("occurredAt");
        assertThatThrownBy(() ->
                        BackupProgress.of(new BackupProgressed(UUID.randomUUID(), T0, 1, ID, ID, "chinook", -1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    private static BackupProgress progress(Instant at, long elapsedMillis, long bytesWritten) {
        return new BackupProgress(ID, "chinook", bytesWritten * 2, bytesWritten, elapsedMillis, at);
    }
}
