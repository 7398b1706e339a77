package io.bulwark.retention.adapter.messaging;

import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.retention.application.DeletionPublisher;
import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link BackupDeleted} through the binding {@value #BINDING} (destination {@code
 * bulwark.backup.deleted}). The payload is the {@link EventJson} bytes as they are, the record key
 * the target id, and the CloudEvents attributes travel as UTF-8 {@code ce_*} headers. The binding's
 * producer is synchronous ({@code sync: true}), so a broker that does not accept the record makes
 * {@link #publish} throw.
 */
@Component
public class StreamBridgeDeletionPublisher implements DeletionPublisher {

    /** The output binding name. */
    public static final String BINDING = "backupDeleted-out-0";

    /** The {@code ce_source} of every event this service publishes. */
    public static final String SOURCE = "/bulwark/retention-service";

    private final StreamBridge streamBridge;

    public StreamBridgeDeletionPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public void publish(BackupDeleted event) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(EventJson.toBytes(event))
                .setHeader(KafkaHeaders.KEY, event.targetId().getBytes(StandardCharsets.UTF_8));
        EventHeaders.cloudEventHeaders(event, SOURCE)
                .forEach((name, value) -> message.setHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        if (!streamBridge.send(BINDING, message.build())) {
            throw new IllegalStateException("the binder did not accept BackupDeleted " + event.eventId());
        }
    }
}
