package io.bulwark.scheduler.domain.alerts;

import static io.bulwark.scheduler.domain.alerts.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.AlertSeverity;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MissedScheduleTest {

    private final MissedSchedule rule = new MissedSchedule(Duration.ofMinutes(15));

    @Test
    void aDueTimePastTheGraceThatWasNotFiredIsMissed() {
        var schedule = Fixtures.nightly(NOW.minus(Duration.ofMinutes(16)), NOW.minus(Duration.ofDays(1)), null);

        assertThat(rule.evaluate(Fixtures.state(null, List.of(), List.of(schedule), Set.of(), null), NOW))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(AlertSeverity.WARNING);
                    assertThat(f.dedupKey()).isEqualTo("chinook/MISSED_SCHEDULE/nightly");
                    assertThat(f.summary()).contains("schedule nightly was due 16m ago");
                });
    }

    @Test
    void aDueTimeWithinTheGraceIsNotMissedYet() {
        var schedule = Fixtures.nightly(NOW.minus(Duration.ofMinutes(14)), NOW.minus(Duration.ofDays(1)), null);

        assertThat(rule.evaluate(Fixtures.state(null, List.of(), List.of(schedule), Set.of(), null), NOW))
                .isEmpty();
    }

    @Test
    void aFiredBackupStillQueuedAfterTheGraceIsMissedAndOneThatStartedIsNot() {
        UUID backupId = UUID.randomUUID();
        var schedule = Fixtures.nightly(NOW.plus(Duration.ofHours(20)), NOW.minus(Duration.ofMinutes(20)), backupId);

        assertThat(rule.evaluate(Fixtures.state(null, List.of(), List.of(schedule), Set.of(backupId), null), NOW))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.summary()).contains("still queued 20m");
                    assertThat(f.backupId()).isEqualTo(backupId);
                });
        assertThat(rule.evaluate(Fixtures.state(null, List.of(), List.of(schedule), Set.of(), null), NOW))
                .isEmpty();
    }

    @Test
    void aDisabledScheduleIsNeverMissed() {
        var schedule = Fixtures.nightly(NOW.minus(Duration.ofHours(5)), null, null)
                .withEnabled(false, NOW.minus(Duration.ofHours(5)), NOW);

        assertThat(rule.evaluate(Fixtures.state(null, List.of(), List.of(schedule), Set.of(), null), NOW))
                .isEmpty();
    }
}
