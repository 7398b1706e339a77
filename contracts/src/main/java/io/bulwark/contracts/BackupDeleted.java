package io.bulwark.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Every object of a backup was removed. Published on {@link Topics#BACKUP_DELETED}.
 *
 * @param reason why: a retention policy ({@code RETENTION}) or a person ({@code MANUAL})
 * @param policy the rule that let it go, e.g. {@code keep-failed: FAILED 9d ago (kept 7d)} or {@code matches no keep
 *     rule (not among the last 7)}, or for a manual deletion {@code manual: deleted by <actor>}
 * @param objectsDeleted number of objects removed
 * @param bytesReclaimed the summed size of those objects, in bytes, as listed before deleting them; 0 in events of
 *     producers that did not count them
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
        int objectsDeleted,
        long bytesReclaimed)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;

    /** An event without {@code bytesReclaimed} (0), as published before that field existed. */
    public BackupDeleted(
            UUID eventId,
            Instant occurredAt,
            int schemaVersion,
            UUID backupId,
            String targetId,
            DeletionReason reason,
            String policy,
            String prefix,
            int objectsDeleted) {
        this(eventId, occurredAt, schemaVersion, backupId, targetId, reason, policy, prefix, objectsDeleted, 0L);
    }
}
