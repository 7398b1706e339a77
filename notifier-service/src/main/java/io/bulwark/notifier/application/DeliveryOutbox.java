package io.bulwark.notifier.application;

import io.bulwark.notifier.domain.Notification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The persisted delivery state (port): the processed source events and the outbox of deliveries, one per
 * notification and channel. Implementations are thread-safe and safe with several notifier instances on one
 * database.
 */
public interface DeliveryOutbox {

    /**
     * In one transaction: records {@code sourceEventId} as processed and, unless it was processed before, stores
     * {@code notification} (when present) with one PENDING delivery per channel, due at {@code now}.
     *
     * @param sourceEventId the event the notification comes from
     * @param notification the notification, or null when the event notifies nobody (it is still recorded)
     * @param channels the channel ids it goes to; may be empty
     * @param now the time of the records
     * @return false when the event was processed before (nothing is stored)
     */
    boolean record(UUID sourceEventId, Notification notification, List<String> channels, Instant now);

    /** The ids of up to {@code limit} PENDING deliveries due at {@code now}, oldest due first. */
    List<UUID> due(Instant now, int limit);

    /**
     * One attempt at a delivery, in one transaction: locks it (skipped when another instance holds it, or when it is
     * no longer PENDING and due), calls {@code attempt} and stores the result, committing right after the channel
     * answered.
     *
     * @param deliveryId the delivery
     * @param now the time of the attempt
     * @param attempt sends the delivery and says how it went
     * @return true when an attempt was made
     */
    boolean attempt(UUID deliveryId, Instant now, Function<PendingDelivery, Result> attempt);

    /** Up to {@code limit} notifications, newest first, each with its deliveries. */
    List<NotificationRecord> recent(int limit);

    /**
     * A delivery due for an attempt.
     *
     * @param deliveryId its id
     * @param channel the channel id
     * @param attempts rounds tried so far (0 for the first)
     * @param notification what to deliver
     */
    record PendingDelivery(UUID deliveryId, String channel, int attempts, Notification notification) {}

    /**
     * How an attempt went.
     *
     * @param state the new state: SENT, PENDING (try again at {@code nextAttemptAt}), FAILED or DEAD
     * @param countsAsAttempt false when no attempt was made (the circuit breaker is open)
     * @param nextAttemptAt when to try again (PENDING only; otherwise ignored)
     * @param error the redacted error, or null when SENT
     */
    record Result(DeliveryState state, boolean countsAsAttempt, Instant nextAttemptAt, String error) {}

    /**
     * A notification as stored, with its deliveries.
     *
     * @param notification the notification
     * @param createdAt when it was recorded
     * @param deliveries one per channel, ordered by channel id
     */
    record NotificationRecord(Notification notification, Instant createdAt, List<DeliveryStatus> deliveries) {}

    /**
     * The state of one delivery.
     *
     * @param channel the channel id
     * @param state where it is
     * @param attempts rounds tried
     * @param nextAttemptAt when it is tried next (PENDING), or null
     * @param lastError the last error (redacted), or null
     * @param sentAt when the channel accepted it, or null
     */
    record DeliveryStatus(
            String channel,
            DeliveryState state,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Instant sentAt) {}
}
