package io.bulwark.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A restore SUCCEEDED: the backup was restored into {@code destination} and the restored database was proven equal
 * to the manifest for what was restored. Published on {@link Topics#RESTORE_COMPLETED}.
 *
 * @param restoreId the restore
 * @param backupId the backup restored
 * @param prefix the backup's object-key prefix
 * @param destination where it was restored (no credentials)
 * @param forced true when the backup was not VERIFIED and {@code force} restored it anyway
 * @param checks every check of the proof
 * @param timings where the time went; {@code restoreMillis} is the measured restore time
 * @param reportKey object key of {@code restore.json}, null when it could not be stored
 * @param reportPageKey object key of {@code restore.html}, null when it could not be stored
 */
public record RestoreCompleted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID restoreId,
        String targetId,
        UUID backupId,
        String prefix,
        RestoredDatabase destination,
        boolean forced,
        List<CheckResult> checks,
        RestoreReport.Timings timings,
        String reportKey,
        String reportPageKey)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;

    public RestoreCompleted {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
