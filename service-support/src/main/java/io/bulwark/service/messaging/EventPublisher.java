package io.bulwark.service.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import java.util.Objects;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends {@link BulwarkEvent}s through a {@link StreamBridge} output binding in the format every
 * Bulwark service uses (docs/events.md): the payload is {@link
 * EventJson#toBytes} as it is, the record key ({@link KafkaHeaders#KEY}) the target id in UTF-8, and
 * the {@link EventHeaders#cloudEventHeaders CloudEvents headers} travel as UTF-8 {@code byte[]}
 * values with the {@code ce_source} given at construction. The message's content type is {@code
 * application/json}, the same as every output binding declares.
 */
public final class EventPublisher {

    private final StreamBridge bridge;
    private final String source;

    /**
     * @param bridge the bridge to the output bindings
     * @param source the {@code ce_source} of every event, e.g. {@code /bulwark/retention-service}
     * @throws NullPointerException when an argument is null
     */
    public EventPublisher(StreamBridge bridge, String source) {
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The {@code ce_source} written on every event. */
    public String source() {
        return source;
    }

    /**
     * The message {@link #send} hands to the binder.
     *
     * @param event the event to publish
     * @return payload = the {@link EventJson} bytes, headers = key, {@code ce_*} and content type
     */
    public Message<byte[]> message(BulwarkEvent event) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(EventJson.toBytes(event))
                .setHeader(KafkaHeaders.KEY, event.targetId().getBytes(UTF_8));
        EventHeaders.cloudEventHeaders(event, source)
                .forEach((name, value) -> builder.setHeader(name, value.getBytes(UTF_8)));
        builder.setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON);
        return builder.build();
    }

    /**
     * Sends {@code event} through {@code binding}; with a synchronous producer ({@code sync: true})
     * this returns after the broker acknowledged the record.
     *
     * @param binding the output binding name, e.g. {@code backupDeleted-out-0}
     * @param event the event to publish
     * @return whether the binder accepted the message
     * @throws RuntimeException whatever the binder throws when the send fails
     */
    public boolean send(String binding, BulwarkEvent event) {
        return bridge.send(binding, message(event));
    }

    /**
     * Sends {@code event} through {@code binding} and insists that the binder accepted it.
     *
     * @param binding the output binding name
     * @param event the event to publish
     * @throws IllegalStateException when the binder did not accept the message (naming the event's
     *     class and id)
     * @throws RuntimeException whatever the binder throws when the send fails
     */
    public void publish(String binding, BulwarkEvent event) {
        if (!send(binding, event)) {
            throw new IllegalStateException(
                    "the binder did not accept " + event.getClass().getSimpleName() + " " + event.eventId());
        }
    }
}
