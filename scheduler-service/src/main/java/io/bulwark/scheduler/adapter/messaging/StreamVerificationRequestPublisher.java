package io.bulwark.scheduler.adapter.messaging;

import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.VerificationRequested;
import io.bulwark.scheduler.application.PublishFailedException;
import io.bulwark.scheduler.application.VerificationRequestPublisher;
import io.bulwark.service.messaging.EventPublisher;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/**
 * Publishes verification requests through the {@value #BINDING} output binding (destination {@code
 * bulwark.verification.requested}, a synchronous producer): the record key is the target id, the
 * value the {@link EventJson} bytes, with the CloudEvents {@code ce_*} headers (source {@value
 * StreamBackupRequestPublisher#SOURCE}).
 */
@Component
public class StreamVerificationRequestPublisher implements VerificationRequestPublisher {

    /** The output binding's name. */
    public static final String BINDING = "verificationRequested-out-0";

    private final EventPublisher publisher;

    public StreamVerificationRequestPublisher(StreamBridge bridge) {
        this.publisher = new EventPublisher(bridge, StreamBackupRequestPublisher.SOURCE);
    }

    @Override
    public void publish(VerificationRequested request) {
        boolean sent;
        try {
            sent = publisher.send(BINDING, request);
        } catch (RuntimeException e) {
            throw new PublishFailedException(
                    "could not publish the verification request of backup " + request.backupId() + ": "
                            + e.getMessage(),
                    e);
        }
        if (!sent) {
            throw new PublishFailedException(
                    "the broker did not take the verification request of backup " + request.backupId(), null);
        }
    }
}
