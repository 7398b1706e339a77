package io.bulwark.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A backup's copy in a second object store ({@code bulwark.copies.<copyId>}) was made, failed, or was removed by that
 * store's retention. Published on {@link Topics#BACKUP_COPY} by retention; the scheduler shows it with the backup.
 *
 * @param copyId the copy store's id, e.g. {@code offsite}
 * @param state COPIED, FAILED or DELETED
 * @param prefix the backup's key prefix, the same in both stores
 * @param objects objects copied (COPIED) or removed (DELETED)
 * @param bytes bytes copied or removed
 * @param sha256 the artifact's SHA-256 as read back from the copy store (COPIED), or null
 * @param detail why it failed (FAILED) or the rule that removed it (DELETED), or null
 */
public record BackupCopyUpdated(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID backupId,
        String targetId,
        String copyId,
        CopyState state,
        String prefix,
        int objects,
        long bytes,
        String sha256,
        String detail)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;
}
