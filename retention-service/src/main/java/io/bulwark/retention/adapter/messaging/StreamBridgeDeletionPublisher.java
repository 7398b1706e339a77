package io.bulwark.retention.adapter.messaging;

import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.EventJson;
import io.bulwark.retention.application.DeletionPublisher;
import io.bulwark.service.messaging.EventPublisher;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link BackupDeleted} through the binding {@value #BINDING} (destination {@code
 * bulwark.backup.deleted}). The payload is the {@link EventJson} bytes as they are, the record key
 * the target id, and the CloudEvents attributes travel as UTF-8 {@code ce_*} headers (see {@link
 * EventPublisher}). The binding's producer is synchronous ({@code sync: true}), so a broker that does
 * not accept the record makes {@link #publish} throw.
 */
@Component
public class StreamBridgeDeletionPublisher implements DeletionPublisher {

    /** The output binding name. */
    public static final String BINDING = "backupDeleted-out-0";

    /** The {@code ce_source} of every event this service publishes. */
    public static final String SOURCE = "/bulwark/retention-service";

    private final EventPublisher publisher;

    public StreamBridgeDeletionPublisher(StreamBridge streamBridge) {
        this.publisher = new EventPublisher(streamBridge, SOURCE);
    }

    /** @throws IllegalStateException when the binder does not accept the message */
    @Override
    public void publish(BackupDeleted event) {
        publisher.publish(BINDING, event);
    }
}
