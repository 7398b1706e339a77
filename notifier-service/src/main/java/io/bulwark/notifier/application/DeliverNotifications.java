package io.bulwark.notifier.application;

import io.bulwark.contracts.MessageRedactor;
import io.bulwark.notifier.domain.Notification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the due deliveries of the outbox, one round at a time, and sends a test notification on demand.
 *
 * <p>Each round of a delivery calls its channel (which retries in-process with backoff and has a circuit breaker,
 * see the channel wiring) and records the result right after the channel answered: SENT; PENDING again with the next
 * round after {@code roundBackoff × 2^(attempts-1)} (at most {@code maxRoundBackoff}); PENDING without counting the
 * round when the circuit breaker is open ({@link ChannelPausedException}); FAILED when the channel refused it for
 * good; DEAD after {@code maxRounds} failed rounds. A delivery whose channel is no longer configured is FAILED.
 * Thread-safe; several instances may run on one database (the outbox locks each delivery).
 */
public class DeliverNotifications {

    private static final Logger log = LoggerFactory.getLogger(DeliverNotifications.class);

    private final DeliveryOutbox outbox;
    private final Map<String, NotificationChannel> channels;
    private final Clock clock;
    private final Rounds rounds;

    /**
     * When and how often failed deliveries are tried again.
     *
     * @param maxRounds failed rounds after which a delivery is DEAD, at least 1
     * @param roundBackoff the wait after the first failed round
     * @param maxRoundBackoff the longest wait between rounds
     * @param batch how many due deliveries one call of {@link #deliverDue} takes, at least 1
     */
    public record Rounds(int maxRounds, Duration roundBackoff, Duration maxRoundBackoff, int batch) {

        public Rounds {
            if (maxRounds < 1 || batch < 1) {
                throw new IllegalArgumentException("maxRounds and batch must be at least 1");
            }
            Objects.requireNonNull(roundBackoff, "roundBackoff");
            Objects.requireNonNull(maxRoundBackoff, "maxRoundBackoff");
        }

        /** The wait after {@code failedRounds} failed rounds (1 or more). */
        Duration backoff(int failedRounds) {
            Duration wait = roundBackoff;
            for (int i = 1; i < failedRounds && wait.compareTo(maxRoundBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxRoundBackoff) > 0 ? maxRoundBackoff : wait;
        }
    }

    /**
     * @param outbox the persisted deliveries
     * @param channels every configured channel, by id
     * @param clock the time of attempts
     * @param rounds the retry schedule of rounds
     */
    public DeliverNotifications(DeliveryOutbox outbox, List<NotificationChannel> channels, Clock clock, Rounds rounds) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        Map<String, NotificationChannel> byId = new LinkedHashMap<>();
        for (NotificationChannel c : channels) {
            byId.put(c.name(), c);
        }
        this.channels = Map.copyOf(byId);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rounds = Objects.requireNonNull(rounds, "rounds");
    }

    /**
     * One pass over the due deliveries: up to {@code batch} of them.
     *
     * @return how many were attempted
     */
    public int deliverDue() {
        int attempted = 0;
        for (UUID id : outbox.due(clock.instant(), rounds.batch())) {
            if (outbox.attempt(id, clock.instant(), this::attemptOnce)) {
                attempted++;
            }
        }
        return attempted;
    }

    /**
     * Sends {@code notification} to the channel {@code channelId} now, outside the outbox (the test endpoint).
     *
     * @throws IllegalArgumentException when no channel has that id
     * @throws DeliveryException when the channel did not accept it
     */
    public void sendNow(String channelId, Notification notification) {
        NotificationChannel channel = channels.get(channelId);
        if (channel == null) {
            throw new IllegalArgumentException("no channel " + channelId + "; configured: " + channelIds());
        }
        channel.deliver(notification);
    }

    /** The configured channel ids, sorted. */
    public List<String> channelIds() {
        return channels.keySet().stream().sorted().toList();
    }

    private DeliveryOutbox.Result attemptOnce(DeliveryOutbox.PendingDelivery delivery) {
        Notification n = delivery.notification();
        NotificationChannel channel = channels.get(delivery.channel());
        if (channel == null) {
            return new DeliveryOutbox.Result(
                    DeliveryState.FAILED, true, null, "channel " + delivery.channel() + " is not configured");
        }
        try {
            channel.deliver(n);
            log.info("Notification {} ({} {}) sent to {}", n.notificationId(), n.severity(), n.kind(), channel.name());
            return new DeliveryOutbox.Result(DeliveryState.SENT, true, null, null);
        } catch (ChannelPausedException e) {
            // no attempt was made: the last real error stays
            return new DeliveryOutbox.Result(
                    DeliveryState.PENDING, false, clock.instant().plus(e.retryAfter()), null);
        } catch (DeliveryException e) {
            return failed(delivery, e, e.permanent());
        } catch (RuntimeException e) {
            return failed(delivery, e, false);
        }
    }

    private DeliveryOutbox.Result failed(
            DeliveryOutbox.PendingDelivery delivery, RuntimeException e, boolean permanent) {
        Notification n = delivery.notification();
        int failedRounds = delivery.attempts() + 1;
        DeliveryState state = permanent
                ? DeliveryState.FAILED
                : failedRounds >= rounds.maxRounds() ? DeliveryState.DEAD : DeliveryState.PENDING;
        Instant next = state == DeliveryState.PENDING ? clock.instant().plus(rounds.backoff(failedRounds)) : null;
        log.warn(
                "Notification {} ({} {} of {}) NOT delivered to {} (round {}): {}; now {}{}",
                n.notificationId(),
                n.severity(),
                n.kind(),
                n.targetId(),
                delivery.channel(),
                failedRounds,
                redact(e),
                state,
                next == null ? "" : ", next round at " + next);
        return new DeliveryOutbox.Result(state, true, next, redact(e));
    }

    private static String redact(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return MessageRedactor.redact(message);
    }
}
