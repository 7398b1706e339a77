package io.bulwark.dumpworker.application;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;

/**
 * Publishes the dump-worker's events. Returns once the broker has the event.
 *
 * <p>Implementations throw a runtime exception when the broker does not take the event; the consumer
 * then retries the request, and {@link RunDump} is idempotent for it.
 */
public interface EventPublisher {

    /** Publishes on {@code bulwark.backup.completed}. */
    void completed(BackupCompleted event);

    /** Publishes on {@code bulwark.backup.failed}. */
    void failed(BackupFailed event);
}
