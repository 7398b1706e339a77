package io.bulwark.dumpworker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.support.GenericApplicationContext;

/** {@link RequestConsumerHealthIndicator} follows the start of the request consumer by {@link CompilerSettle}. */
class RequestConsumerHealthIndicatorTest {

    @Test
    void outOfServiceUntilTheConsumerStartsThenUp() {
        AtomicInteger starts = new AtomicInteger();
        CompilerSettle settle =
                new CompilerSettle(new GenericApplicationContext(), starts::incrementAndGet, Duration.ofSeconds(10));
        RequestConsumerHealthIndicator indicator = new RequestConsumerHealthIndicator(settle);

        Health waiting = indicator.health();
        assertThat(waiting.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(waiting.getDetails()).containsEntry("maxWaitMillis", 10_000L);

        settle.settleThenStart();

        assertThat(starts).hasValue(1);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicator.health().getDetails()).containsEntry("binding", CompilerSettle.BINDING);
    }

    @Test
    void downNamingTheProblemWhenTheConsumerCannotStart() {
        CompilerSettle settle = new CompilerSettle(
                new GenericApplicationContext(),
                () -> {
                    throw new IllegalStateException("binding backupRequested-in-0 is not bound");
                },
                Duration.ZERO);

        settle.settleThenStart();

        assertThat(settle.state().phase()).isEqualTo(CompilerSettle.Phase.FAILED);
        Health health = new RequestConsumerHealthIndicator(settle).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("problem").toString())
                .contains("IllegalStateException")
                .contains("is not bound");
    }
}
