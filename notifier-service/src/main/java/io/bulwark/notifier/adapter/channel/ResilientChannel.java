package io.bulwark.notifier.adapter.channel;

import io.bulwark.notifier.application.ChannelPausedException;
import io.bulwark.notifier.application.DeliveryException;
import io.bulwark.notifier.application.NotificationChannel;
import io.bulwark.notifier.domain.Notification;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * One channel behind Resilience4j: a {@link Retry} (in-process attempts with exponential backoff) around a {@link
 * CircuitBreaker}, both named after the channel.
 *
 * <p>A permanent {@link DeliveryException} is not retried. While the circuit is open no attempt is made and {@link
 * ChannelPausedException} tells the outbox to keep the delivery PENDING for the open period. Thread-safe.
 */
public class ResilientChannel implements NotificationChannel {

    private final NotificationChannel channel;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Duration openFor;

    /**
     * The resilience settings of a channel.
     *
     * @param attempts in-process attempts of one round, at least 1
     * @param backoff the wait after the first failed attempt; doubled after each further one
     * @param failureRateThreshold failed calls in percent (1-100) that open the circuit
     * @param window how many recent calls the failure rate is measured over, at least 1
     * @param openFor how long the circuit stays open before it lets a trial call through
     */
    public record Settings(int attempts, Duration backoff, float failureRateThreshold, int window, Duration openFor) {

        public Settings {
            if (attempts < 1 || window < 1 || failureRateThreshold <= 0 || failureRateThreshold > 100) {
                throw new IllegalArgumentException(
                        "attempts and window must be at least 1, failureRateThreshold in (0, 100]");
            }
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(openFor, "openFor");
        }
    }

    /**
     * @param channel the channel to protect
     * @param settings retry and circuit breaker settings
     */
    public ResilientChannel(NotificationChannel channel, Settings settings) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.openFor = settings.openFor();
        this.circuitBreaker = CircuitBreaker.of(
                channel.name(),
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(settings.failureRateThreshold())
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.window())
                        .minimumNumberOfCalls(settings.window())
                        .waitDurationInOpenState(settings.openFor())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .recordException(e ->
                                e instanceof DeliveryException d && !d.permanent() || !(e instanceof DeliveryException))
                        .build());
        this.retry = Retry.of(
                channel.name(),
                RetryConfig.custom()
                        .maxAttempts(settings.attempts())
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.backoff(), 2.0))
                        .retryOnException(e -> !(e instanceof CallNotPermittedException)
                                && !(e instanceof DeliveryException d && d.permanent()))
                        .failAfterMaxAttempts(false)
                        .build());
    }

    @Override
    public String name() {
        return channel.name();
    }

    /**
     * Delivers through the retry and the circuit breaker.
     *
     * @throws ChannelPausedException when the circuit is open
     * @throws DeliveryException when the last attempt failed
     */
    @Override
    public void deliver(Notification notification) {
        Runnable call = Retry.decorateRunnable(
                retry, CircuitBreaker.decorateRunnable(circuitBreaker, () -> channel.deliver(notification)));
        try {
            call.run();
        } catch (CallNotPermittedException e) {
            throw new ChannelPausedException(channel.name(), openFor);
        }
    }

    /** The circuit breaker's state, e.g. {@code OPEN}. */
    public CircuitBreaker.State state() {
        return circuitBreaker.getState();
    }
}
