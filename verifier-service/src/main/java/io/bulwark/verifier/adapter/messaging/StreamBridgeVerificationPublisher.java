package io.bulwark.verifier.adapter.messaging;

import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.verifier.application.VerificationPublisher;
import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link BackupVerified} through binding {@value #BINDING} (topic {@code
 * bulwark.backup.verified}): the {@link EventJson} bytes as the payload, the target id as the record
 * key, the CloudEvents {@code ce_*} headers.
 */
@Component
public class StreamBridgeVerificationPublisher implements VerificationPublisher {

    /** The output binding. */
    public static final String BINDING = "backupVerified-out-0";

    /** The {@code ce_source} of every event this service publishes. */
    public static final String SOURCE = "/bulwark/verifier-service";

    private final StreamBridge streamBridge;

    public StreamBridgeVerificationPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public void publish(BackupVerified event) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(EventJson.toBytes(event))
                .setHeader(KafkaHeaders.KEY, event.targetId().getBytes(StandardCharsets.UTF_8));
        EventHeaders.cloudEventHeaders(event, SOURCE).forEach(builder::setHeader);
        Message<byte[]> message = builder.build();
        if (!streamBridge.send(BINDING, message)) {
            throw new IllegalStateException("the binder did not accept BackupVerified " + event.eventId());
        }
    }
}
