package io.bulwark.service.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.DeletionReason;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

class EventPublisherTest {

    private final StreamBridge bridge = mock(StreamBridge.class);
    private final EventPublisher publisher = new EventPublisher(bridge, "/bulwark/test-service");
    private final BackupDeleted event = new BackupDeleted(
            UUID.randomUUID(),
            Instant.parse("2026-11-23T20:00:00Z"),
            BackupDeleted.SCHEMA_VERSION,
            UUID.randomUUID(),
            "chinook",
            DeletionReason.RETENTION,
            "keepLast=7",
            "backups/chinook/x/",
            3);

    @SuppressWarnings("unchecked")
    @Test
    void sendsTheEventJsonBytesKeyedByTargetIdWithUtf8CloudEventHeaders() {
        when(bridge.send(eq("out-0"), any(Object.class))).thenReturn(true);

        publisher.publish("out-0", event);

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(bridge).send(eq("out-0"), sent.capture());
        Message<byte[]> message = (Message<byte[]>) sent.getValue();
        assertThat(message.getPayload()).isEqualTo(EventJson.toBytes(event));
        assertThat(message.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("chinook".getBytes(UTF_8));
        EventHeaders.cloudEventHeaders(event, "/bulwark/test-service")
                .forEach((name, value) ->
                        assertThat(message.getHeaders().get(name)).isEqualTo(value.getBytes(UTF_8)));
        assertThat(new String((byte[]) message.getHeaders().get(EventHeaders.CE_SOURCE), UTF_8))
                .isEqualTo("/bulwark/test-service");
    }

    @Test
    void aMessageTheBinderDoesNotAcceptThrowsNamingTheEvent() {
        when(bridge.send(eq("out-0"), any(Object.class))).thenReturn(false);

        assertThatThrownBy(() -> publisher.publish("out-0", event))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BackupDeleted " + event.eventId());
    }
}
