package io.bulwark.scheduler.application.alerts;

import io.bulwark.contracts.AlertChanged;

/** Port: publishes an alert's transition on {@code bulwark.alert}. */
public interface AlertPublisher {

    /**
     * Publishes {@code event} and returns once the broker accepted it.
     *
     * @throws RuntimeException when the broker did not accept it (the caller tries again on its next run)
     */
    void publish(AlertChanged event);
}
