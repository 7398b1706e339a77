package io.bulwark.dumpworker.adapter.messaging;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupProgressed;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.EventJson;
import io.bulwark.dumpworker.application.EventPublisher;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/**
 * Publishes through the output bindings {@value #COMPLETED_BINDING} ({@code bulwark.backup.completed})
 * and {@value #FAILED_BINDING} ({@code bulwark.backup.failed}), synchronous producers, and {@value
 * #PROGRESS_BINDING} ({@code bulwark.backup.progress}), asynchronous: key = target
 * id, value = the {@link EventJson} bytes as they are, CloudEvents {@code ce_*} headers with source
 * {@value #SOURCE} (see {@link io.bulwark.service.messaging.EventPublisher}).
 */
@Component
public class StreamEventPublisher implements EventPublisher {

    public static final String COMPLETED_BINDING = "backupCompleted-out-0";
    public static final String FAILED_BINDING = "backupFailed-out-0";
    public static final String PROGRESS_BINDING = "backupProgress-out-0";
    /** The {@code ce_source} of events this service publishes. */
    public static final String SOURCE = "/bulwark/dump-worker";

    private final io.bulwark.service.messaging.EventPublisher publisher;

    public StreamEventPublisher(StreamBridge bridge) {
        this.publisher = new io.bulwark.service.messaging.EventPublisher(bridge, SOURCE);
    }

    @Override
    public void completed(BackupCompleted event) {
        send(COMPLETED_BINDING, event);
    }

    @Override
    public void failed(BackupFailed event) {
        send(FAILED_BINDING, event);
    }

    @Override
    public void progressed(BackupProgressed event) {
        publisher.send(PROGRESS_BINDING, event);
    }

    private void send(String binding, BulwarkEvent event) {
        if (!publisher.send(binding, event)) {
            throw new IllegalStateException(
                    "the broker did not take " + EventJson.typeOf(event) + " of " + event.targetId());
        }
    }
}
