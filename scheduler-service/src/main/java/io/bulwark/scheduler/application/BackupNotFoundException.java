package io.bulwark.scheduler.adapter.web;

import java.util.UUID;

/** No event of the backup asked for was seen. */
public class BackupNotFoundException extends RuntimeException {

    public BackupNotFoundException(UUID backupId) {
        super("no backup " + backupId + " is known");
    }
}
