package io.bulwark.scheduler.adapter.messaging;

import io.bulwark.contracts.AlertChanged;
import io.bulwark.scheduler.application.alerts.AlertPublisher;
import io.bulwark.service.messaging.EventPublisher;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/**
 * Publishes alert transitions through the {@value #BINDING} output binding (destination {@code bulwark.alert}, a
 * synchronous producer): key = the alert's target id ({@code _all} for the installation), value the event's JSON,
 * CloudEvents headers with source {@link StreamBackupRequestPublisher#SOURCE}.
 */
@Component
public class StreamAlertPublisher implements AlertPublisher {

    /** The output binding's name. */
    public static final String BINDING = "alertChanged-out-0";

    private final EventPublisher publisher;

    public StreamAlertPublisher(StreamBridge bridge) {
        this.publisher = new EventPublisher(bridge, StreamBackupRequestPublisher.SOURCE);
    }

    /** @throws IllegalStateException when the binder did not accept the event, or the binder's own exception */
    @Override
    public void publish(AlertChanged event) {
        if (!publisher.send(BINDING, event)) {
            throw new IllegalStateException("the broker did not take alert event " + event.eventId());
        }
    }
}
