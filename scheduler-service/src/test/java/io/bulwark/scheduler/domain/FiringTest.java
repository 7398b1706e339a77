package io.bulwark.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FiringTest {

    private static final Instant DUE = Instant.parse("2026-12-03T02:00:00Z");
    private static final Duration TOLERANCE = Duration.ofSeconds(65);
    /** Every hour on the hour. */
    private static final Function<Instant, Optional<Instant>> HOURLY = after ->
            Optional.of(after.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1)));

    @Test
    void anOnTimeDueTimeFiresWhateverThePolicy() {
        for (MissedRunPolicy policy : MissedRunPolicy.values()) {
            Firing firing = Firing.decide(DUE, DUE.plus(TOLERANCE), TOLERANCE, policy, HOURLY);
            assertThat(firing).isEqualTo(new Firing(true, false, Instant.parse("2026-12-03T03:00:00Z")));
        }
    }

    @Test
    void aMissedDueTimeFiresOnceUnderRunOnceAndNotUnderSkipAndBothJumpToTheFuture() {
        Instant now = DUE.plus(Duration.ofHours(3)).plusSeconds(1);
        assertThat(Firing.decide(DUE, now, TOLERANCE, MissedRunPolicy.RUN_ONCE, HOURLY))
                .isEqualTo(new Firing(true, true, Instant.parse("2026-12-03T06:00:00Z")));
        assertThat(Firing.decide(DUE, now, TOLERANCE, MissedRunPolicy.SKIP, HOURLY))
                .isEqualTo(new Firing(false, true, Instant.parse("2026-12-03T06:00:00Z")));
    }

    @Test
    void anExpressionThatNeverFiresAgainLeavesNoNextRun() {
        assertThat(Firing.decide(DUE, DUE, TOLERANCE, MissedRunPolicy.RUN_ONCE, after -> Optional.empty())
                        .nextRunAt())
                .isNull();
    }

    @Test
    void aTimeNotDueYetIsRefused() {
        assertThatThrownBy(() -> Firing.decide(DUE, DUE.minusSeconds(1), TOLERANCE, MissedRunPolicy.SKIP, HOURLY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
