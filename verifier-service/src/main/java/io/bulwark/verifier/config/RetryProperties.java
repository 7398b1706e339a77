package io.bulwark.verifier.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a verification that ended ERROR is tried again ({@code bulwark.verifier.retry.*}).
 *
 * @param attempts attempts of one verification in all, at least 1; default 3
 * @param initialBackoff wait before the second attempt, doubled each time; default 30 seconds
 * @param maxBackoff the longest wait between attempts, at least {@code initialBackoff}; default 10
 *     minutes
 */
@Validated
@ConfigurationProperties("bulwark.verifier.retry")
public record RetryProperties(
        @DefaultValue("3") int attempts,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("10m") Duration maxBackoff) {

    /**
     * @throws IllegalArgumentException naming the property when a value is out of range
     */
    public RetryProperties {
        if (attempts < 1) {
            throw new IllegalArgumentException(
                    "bulwark.verifier.retry.attempts must be at least 1 but was " + attempts);
        }
        if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException(
                    "bulwark.verifier.retry.initial-backoff must be positive but was " + initialBackoff);
        }
        if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("bulwark.verifier.retry.max-backoff must be at least initial-backoff ("
                    + initialBackoff + ") but was " + maxBackoff);
        }
    }
}
