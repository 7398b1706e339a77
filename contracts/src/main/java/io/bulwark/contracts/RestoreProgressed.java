package io.bulwark.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A restore in progress, published on {@link Topics#RESTORE_PROGRESS} every few seconds while it runs and at each
 * phase change. Progress is measured on the stored artifact: {@code bytesRead} of {@code bytesTotal}.
 *
 * @param restoreId the restore
 * @param backupId the backup being restored, null while it is still being found
 * @param phase what the restore is doing
 * @param bytesRead stored (compressed, encrypted) bytes read from the object store so far
 * @param bytesTotal the stored artifact's size in bytes, 0 when not known yet
 * @param bytesRestored decoded archive bytes handed to the restore tool so far
 * @param percent {@code bytesRead} of {@code bytesTotal} in percent, 0..100 (100 once proving)
 * @param etaSeconds estimated seconds until the restore tool has read the whole archive, null when not known
 * @param elapsedMillis milliseconds since the restore started
 */
public record RestoreProgressed(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID restoreId,
        String targetId,
        UUID backupId,
        RestorePhase phase,
        long bytesRead,
        long bytesTotal,
        long bytesRestored,
        int percent,
        Long etaSeconds,
        long elapsedMillis)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;
}
