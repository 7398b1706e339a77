package io.bulwark.scheduler.config;

import java.time.Duration;

/**
 * The range checks of the {@code @ConfigurationProperties} records: each throws an {@link IllegalArgumentException}
 * whose message names the full property ({@code bulwark.alerts.evaluate-interval must be positive but was PT0S}), so
 * a bad value stops the start-up with the key to fix.
 */
final class PropertyChecks {

    private PropertyChecks() {}

    /**
     * @param property the full key, e.g. {@code bulwark.reports.poll-interval}
     * @throws IllegalArgumentException when {@code value} is null, zero or negative
     */
    static void requirePositive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be positive but was " + value);
        }
    }

    /**
     * @param property the full key
     * @throws IllegalArgumentException when {@code value} is null or negative (zero is allowed)
     */
    static void requireNotNegative(String property, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(property + " must not be negative but was " + value);
        }
    }

    /**
     * @param property the full key
     * @throws IllegalArgumentException when {@code value} is below {@code least}
     */
    static void requireAtLeast(String property, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(property + " must be at least " + least + " but was " + value);
        }
    }
}
