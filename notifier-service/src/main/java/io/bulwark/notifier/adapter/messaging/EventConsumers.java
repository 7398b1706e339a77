package io.bulwark.notifier.adapter.messaging;

import io.bulwark.contracts.AlertChanged;
import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.notifier.application.SendNotifications;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumers (group {@code bulwark-notifier}): bindings {@code backupFailed-in-0}, {@code
 * backupVerified-in-0}, {@code restoreFailed-in-0}, {@code restoreCompleted-in-0}, {@code backupDeleted-in-0},
 * {@code alertChanged-in-0} ({@code bulwark.alert}) and {@code backupReport-in-0} ({@code bulwark.report}). A record that cannot be decoded ({@code
 * InvalidEventException}) lands in {@code <topic>.dlq} after the binder's attempts; the consumer
 * goes on.
 */
@Configuration(proxyBeanMethods = false)
public class EventConsumers {

    @Bean
    Consumer<Message<byte[]>> backupFailed(SendNotifications notifications) {
        return message -> notifications.onBackupFailed(EventJson.read(message.getPayload(), BackupFailed.class));
    }

    @Bean
    Consumer<Message<byte[]>> backupVerified(SendNotifications notifications) {
        return message -> notifications.onBackupVerified(EventJson.read(message.getPayload(), BackupVerified.class));
    }

    @Bean
    Consumer<Message<byte[]>> restoreFailed(SendNotifications notifications) {
        return message -> notifications.onRestoreFailed(EventJson.read(message.getPayload(), RestoreFailed.class));
    }

    @Bean
    Consumer<Message<byte[]>> restoreCompleted(SendNotifications notifications) {
        return message ->
                notifications.onRestoreCompleted(EventJson.read(message.getPayload(), RestoreCompleted.class));
    }

    @Bean
    Consumer<Message<byte[]>> alertChanged(SendNotifications notifications) {
        return message -> notifications.onAlertChanged(EventJson.read(message.getPayload(), AlertChanged.class));
    }

    @Bean
    Consumer<Message<byte[]>> backupReport(SendNotifications notifications) {
        return message -> notifications.onReportIssued(EventJson.read(message.getPayload(), BackupReportIssued.class));
    }

    @Bean
    Consumer<Message<byte[]>> backupDeleted(SendNotifications notifications) {
        return message -> notifications.onBackupDeleted(EventJson.read(message.getPayload(), BackupDeleted.class));
    }
}
