package io.bulwark.verifier.adapter.messaging;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.EventJson;
import io.bulwark.verifier.application.RetryingVerification;
import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The Spring Cloud Stream consumer of {@code bulwark.backup.completed} (binding {@code
 * backupCompleted-in-0}, group {@code bulwark-verifier}). The payload is decoded with {@link
 * EventJson}; an undecodable event throws {@link io.bulwark.contracts.InvalidEventException}, which
 * the binder sends to {@code bulwark.backup.completed.dlq} after its attempts (3), while the consumer
 * goes on with the next record. A verification that ends ERROR is tried again after a backoff (see
 * {@link RetryingVerification}); only the final result is published.
 */
@Component("backupCompleted")
public class BackupCompletedListener implements Consumer<Message<byte[]>> {

    private final RetryingVerification verification;

    public BackupCompletedListener(RetryingVerification verification) {
        this.verification = verification;
    }

    @Override
    public void accept(Message<byte[]> message) {
        BackupCompleted event = EventJson.read(message.getPayload(), BackupCompleted.class);
        verification.handle(event, false);
    }
}
