package io.bulwark.retention.application;

import io.bulwark.contracts.BackupDeleted;

/** Publishes {@link BackupDeleted} events on {@code bulwark.backup.deleted}. */
public interface DeletionPublisher {

    /**
     * Publishes {@code event} and waits for the broker to accept it.
     *
     * @throws RuntimeException when the broker did not accept the event
     */
    void publish(BackupDeleted event);
}
