package io.bulwark.dumpworker.adapter.messaging;

import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.EventJson;
import io.bulwark.dumpworker.application.RunDump;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code backupRequested} consumer function (binding {@code backupRequested-in-0}, destination
 * {@code bulwark.backup.requested}, group {@code bulwark-dump-worker}). The payload is decoded with
 * {@link EventJson}; a message that is not a valid {@link BackupRequested} throws {@link
 * io.bulwark.contracts.InvalidEventException}, which is not retried and lands in {@code
 * bulwark.backup.requested.dlq} while the consumer goes on.
 */
@Configuration(proxyBeanMethods = false)
public class BackupRequestedConsumer {

    @Bean
    public Consumer<Message<byte[]>> backupRequested(RunDump runDump) {
        return message -> runDump.handle(EventJson.read(message.getPayload(), BackupRequested.class));
    }
}
