package io.bulwark.verifier.adapter.messaging;

import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.VerificationRequested;
import io.bulwark.verifier.application.ReverifyBackup;
import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The Spring Cloud Stream consumer of {@code bulwark.verification.requested} (binding {@code
 * verificationRequested-in-0}, group {@code bulwark-verifier}): verifies an existing backup again
 * ({@link ReverifyBackup}). An undecodable request throws {@link
 * io.bulwark.contracts.InvalidEventException}, which the binder sends to {@code
 * bulwark.verification.requested.dlq} after its attempts (3), while the consumer goes on.
 */
@Component("verificationRequested")
public class VerificationRequestedListener implements Consumer<Message<byte[]>> {

    private final ReverifyBackup reverifyBackup;

    public VerificationRequestedListener(ReverifyBackup reverifyBackup) {
        this.reverifyBackup = reverifyBackup;
    }

    @Override
    public void accept(Message<byte[]> message) {
        reverifyBackup.handle(EventJson.read(message.getPayload(), VerificationRequested.class));
    }
}
