package io.bulwark.retention.adapter.messaging;

import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.EventJson;
import io.bulwark.retention.application.RecordVerification;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumer of {@code bulwark.backup.verified} (binding {@code backupVerified-in-0}, group {@code
 * bulwark-retention}). A record that cannot be decoded ({@code InvalidEventException}) or handled
 * after the binder's retries lands in {@code bulwark.backup.verified.dlq}; the consumer goes on.
 */
@Configuration(proxyBeanMethods = false)
public class BackupVerifiedConsumer {

    /** Decodes each record with {@link EventJson} and hands it to {@link RecordVerification}. */
    @Bean
    Consumer<Message<byte[]>> backupVerified(RecordVerification recordVerification) {
        return message -> recordVerification.handle(EventJson.read(message.getPayload(), BackupVerified.class));
    }
}
