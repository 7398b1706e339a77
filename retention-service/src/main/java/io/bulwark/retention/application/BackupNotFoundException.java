package io.bulwark.retention.application;

/** 404 Not Found: no live backup with that id is in the retention catalog. The message says which backup. */
public class BackupNotFoundException extends RuntimeException {

    /** @param message names the backup and why */
    public BackupNotFoundException(String message) {
        super(message);
    }
}
