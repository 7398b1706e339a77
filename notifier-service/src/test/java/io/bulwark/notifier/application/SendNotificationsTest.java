package io.bulwark.notifier.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.DeletionReason;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Outcome;
import io.bulwark.notifier.Events;
import io.bulwark.notifier.domain.AlertNotificationRule;
import io.bulwark.notifier.domain.Notification;
import io.bulwark.notifier.domain.NotificationRule;
import io.bulwark.notifier.domain.Routing;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SendNotificationsTest {

    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<Notification> delivered = new ArrayList<>();
    private final NotificationChannel broken = new NotificationChannel() {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public void deliver(Notification notification) {
            throw new DeliveryException("receiver down", null);
        }
    };
    private final NotificationChannel recording = new NotificationChannel() {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void deliver(Notification notification) {
            delivered.add(notification);
        }
    };
    private final DeliverNotifications deliver = new DeliverNotifications(
            outbox,
            List.of(broken, recording),
            Clock.systemUTC(),
            new DeliverNotifications.Rounds(2, Duration.ZERO, Duration.ZERO, 10));
    private final SendNotifications send = new SendNotifications(
            new NotificationRule(false),
            new AlertNotificationRule(),
            new Routing(List.of(), List.of("broken", "recording")),
            outbox,
            Clock.systemUTC(),
            deliver::deliverDue);

    @Test
    void aDuplicateEventNotifiesOnlyOnce() {
        BackupVerified event = Events.verified("chinook", Outcome.FAILED);

        assertThat(send.onBackupVerified(event)).isPresent();
        assertThat(send.onBackupVerified(event)).isEmpty();

        assertThat(delivered).hasSize(1);
    }

    @Test
    void aFailingChannelDoesNotStopTheOthersAndEndsDeadAfterItsRounds() {
        send.onBackupFailed(Events.failed("chinook"));

        assertThat(delivered)
                .singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo("backup.failed"));
        assertThat(outbox.states()).containsEntry("recording", DeliveryState.SENT);
        deliver.deliverDue();
        assertThat(outbox.states()).containsEntry("broken", DeliveryState.DEAD);
        assertThat(outbox.recent(1).getFirst().deliveries())
                .filteredOn(d -> d.channel().equals("broken"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.attempts()).isEqualTo(2);
                    assertThat(d.lastError()).isEqualTo("receiver down");
                });
    }

    @Test
    void anEventWithoutOutcomeIsInvalid() {
        BackupVerified good = Events.verified("chinook", Outcome.FAILED);
        BackupVerified bad = new BackupVerified(
                good.eventId(),
                good.occurredAt(),
                1,
                good.backupId(),
                good.targetId(),
                null,
                good.checks(),
                null,
                "local",
                null,
                good.prefix(),
                null,
                null);

        assertThatThrownBy(() -> send.onBackupVerified(bad))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("outcome");
    }

    @Test
    void aDeletionWithoutBackupIdOrReasonIsInvalid() {
        UUID eventId = UUID.randomUUID();
        BackupDeleted valid = new BackupDeleted(
                eventId, Events.AT, 1, UUID.randomUUID(), "chinook", DeletionReason.MANUAL, null, "p/", 3);
        BackupDeleted noBackupId =
                new BackupDeleted(eventId, Events.AT, 1, null, "chinook", DeletionReason.MANUAL, null, "p/", 3);
        BackupDeleted noReason =
                new BackupDeleted(eventId, Events.AT, 1, valid.backupId(), "chinook", null, null, "p/", 3);
        BackupDeleted empty = new BackupDeleted(null, null, 1, null, null, null, null, null, 0);

        send.onBackupDeleted(valid);
        assertThatThrownBy(() -> send.onBackupDeleted(noBackupId))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("backupId");
        assertThatThrownBy(() -> send.onBackupDeleted(noReason))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> send.onBackupDeleted(empty))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("eventId");
    }
}
