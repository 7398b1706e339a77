package io.bulwark.scheduler.adapter.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.scheduler.application.BackupRequestPublisher;
import io.bulwark.scheduler.application.PublishFailedException;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Publishes requests through the {@value #BINDING} output binding (destination {@code
 * bulwark.backup.requested}, a synchronous producer): the record key is the target id, the value the
 * {@link EventJson} bytes as they are, and the CloudEvents {@code ce_*} headers are set with source
 * {@value #SOURCE}.
 */
@Component
public class StreamBackupRequestPublisher implements BackupRequestPublisher {

    /** The output binding's name. */
    public static final String BINDING = "backupRequested-out-0";
    /** The {@code ce_source} of events this service publishes. */
    public static final String SOURCE = "/bulwark/scheduler";

    private final StreamBridge bridge;

    public StreamBackupRequestPublisher(StreamBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void publish(BackupRequested request) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(EventJson.toBytes(request))
                .setHeader(KafkaHeaders.KEY, request.targetId().getBytes(UTF_8));
        EventHeaders.cloudEventHeaders(request, SOURCE).forEach(builder::setHeader);
        builder.setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON);
        Message<byte[]> message = builder.build();
        boolean sent;
        try {
            sent = bridge.send(BINDING, message);
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
