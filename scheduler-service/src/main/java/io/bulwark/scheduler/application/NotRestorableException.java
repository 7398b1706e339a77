package io.bulwark.scheduler.application;

/**
 * A restore was asked for a backup that cannot or may not be restored as asked: nothing of it is stored (REQUESTED,
 * FAILED, DELETED), or it is not VERIFIED and the request did not say {@code force}. The message says which.
 */
public class NotRestorableException extends RuntimeException {

    public NotRestorableException(String message) {
        super(message);
    }
}
