package io.bulwark.notifier.application;

import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.notifier.domain.Notification;
import io.bulwark.notifier.domain.NotificationRule;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns events into notifications ({@link NotificationRule}) and hands each one to every channel.
 *
 * <p>Each source event is handled once ({@link ProcessedEvents}, in memory). A channel that fails
 * is logged at ERROR with the notification id and does not stop the other channels; the delivery is
 * not retried yet (later work: retry with backoff, circuit breaker, persisted outbox). Thread-safe.
 */
public class SendNotifications {

    private static final Logger log = LoggerFactory.getLogger(SendNotifications.class);

    private final NotificationRule rule;
    private final List<NotificationChannel> channels;
    private final ProcessedEvents processed;

    /**
     * @param rule which events notify
     * @param channels where notifications go, in delivery order
     * @param processed the ids of events handled before
     */
    public SendNotifications(NotificationRule rule, List<NotificationChannel> channels, ProcessedEvents processed) {
        this.rule = rule;
        this.channels = List.copyOf(channels);
        this.processed = processed;
    }

    /**
     * Notifies about a backup that could not be taken.
     *
     * @return the notification sent, or empty for a duplicate event
     * @throws InvalidEventException when a required field is missing
     */
    public Optional<Notification> onBackupFailed(BackupFailed event) {
        requireIdentity(event, "BackupFailed");
        return handle(event, () -> rule.onBackupFailed(event));
    }

    /**
     * Notifies about a verification when the rule says so.
     *
     * @return the notification sent, or empty when none is due or the event is a duplicate
     * @throws InvalidEventException when a required field is missing
     */
    public Optional<Notification> onBackupVerified(BackupVerified event) {
        requireIdentity(event, "BackupVerified");
        if (event.backupId() == null) {
            throw new InvalidEventException("BackupVerified: backupId is required", null);
        }
        if (event.outcome() == null) {
            throw new InvalidEventException("BackupVerified: outcome is required", null);
        }
        return handle(event, () -> rule.onBackupVerified(event));
    }

    /**
     * Notifies about a restore that failed.
     *
     * @return the notification sent, or empty for a duplicate event
     * @throws InvalidEventException when a required field is missing
     */
    public Optional<Notification> onRestoreFailed(RestoreFailed event) {
        requireIdentity(event, "RestoreFailed");
        return handle(event, () -> rule.onRestoreFailed(event));
    }

    /**
     * Notifies about a restore that succeeded.
     *
     * @return the notification sent, or empty for a duplicate event
     * @throws InvalidEventException when a required field is missing
     */
    public Optional<Notification> onRestoreCompleted(RestoreCompleted event) {
        requireIdentity(event, "RestoreCompleted");
        return handle(event, () -> rule.onRestoreCompleted(event));
    }

    /** Logs a deletion; deletions notify nobody yet. */
    public void onBackupDeleted(BackupDeleted event) {
        log.info(
                "Backup {} of {} deleted ({}, {}, {} objects under {})",
                event.backupId(),
                event.targetId(),
                event.reason(),
                event.policy(),
                event.objectsDeleted(),
                event.prefix());
    }

    private Optional<Notification> handle(BulwarkEvent event, Supplier<Optional<Notification>> decide) {
        if (!processed.firstTime(event.eventId())) {
            log.info("Event {} was handled before; no notification", event.eventId());
            return Optional.empty();
        }
        Optional<Notification> notification = decide.get();
        notification.ifPresent(this::deliver);
        return notification;
    }

    private void deliver(Notification notification) {
        for (NotificationChannel channel : channels) {
            try {
                channel.deliver(notification);
            } catch (RuntimeException e) {
                log.error(
                        "Notification {} ({} {} of {}) was NOT delivered to channel {}: {}",
                        notification.notificationId(),
                        notification.severity(),
                        notification.kind(),
                        notification.targetId(),
                        channel.name(),
                        e.getMessage());
            }
        }
    }

    private static void requireIdentity(BulwarkEvent event, String type) {
        if (event.eventId() == null) {
            throw new InvalidEventException(type + ": eventId is required", null);
        }
        if (event.targetId() == null || event.targetId().isBlank()) {
            throw new InvalidEventException(type + ": targetId is required", null);
        }
    }
}
