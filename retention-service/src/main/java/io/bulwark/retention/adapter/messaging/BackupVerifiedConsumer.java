package io.bulwark.retention.adapter.messaging;

import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.retention.adapter.scheduling.CopyJob;
import io.bulwark.retention.application.RecordVerification;
import io.bulwark.retention.domain.CatalogedBackup;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumer of {@code bulwark.backup.verified} (binding {@code backupVerified-in-0}, group {@code
 * bulwark-retention}). A record that cannot be decoded ({@code InvalidEventException}) or handled
 * after the binder's retries lands in {@code bulwark.backup.verified.dlq}; the consumer goes on. A verification that
 * PASSED and was recorded is then handed to the copy job ({@code bulwark.copies}).
 */
@Configuration(proxyBeanMethods = false)
public class BackupVerifiedConsumer {

    /** Decodes each record with {@link EventJson}, hands it to {@link RecordVerification}, then to the copy job. */
    @Bean
    Consumer<Message<byte[]>> backupVerified(RecordVerification recordVerification, CopyJob copyJob) {
        return message -> {
            BackupVerified event = EventJson.read(message.getPayload(), BackupVerified.class);
            recordVerification.handle(event);
            if (event.outcome() == Outcome.PASSED) {
                // handle() validated the fields and that the event agrees with the stored report
                String prefix = event.prefix().endsWith("/") ? event.prefix() : event.prefix() + "/";
                copyJob.request(new CatalogedBackup(
                        event.backupId(),
                        event.targetId(),
                        prefix,
                        event.tier(),
                        event.backupCompletedAt() != null ? event.backupCompletedAt() : event.occurredAt(),
                        event.outcome()));
            }
        };
    }
}
