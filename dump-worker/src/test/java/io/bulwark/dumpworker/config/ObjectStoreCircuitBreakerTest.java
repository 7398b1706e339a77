package io.bulwark.dumpworker.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.dumpworker.application.StorageResilience;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The object store's circuit breaker lets a trial call through by itself once its open duration has passed: the
 * worker reads the breaker's state before it starts a dump ({@link StorageResilience#permitsCalls()}) and starts no
 * call while it is open, so a breaker that waited for a call would stay open after the store came back.
 */
class ObjectStoreCircuitBreakerTest {

    @Test
    void anOpenBreakerTurnsHalfOpenWithoutACallOnceItsOpenDurationHasPassed() {
        DumpWorkerProperties worker = new DumpWorkerProperties(
                "pg_dump",
                "mariadb-dump",
                3,
                2,
                3,
                Duration.ofSeconds(5),
                Duration.ofHours(24),
                new DumpWorkerProperties.Storage(
                        8, Duration.ofSeconds(2), Duration.ofMinutes(1), 50, 4, Duration.ofSeconds(2)),
                false,
                false);
        CircuitBreaker breaker = new DumpWorkerConfiguration().objectStoreCircuitBreaker(worker);
        StorageResilience storage = new StorageResilience(breaker, 8, Duration.ofSeconds(2), Duration.ofMinutes(1));
        for (int i = 0; i < 4; i++) {
            breaker.onError(0, TimeUnit.MILLISECONDS, new IllegalStateException("connection refused"));
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        Awaitility.await("the breaker half-open after its open duration")
                .atMost(Duration.ofSeconds(10))
                .until(storage::permitsCalls);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }
}
