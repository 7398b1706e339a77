package io.bulwark.verifier.adapter.messaging;

import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.contracts.RestoreProgressed;
import io.bulwark.service.messaging.EventPublisher;
import io.bulwark.verifier.application.RestorePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/**
 * Publishes the restore events through their output bindings ({@code restoreProgress-out-0}, {@code
 * restoreCompleted-out-0}, {@code restoreFailed-out-0}, topics {@code bulwark.restore.progress|completed|failed}):
 * the {@code EventJson} bytes, the target id as the record key, the CloudEvents headers.
 */
@Component
public class StreamBridgeRestorePublisher implements RestorePublisher {

    private static final Logger log = LoggerFactory.getLogger(StreamBridgeRestorePublisher.class);

    private final EventPublisher publisher;

    public StreamBridgeRestorePublisher(StreamBridge streamBridge) {
        this.publisher = new EventPublisher(streamBridge, StreamBridgeVerificationPublisher.SOURCE);
    }

    /** Best effort: a progress event the binder does not take is logged and dropped. */
    @Override
    public void progressed(RestoreProgressed event) {
        try {
            publisher.publish("restoreProgress-out-0", event);
        } catch (RuntimeException e) {
            log.debug("restore progress not published: {}", e.getMessage());
        }
    }

    /** @throws IllegalStateException when the binder does not accept the message */
    @Override
    public void completed(RestoreCompleted event) {
        publisher.publish("restoreCompleted-out-0", event);
    }

    /** @throws IllegalStateException when the binder does not accept the message */
    @Override
    public void failed(RestoreFailed event) {
        publisher.publish("restoreFailed-out-0", event);
    }
}
