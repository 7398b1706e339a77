package io.bulwark.service.consumer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The pause between two attempts at a record while an infrastructure outage lasts ({@code bulwark.consumers.outage.*}):
 * it starts at {@code initialInterval} and doubles up to {@code maxInterval}, without a limit on the attempts.
 *
 * @param initialInterval the first pause, default 1s
 * @param maxInterval the longest pause, default 30s
 * @throws IllegalArgumentException naming the property when a pause is below 1 ms or the maximum below the first
 */
@ConfigurationProperties("bulwark.consumers.outage")
public record OutageBackOffProperties(
        @DefaultValue("1s") Duration initialInterval,
        @DefaultValue("30s") Duration maxInterval) {

    public OutageBackOffProperties {
        initialInterval = initialInterval == null ? Duration.ofSeconds(1) : initialInterval;
        maxInterval = maxInterval == null ? Duration.ofSeconds(30) : maxInterval;
        if (initialInterval.toMillis() < 1) {
            throw new IllegalArgumentException("bulwark.consumers.outage.initial-interval must be at least 1ms");
        }
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException(
                    "bulwark.consumers.outage.max-interval must be at least bulwark.consumers.outage.initial-interval");
        }
    }

    /** The defaults: 1 s doubling to 30 s. */
    public static OutageBackOffProperties defaults() {
        return new OutageBackOffProperties(null, null);
    }

    /** A new back-off of these pauses: doubling, capped, never giving up. */
    public BackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
        backOff.setMaxInterval(maxInterval.toMillis());
        return backOff;
    }
}
