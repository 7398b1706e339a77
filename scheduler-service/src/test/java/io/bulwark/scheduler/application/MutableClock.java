package io.bulwark.scheduler.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A fixed clock in UTC that a test moves by hand, for the scheduler's unit and integration tests; {@link #withZone}
 * returns the same clock.
 */
public final class MutableClock extends Clock {

    private Instant now;

    /** A clock standing at {@code start}. */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock forward by {@code by} (backward when negative). */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    /** Puts the clock at {@code to}. */
    public void set(Instant to) {
        now = to;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
