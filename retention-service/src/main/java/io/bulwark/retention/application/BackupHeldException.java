package io.bulwark.retention.application;

/** 409 Conflict: the backup is held (a hold must be released before it can be deleted), or a hold is placed on a backup held already. The message says which backup. */
public class BackupHeldException extends RuntimeException {

    /** @param message names the backup and why */
    public BackupHeldException(String message) {
        super(message);
    }
}
