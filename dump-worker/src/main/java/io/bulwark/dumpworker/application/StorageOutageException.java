package io.bulwark.dumpworker.application;

import io.bulwark.artifacts.ObjectStoreException;

/**
 * The object store stayed unavailable through every retry of one delivery of a backup request ({@link
 * StorageResilience}), or its circuit breaker stayed open: the backup has not failed, it waits for the store. Thrown
 * by {@link RunDump#handle} with nothing published for the request (no {@code BackupFailed}) and the attempt it may
 * have begun not counted against {@code maxAttempts}.
 *
 * <p>An {@link ObjectStoreException}, so the consumer's {@code FailureClassifier} (service-support) classifies it as
 * an infrastructure outage of "the object store": the listener container keeps the request, pauses with a growing
 * back-off and delivers the same record again, without limit and never to the dead-letter topic.
 */
public final class StorageOutageException extends ObjectStoreException {

    StorageOutageException(String message, Throwable cause) {
        super(message, cause);
    }
}
