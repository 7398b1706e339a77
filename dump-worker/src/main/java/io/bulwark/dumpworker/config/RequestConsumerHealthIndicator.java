package io.bulwark.dumpworker.config;

import io.bulwark.dumpworker.config.CompilerSettle.State;
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

    /** @param settle the start whose state (and longest wait, shown while waiting) this reports */
    RequestConsumerHealthIndicator(CompilerSettle settle) {
        this.settle = settle;
    }

    @Override
    public Health health() {
        State state = settle.state();
        return switch (state.phase()) {
            case WAITING ->
                Health.outOfService()
                        .withDetail("binding", CompilerSettle.BINDING)
                        .withDetail("waitingFor", "the application to be ready and the JIT compilers to settle")
                        .withDetail("maxWaitMillis", Math.max(0, settle.max().toMillis()))
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
