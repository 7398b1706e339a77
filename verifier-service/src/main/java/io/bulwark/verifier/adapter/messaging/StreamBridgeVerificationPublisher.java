package io.bulwark.verifier.adapter.messaging;

import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.EventJson;
import io.bulwark.service.messaging.EventPublisher;
import io.bulwark.verifier.application.VerificationPublisher;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link BackupVerified} through binding {@value #BINDING} (topic {@code
 * bulwark.backup.verified}): the {@link EventJson} bytes as the payload, the target id as the record
 * key, the CloudEvents {@code ce_*} headers (see {@link EventPublisher}).
 */
@Component
public class StreamBridgeVerificationPublisher implements VerificationPublisher {

    /** The output binding. */
    public static final String BINDING = "backupVerified-out-0";

    /** The {@code ce_source} of every event this service publishes. */
    public static final String SOURCE = "/bulwark/verifier-service";

    private final EventPublisher publisher;

    public StreamBridgeVerificationPublisher(StreamBridge streamBridge) {
        this.publisher = new EventPublisher(streamBridge, SOURCE);
    }

    /** @throws IllegalStateException when the binder does not accept the message */
    @Override
    public void publish(BackupVerified event) {
        publisher.publish(BINDING, event);
    }
}
