package io.bulwark.dumpworker.application;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the worker rides out an object-store outage (Resilience4j): the circuit breaker every store
 * call goes through (see {@code ResilientObjectStore}), and a retry with exponential backoff around
 * one whole backup attempt when it failed because the store was unavailable. While the breaker is
 * open no dump is started: the attempt fails at once and the retry waits. Thread-safe.
 */
public final class StorageResilience {

    private final CircuitBreaker breaker;
    private final RetryConfig retryConfig;

    /**
     * @param breaker the breaker the store's calls go through
     * @param attempts attempts of one backup in all, at least 1
     * @param initialBackoff wait before the second attempt, doubled each time
     * @param maxBackoff longest wait between attempts
     */
    public StorageResilience(CircuitBreaker breaker, int attempts, Duration initialBackoff, Duration maxBackoff) {
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.retryConfig = RetryConfig.custom()
                .maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(initialBackoff, 2.0, maxBackoff))
                .retryExceptions(StorageUnavailableException.class)
                .failAfterMaxAttempts(false)
                .build();
    }

    /** The circuit breaker of the object store. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    /** True unless the breaker is open: then a dump would only end in an upload that cannot be made. */
    public boolean permitsCalls() {
        CircuitBreaker.State state = breaker.getState();
        return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }

    /**
     * Runs {@code attempt}, again after a backoff each time it throws {@link
     * StorageUnavailableException}, up to the configured number of attempts.
     *
     * @param name names the retry in logs and metrics, e.g. the backup id
     * @return what the first attempt that did not throw returned
     * @throws StorageUnavailableException from the last attempt when every attempt threw it
     */
    public <T> T retrying(String name, Supplier<T> attempt) {
        return Retry.of(name, retryConfig).executeSupplier(attempt);
    }

    /** The object store could not be reached or refused a call, or its circuit breaker is open. */
    public static class StorageUnavailableException extends RuntimeException {
        public StorageUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
