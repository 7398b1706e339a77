package io.bulwark.scheduler.application;

import java.util.UUID;

/** No backup matches what was asked for: no event of the backup id was seen, or a target has no such backup. */
public class BackupNotFoundException extends RuntimeException {

    /** No event of {@code backupId} was seen. */
    public BackupNotFoundException(UUID backupId) {
        super("no backup " + backupId + " is known");
    }

    /** No backup matches; {@code message} says what was looked for. */
    public BackupNotFoundException(String message) {
        super(message);
    }
}
