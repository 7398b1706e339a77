package io.bulwark.scheduler.adapter.messaging;

import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.RestoreRequested;
import io.bulwark.scheduler.application.PublishFailedException;
import io.bulwark.scheduler.application.RestoreRequestPublisher;
import io.bulwark.service.messaging.EventPublisher;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/**
 * Publishes restore requests through the {@value #BINDING} output binding (destination {@code
 * bulwark.restore.requested}, a synchronous producer): the record key is the target id, the value the {@link
 * EventJson} bytes, with the CloudEvents {@code ce_*} headers (source {@value StreamBackupRequestPublisher#SOURCE}).
 */
@Component
public class StreamRestoreRequestPublisher implements RestoreRequestPublisher {

    /** The output binding's name. */
    public static final String BINDING = "restoreRequested-out-0";

    private final EventPublisher publisher;

    public StreamRestoreRequestPublisher(StreamBridge bridge) {
        this.publisher = new EventPublisher(bridge, StreamBackupRequestPublisher.SOURCE);
    }

    @Override
    public void publish(RestoreRequested request) {
        boolean sent;
        try {
            sent = publisher.send(BINDING, request);
        } catch (RuntimeException e) {
            throw new PublishFailedException(
                    "could not publish restore " + request.restoreId() + ": " + e.getMessage(), e);
        }
        if (!sent) {
            throw new PublishFailedException("the broker did not take restore " + request.restoreId(), null);
        }
    }
}
