package io.bulwark.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Every object of a backup was removed. Published on {@link Topics#BACKUP_DELETED}.
 *
 * @param policy the rule that expired it, e.g. {@code keepLast=7}
 * @param objectsDeleted number of objects removed
 */
public record BackupDeleted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID backupId,
        String targetId,
        DeletionReason reason,
        String policy,
        String prefix,
        int objectsDeleted)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;
}
