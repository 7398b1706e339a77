package io.bulwark.dumpworker.config;

import io.bulwark.dumpworker.config.CompilerSettle.State;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code requestConsumer} health indicator ({@code /actuator/health/requestConsumer}, also in the readiness
 * group): whether the worker takes backup requests yet. The consumer of {@value CompilerSettle#BINDING} starts only
 * once the application is ready and the JIT compilers have settled ({@link CompilerSettle}), so for up to that wait
 * after the start this is OUT_OF_SERVICE; UP once it started; DOWN, naming the exception, when starting it failed,
 * since the worker then runs without taking any request and only a restart helps.
 */
final class RequestConsumerHealthIndicator implements HealthIndicator {

    private final CompilerSettle settle;
    private final Duration max;

    /**
     * @param settle the start whose state this reports
     * @param max the longest the start waits for the compilers (shown while waiting)
     */
    RequestConsumerHealthIndicator(CompilerSettle settle, Duration max) {
        this.settle = settle;
        this.max = max;
    }

    @Override
    public Health health() {
        State state = settle.state();
        return switch (state.phase()) {
            case WAITING ->
                Health.outOfService()
                        .withDetail("binding", CompilerSettle.BINDING)
                        .withDetail("waitingFor", "the application to be ready and the JIT compilers to settle")
                        .withDetail("maxWaitMillis", Math.max(0, max.toMillis()))
                        .build();
            case STARTED ->
                Health.up().withDetail("binding", CompilerSettle.BINDING).build();
            case FAILED ->
                Health.down()
                        .withDetail("binding", CompilerSettle.BINDING)
                        .withDetail("problem", state.problem())
                        .build();
        };
    }
}
