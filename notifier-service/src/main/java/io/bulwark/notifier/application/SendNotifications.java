package io.bulwark.notifier.application;

import io.bulwark.contracts.AlertChanged;
import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.notifier.domain.AlertNotificationRule;
import io.bulwark.notifier.domain.Notification;
import io.bulwark.notifier.domain.NotificationRule;
import io.bulwark.notifier.domain.Routing;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns events into notifications ({@link NotificationRule}, {@link AlertNotificationRule}), chooses their channels
 * ({@link Routing}) and records each notification with its deliveries in the outbox, in one transaction with the
 * source event's id ({@link DeliveryOutbox#record}); then it wakes the delivery worker ({@link DeliverNotifications}).
 *
 * <p>A source event is handled once, across restarts: a redelivered event records nothing and notifies nobody. An
 * event that notifies nobody (a PASSED verification without {@code notify-on-passed}) records nothing. Thread-safe.
 */
public class SendNotifications {

    private static final Logger log = LoggerFactory.getLogger(SendNotifications.class);

    private final NotificationRule rule;
    private final AlertNotificationRule alerts;
    private final Routing routing;
    private final DeliveryOutbox outbox;
    private final Clock clock;
    private final Runnable afterRecord;

    /**
     * @param rule which backup, verification and restore events notify
     * @param alerts how alerts and reports notify and route
     * @param routing which channels each notification goes to
     * @param outbox where notifications and their deliveries are recorded
     * @param clock the time of the records
     * @param afterRecord called after a notification was recorded (wakes the delivery worker); must not throw
     */
    public SendNotifications(
            NotificationRule rule,
            AlertNotificationRule alerts,
            Routing routing,
            DeliveryOutbox outbox,
            Clock clock,
            Runnable afterRecord) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.afterRecord = Objects.requireNonNull(afterRecord, "afterRecord");
    }

    /**
     * Notifies about an alert that opened, escalated or resolved.
     *
     * @return the notification recorded, or empty for a duplicate event
     * @throws InvalidEventException when a required field is missing
     */
    public Optional<Notification> onAlertChanged(AlertChanged event) {
        requireIdentity(event, "AlertChanged");
        if (event.kind() == null || event.state() == null || event.summary() == null) {
            throw new InvalidEventException("AlertChanged: kind, state and summary are required", null);
        }
        Notification notification = alerts.onAlertChanged(event);
        return record(event, notification, alerts.routingSubject(event, notification));
    }

    /**
     * Sends the periodic report to the channels that take reports.
     *
     * @return the notification recorded, or empty for a duplicate event
     * @throws InvalidEventException when a required field is missing
     */
    public Optional<Notification> onReportIssued(BackupReportIssued event) {
        if (event.eventId() == null) {
            throw new InvalidEventException("BackupReportIssued: eventId is required", null);
        }
        if (event.periodStart() == null || event.periodEnd() == null) {
            throw new InvalidEventException("BackupReportIssued: periodStart and periodEnd are required", null);
        }
        Notification notification = alerts.onReportIssued(event);
        return record(event, notification, Routing.Subject.of(notification));
    }

    /**
     * Notifies about a backup that could not be taken.
     *
     * @return the notification recorded, or empty for a duplicate event
     * @throws InvalidEventException when a required field is missing
     */
    public Optional<Notification> onBackupFailed(BackupFailed event) {
        requireIdentity(event, "BackupFailed");
        return handle(event, () -> rule.onBackupFailed(event));
    }

    /**
     * Notifies about a verification when the rule says so.
     *
     * @return the notification recorded, or empty when none is due or the event is a duplicate
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
     * @return the notification recorded, or empty for a duplicate event
     * @throws InvalidEventException when a required field is missing
     */
    public Optional<Notification> onRestoreFailed(RestoreFailed event) {
        requireIdentity(event, "RestoreFailed");
        return handle(event, () -> rule.onRestoreFailed(event));
    }

    /**
     * Notifies about a restore that succeeded.
     *
     * @return the notification recorded, or empty for a duplicate event
     * @throws InvalidEventException when a required field is missing
     */
    public Optional<Notification> onRestoreCompleted(RestoreCompleted event) {
        requireIdentity(event, "RestoreCompleted");
        return handle(event, () -> rule.onRestoreCompleted(event));
    }

    /**
     * Logs a deletion; deletions notify nobody yet.
     *
     * @throws InvalidEventException when a required field is missing: eventId, targetId, backupId or reason (the
     *     event's schema, {@code bulwark.backup.deleted.schema.json}), so that such a record is dead-lettered, not
     *     taken for a deletion
     */
    public void onBackupDeleted(BackupDeleted event) {
        requireIdentity(event, "BackupDeleted");
        if (event.backupId() == null) {
            throw new InvalidEventException("BackupDeleted: backupId is required", null);
        }
        if (event.reason() == null) {
            throw new InvalidEventException("BackupDeleted: reason is required", null);
        }
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
        Optional<Notification> notification = decide.get();
        if (notification.isEmpty()) {
            return Optional.empty();
        }
        return record(event, notification.get(), Routing.Subject.of(notification.get()));
    }

    private Optional<Notification> record(BulwarkEvent event, Notification notification, Routing.Subject subject) {
        List<String> channels = routing.channels(subject);
        if (!outbox.record(event.eventId(), notification, channels, clock.instant())) {
            log.info("Event {} was handled before; no notification", event.eventId());
            return Optional.empty();
        }
        if (channels.isEmpty()) {
            log.info(
                    "Notification {} ({} {}) matches no route; recorded, sent nowhere",
                    notification.notificationId(),
                    notification.severity(),
                    notification.kind());
        }
        afterRecord.run();
        return Optional.of(notification);
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
