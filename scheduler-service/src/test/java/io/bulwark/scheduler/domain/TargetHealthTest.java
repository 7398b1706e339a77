package io.bulwark.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.Outcome;
import io.bulwark.scheduler.domain.TargetHealth.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TargetHealthTest {

    private static final Instant NOW = Instant.parse("2026-12-03T07:00:00Z");
    private static final Duration RPO = Duration.ofHours(25);
    private static final UUID BACKUP = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private static TargetHealth ageOf(Duration age) {
        return TargetHealth.evaluate(RPO, NOW, NOW.minus(age), passed(), null);
    }

    private static TargetHealth.Verification passed() {
        return new TargetHealth.Verification(BACKUP, Outcome.PASSED, NOW.minusSeconds(60), List.of());
    }

    @Test
    void greenBelowEightyPercentOfTheRpo() {
        TargetHealth health = ageOf(Duration.ofHours(20).minusSeconds(1));
        assertThat(health.status()).isEqualTo(Status.GREEN);
        assertThat(health.reason()).isEqualTo("last verified backup is 19h 59m old; RPO is 25h");
    }

    @Test
    void amberFromExactlyEightyPercentUpToAndIncludingTheRpo() {
        assertThat(ageOf(Duration.ofHours(20)).status()).isEqualTo(Status.AMBER);
        assertThat(ageOf(RPO).status()).isEqualTo(Status.AMBER);
        assertThat(ageOf(RPO).reason())
                .isEqualTo("last verified backup is 25h old; RPO is 25h (80% or more of it used)");
    }

    @Test
    void redOnceTheRpoIsBreached() {
        assertThat(ageOf(RPO.plusSeconds(1)).status()).isEqualTo(Status.RED);
        TargetHealth health = ageOf(Duration.ofHours(26));
        assertThat(health.status()).isEqualTo(Status.RED);
        assertThat(health.reason()).isEqualTo("last verified backup is 26h old; RPO is 25h (breached)");
    }

    @Test
    void redWhenTheLatestVerificationFailedOrErredEvenWithAFreshVerifiedBackup() {
        var failed = new TargetHealth.Verification(BACKUP, Outcome.FAILED, NOW, List.of("checksum", "row-counts"));
        TargetHealth health = TargetHealth.evaluate(RPO, NOW, NOW.minusSeconds(60), failed, null);
        assertThat(health.status()).isEqualTo(Status.RED);
        assertThat(health.reason())
                .isEqualTo("latest verification of backup " + BACKUP
                        + " ended FAILED (failed checks: checksum, row-counts)");
        var error = new TargetHealth.Verification(BACKUP, Outcome.ERROR, NOW, List.of());
        assertThat(TargetHealth.evaluate(RPO, NOW, null, error, null).status()).isEqualTo(Status.RED);
    }

    @Test
    void unknownWithoutAnyVerifiedBackupOrFailureRedWhenDumpsFailed() {
        TargetHealth unknown = TargetHealth.evaluate(RPO, NOW, null, null, null);
        assertThat(unknown.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unknown.reason()).isEqualTo("no verified backup yet");
        TargetHealth failing = TargetHealth.evaluate(RPO, NOW, null, null, NOW.minusSeconds(5));
        assertThat(failing.status()).isEqualTo(Status.RED);
        assertThat(failing.reason()).contains("latest backup failed");
    }

    @Test
    void aFailedDumpDoesNotHideAFreshVerifiedBackup() {
        assertThat(TargetHealth.evaluate(RPO, NOW, NOW.minusSeconds(3600), passed(), NOW.minusSeconds(5))
                        .status())
                .isEqualTo(Status.GREEN);
    }

    @Test
    void aBackupFromTheFutureCountsAsBrandNew() {
        TargetHealth health = TargetHealth.evaluate(RPO, NOW, NOW.plusSeconds(30), passed(), null);
        assertThat(health.status()).isEqualTo(Status.GREEN);
        assertThat(health.reason()).startsWith("last verified backup is 0s old");
    }

    @Test
    void rejectsAnRpoNotLongerThanZero() {
        assertThatThrownBy(() -> TargetHealth.evaluate(Duration.ZERO, NOW, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rpo");
    }

    @Test
    void humanDurations() {
        assertThat(TargetHealth.human(Duration.ofSeconds(12))).isEqualTo("12s");
        assertThat(TargetHealth.human(Duration.ofMinutes(45).plusSeconds(3))).isEqualTo("45m 3s");
        assertThat(TargetHealth.human(Duration.ofMinutes(90))).isEqualTo("1h 30m");
        assertThat(TargetHealth.human(Duration.ofHours(71))).isEqualTo("71h");
        assertThat(TargetHealth.human(Duration.ofHours(74))).isEqualTo("3d 2h");
    }
}
