package io.bulwark.dumpworker.application;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupProgressed;

/**
 * Publishes the dump-worker's events. {@link #completed} and {@link #failed} return once the broker
 * has the event.
 *
 * <p>Implementations throw a runtime exception when the broker does not take a completion or failure;
 * the consumer then retries the request, and {@link RunDump} is idempotent for it. Thread-safe.
 */
public interface EventPublisher {

    /** Publishes on {@code bulwark.backup.completed}. */
    void completed(BackupCompleted event);

    /** Publishes on {@code bulwark.backup.failed}. */
    void failed(BackupFailed event);

    /** Publishes on {@code bulwark.backup.progress}, without waiting; a lost progress event is no failure. */
    void progressed(BackupProgressed event);
}
