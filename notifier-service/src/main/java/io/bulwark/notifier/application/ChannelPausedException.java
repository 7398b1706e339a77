package io.bulwark.notifier.application;

import java.time.Duration;

/**
 * The channel's circuit breaker is open: it failed too often lately, so no attempt was made. The delivery stays
 * PENDING and is tried again after {@link #retryAfter()}; the round does not count as a failed attempt.
 */
public class ChannelPausedException extends DeliveryException {

    private final Duration retryAfter;

    /**
     * @param channel the channel id
     * @param retryAfter how long the circuit stays open
     */
    public ChannelPausedException(String channel, Duration retryAfter) {
        super("channel " + channel + " is paused: its circuit breaker is open after repeated failures", null);
        this.retryAfter = retryAfter;
    }

    /** How long to wait before the next attempt. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
