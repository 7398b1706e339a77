package io.bulwark.verifier.application;

import io.bulwark.contracts.BackupVerified;

/** Publishes verification results to the other services. Thread-safe. */
public interface VerificationPublisher {

    /**
     * Publishes {@code event} on {@code bulwark.backup.verified}, keyed by its target id.
     *
     * @throws RuntimeException when the broker does not take it; the caller lets the message be
     *     redelivered
     */
    void publish(BackupVerified event);
}
