package io.bulwark.scheduler.application;

import io.bulwark.contracts.VerificationRequested;

/**
 * Port: publishes verification requests on {@code bulwark.verification.requested}, keyed by target
 * id.
 *
 * <p>Thread-safe. Returns once the broker acknowledged the record.
 */
public interface VerificationRequestPublisher {

    /**
     * Publishes {@code request}.
     *
     * @throws PublishFailedException when the broker did not accept the record
     */
    void publish(VerificationRequested request);
}
