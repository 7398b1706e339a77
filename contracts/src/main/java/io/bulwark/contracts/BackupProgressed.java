package io.bulwark.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A dump in progress, published every few seconds on {@link Topics#BACKUP_PROGRESS}.
 *
 * @param bytesRead bytes read from the dump tool so far
 * @param bytesWritten bytes stored (after compression and encryption) so far
 * @param elapsedMillis milliseconds since the dump started
 */
public record BackupProgressed(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID backupId,
        UUID requestId,
        String targetId,
        long bytesRead,
        long bytesWritten,
        long elapsedMillis)
        implements BulwarkEvent {}
