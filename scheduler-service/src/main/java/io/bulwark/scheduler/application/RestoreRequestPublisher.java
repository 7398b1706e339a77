package io.bulwark.scheduler.application;

import io.bulwark.contracts.RestoreRequested;

/**
 * Port: publishes restore requests on {@code bulwark.restore.requested}, keyed by target id.
 *
 * <p>Thread-safe. Returns once the broker acknowledged the record.
 */
public interface RestoreRequestPublisher {

    /**
     * Publishes {@code request}.
     *
     * @throws PublishFailedException when the broker did not accept the record
     */
    void publish(RestoreRequested request);
}
