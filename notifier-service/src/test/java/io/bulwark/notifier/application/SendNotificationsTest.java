package io.bulwark.notifier.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Outcome;
import io.bulwark.notifier.Events;
import io.bulwark.notifier.domain.Notification;
import io.bulwark.notifier.domain.NotificationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SendNotificationsTest {

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
    private final SendNotifications send =
            new SendNotifications(new NotificationRule(false), List.of(broken, recording), new ProcessedEvents(10));

    @Test
    void aDuplicateEventNotifiesOnlyOnce() {
        BackupVerified event = Events.verified("chinook", Outcome.FAILED);

        assertThat(send.onBackupVerified(event)).isPresent();
        assertThat(send.onBackupVerified(event)).isEmpty();

        assertThat(delivered).hasSize(1);
    }

    @Test
    void aFailingChannelDoesNotStopTheOthers() {
        send.onBackupFailed(Events.failed("chinook"));

        assertThat(delivered)
                .singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo("backup.failed"));
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
    void processedEventsForgetTheOldestBeyondCapacity() {
        ProcessedEvents processed = new ProcessedEvents(2);
        UUID a = UUID.randomUUID();

        assertThat(processed.firstTime(a)).isTrue();
        assertThat(processed.firstTime(a)).isFalse();
        processed.firstTime(UUID.randomUUID());
        processed.firstTime(UUID.randomUUID());
        assertThat(processed.firstTime(a)).isTrue();
    }
}
