package io.bulwark.service.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

class OutageBackOffPropertiesTest {

    @Test
    void pausesDoubleFromOneSecondToThirtyAndNeverGiveUp() {
        BackOffExecution execution =
                OutageBackOffProperties.defaults().backOff().start();
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            pauses.add(execution.nextBackOff());
        }
        assertThat(pauses.subList(0, 7)).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L);
        assertThat(pauses).doesNotContain(BackOffExecution.STOP).allMatch(p -> p <= 30_000L);
    }

    @Test
    void refusesAMaximumBelowTheFirstPause() {
        assertThatThrownBy(() -> new OutageBackOffProperties(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bulwark.consumers.outage.max-interval");
    }
}
