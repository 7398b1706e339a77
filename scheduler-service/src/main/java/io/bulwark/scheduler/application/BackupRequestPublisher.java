package io.bulwark.scheduler.application;

import io.bulwark.contracts.BackupRequested;

/**
 * Port: publishes backup requests on {@code bulwark.backup.requested}, keyed by target id.
 *
 * <p>Thread-safe. Returns once the broker acknowledged the record.
 */
public interface BackupRequestPublisher {

    /**
     * Publishes {@code request}.
     *
     * @throws PublishFailedException when the broker did not accept the record
     */
    void publish(BackupRequested request);
}
