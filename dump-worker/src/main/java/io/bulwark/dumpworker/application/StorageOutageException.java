package io.bulwark.dumpworker.application;

/**
 * The object store stayed unavailable through every retry of a backup ({@link StorageResilience}):
 * the request belongs on the dead-letter topic, to be replayed once the store is back. Its retryable
 * {@code BackupFailed} has been published.
 */
public final class StorageOutageException extends RuntimeException {

    StorageOutageException(String message, Throwable cause) {
        super(message, cause);
    }
}
