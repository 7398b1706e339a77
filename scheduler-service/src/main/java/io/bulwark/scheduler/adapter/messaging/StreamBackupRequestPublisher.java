package io.bulwark.scheduler.adapter.messaging;

import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.EventJson;
import io.bulwark.scheduler.application.BackupRequestPublisher;
import io.bulwark.scheduler.application.PublishFailedException;
import io.bulwark.service.messaging.EventPublisher;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/**
 * Publishes requests through the {@value #BINDING} output binding (destination {@code
 * bulwark.backup.requested}, a synchronous producer): the record key is the target id, the value the
 * {@link EventJson} bytes as they are, and the CloudEvents {@code ce_*} headers are set with source
 * {@value #SOURCE} (see {@link EventPublisher}).
 */
@Component
public class StreamBackupRequestPublisher implements BackupRequestPublisher {

    /** The output binding's name. */
    public static final String BINDING = "backupRequested-out-0";
    /** The {@code ce_source} of events this service publishes. */
    public static final String SOURCE = "/bulwark/scheduler";

    private final EventPublisher publisher;

    public StreamBackupRequestPublisher(StreamBridge bridge) {
        this.publisher = new EventPublisher(bridge, SOURCE);
    }

    @Override
    public void publish(BackupRequested request) {
        boolean sent;
        try {
            sent = publisher.send(BINDING, request);
        } catch (RuntimeException e) {
            throw new PublishFailedException(
                    "could not publish the request of backup " + request.backupId() + ": " + e.getMessage(), e);
        }
        if (!sent) {
            throw new PublishFailedException(
                    "the broker did not take the request of backup " + request.backupId(), null);
        }
    }
}
