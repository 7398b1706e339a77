package io.bulwark.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A backup's artifact and manifest are stored (the manifest last). Published on {@link
 * Topics#BACKUP_COMPLETED}.
 *
 * @param backupId the backup; equals the request id
 * @param prefix object-key prefix holding every object of the backup, ending in {@code /}
 * @param manifestKey object key of {@code manifest.json}
 * @param startedAt when the dump started
 * @param completedAt when the manifest was written
 * @param dumpMillis milliseconds the dump and upload took
 */
public record BackupCompleted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID backupId,
        UUID requestId,
        String targetId,
        String label,
        Tier tier,
        Trigger trigger,
        String prefix,
        ArtifactRef artifact,
        String manifestKey,
        SourceStatistics sourceStatistics,
        Instant startedAt,
        Instant completedAt,
        long dumpMillis)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;
}
