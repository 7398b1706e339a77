package io.bulwark.retention.adapter.messaging;

import io.bulwark.contracts.BackupCopyUpdated;
import io.bulwark.retention.application.CopyPublisher;
import io.bulwark.service.messaging.EventPublisher;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link BackupCopyUpdated} through the binding {@value #BINDING} (destination {@code bulwark.backup.copy}),
 * key = target id, CloudEvents {@code ce_*} headers (see {@link EventPublisher}). The binding's producer is
 * synchronous, so a broker that does not accept the record makes {@link #publish} throw.
 */
@Component
public class StreamBridgeCopyPublisher implements CopyPublisher {

    /** The output binding name. */
    public static final String BINDING = "backupCopy-out-0";

    private final EventPublisher publisher;

    public StreamBridgeCopyPublisher(StreamBridge streamBridge) {
        this.publisher = new EventPublisher(streamBridge, StreamBridgeDeletionPublisher.SOURCE);
    }

    /** @throws IllegalStateException when the binder does not accept the message */
    @Override
    public void publish(BackupCopyUpdated event) {
        publisher.publish(BINDING, event);
    }
}
