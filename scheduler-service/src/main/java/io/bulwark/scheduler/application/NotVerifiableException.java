package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.BackupState;
import java.util.UUID;

/** A verification was asked for a backup that has no stored artifact to verify. */
public class NotVerifiableException extends RuntimeException {

    public NotVerifiableException(UUID backupId, BackupState state) {
        super("backup " + backupId + " is " + state + " and has no stored artifact to verify");
    }
}
