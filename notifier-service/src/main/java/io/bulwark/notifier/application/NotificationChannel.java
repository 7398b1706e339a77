package io.bulwark.notifier.application;

import io.bulwark.notifier.domain.Notification;

/**
 * Somewhere notifications go: email, Slack, Microsoft Teams, Discord, a signed webhook, the log.
 *
 * <p>Implementations are thread-safe and attempt a delivery once; retries with backoff and the circuit breaker are
 * wrapped around them per channel, and the outbox ({@link DeliveryOutbox}) retries later rounds.
 */
public interface NotificationChannel {

    /** The channel id, the key under {@code bulwark.notifier.channels} (e.g. {@code ops-mail}); {@code log}. */
    String name();

    /**
     * Delivers {@code notification}; returns once the channel accepted it.
     *
     * @throws DeliveryException when the channel did not accept it (unreachable, timeout, refused); {@link
     *     DeliveryException#permanent()} when trying again cannot help (e.g. HTTP 404: the webhook was removed)
     */
    void deliver(Notification notification);
}
