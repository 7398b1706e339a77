package io.bulwark.notifier.application;

import io.bulwark.notifier.domain.Notification;

/**
 * Somewhere notifications go: a webhook, the log, later email or Slack.
 *
 * <p>Implementations are thread-safe. A delivery is attempted once; retries with backoff and a
 * circuit breaker per channel (Resilience4j) are later work.
 */
public interface NotificationChannel {

    /** A short name for log lines, e.g. {@code webhook}. */
    String name();

    /**
     * Delivers {@code notification}.
     *
     * @throws DeliveryException when the channel did not accept it (unreachable, timeout, refused)
     */
    void deliver(Notification notification);
}
