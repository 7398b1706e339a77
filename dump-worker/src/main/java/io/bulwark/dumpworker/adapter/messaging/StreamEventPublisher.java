package io.bulwark.dumpworker.adapter.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.dumpworker.application.EventPublisher;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Publishes through the output bindings {@value #COMPLETED_BINDING} ({@code bulwark.backup.completed})
 * and {@value #FAILED_BINDING} ({@code bulwark.backup.failed}), synchronous producers: key = target
 * id, value = the {@link EventJson} bytes as they are, CloudEvents {@code ce_*} headers with source
 * {@value #SOURCE}.
 */
@Component
public class StreamEventPublisher implements EventPublisher {

    public static final String COMPLETED_BINDING = "backupCompleted-out-0";
    public static final String FAILED_BINDING = "backupFailed-out-0";
    /** The {@code ce_source} of events this service publishes. */
    public static final String SOURCE = "/bulwark/dump-worker";

    private final StreamBridge bridge;

    public StreamEventPublisher(StreamBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void completed(BackupCompleted event) {
        send(COMPLETED_BINDING, event);
    }

    @Override
    public void failed(BackupFailed event) {
        send(FAILED_BINDING, event);
    }

    private void send(String binding, BulwarkEvent event) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(EventJson.toBytes(event))
                .setHeader(KafkaHeaders.KEY, event.targetId().getBytes(UTF_8));
        EventHeaders.cloudEventHeaders(event, SOURCE).forEach(builder::setHeader);
        builder.setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON);
        if (!bridge.send(binding, builder.build())) {
            throw new IllegalStateException(
                    "the broker did not take " + EventJson.typeOf(event) + " of " + event.targetId());
        }
    }
}
