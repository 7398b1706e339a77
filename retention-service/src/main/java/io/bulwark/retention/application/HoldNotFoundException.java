package io.bulwark.retention.application;

/** 404 Not Found: the backup has no hold to release. The message says which backup. */
public class HoldNotFoundException extends RuntimeException {

    /** @param message names the backup and why */
    public HoldNotFoundException(String message) {
        super(message);
    }
}
