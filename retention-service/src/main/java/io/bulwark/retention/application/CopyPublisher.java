package io.bulwark.retention.application;

import io.bulwark.contracts.BackupCopyUpdated;

/** Publishes {@link BackupCopyUpdated} events on {@code bulwark.backup.copy}. */
public interface CopyPublisher {

    /**
     * Publishes {@code event} and waits for the broker to accept it.
     *
     * @throws RuntimeException when the broker did not accept the event
     */
    void publish(BackupCopyUpdated event);
}
