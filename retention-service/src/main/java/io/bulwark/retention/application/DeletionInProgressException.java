package io.bulwark.retention.application;

/** 409 Conflict: a hold is placed on a backup whose deletion began (it can no longer be kept). The message says which backup. */
public class DeletionInProgressException extends RuntimeException {

    /** @param message names the backup and why */
    public DeletionInProgressException(String message) {
        super(message);
    }
}
