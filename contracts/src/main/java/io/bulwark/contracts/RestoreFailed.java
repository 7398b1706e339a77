package io.bulwark.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A restore FAILED: it was refused, could not run, or ran but the destination differs from the manifest. Published on
 * {@link Topics#RESTORE_FAILED}. A database the restore created itself is dropped before this is published ({@code
 * databaseDropped}); a replaced database is left as the restore left it. The message never holds a password.
 *
 * @param restoreId the restore
 * @param backupId the backup, null when none was found
 * @param prefix the backup's object-key prefix, null when none was found
 * @param reason the failure code
 * @param message why, for a person
 * @param destination where it was to be restored, null when no destination was resolved
 * @param databaseDropped true when the database the restore had created was dropped again
 * @param checks the checks run before it failed, empty when it was refused
 * @param reportKey object key of {@code restore.json}, null when none was stored (no backup found, store down)
 * @param reportPageKey object key of {@code restore.html}, null when none was stored
 */
public record RestoreFailed(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID restoreId,
        String targetId,
        UUID backupId,
        String prefix,
        RestoreFailureReason reason,
        String message,
        RestoredDatabase destination,
        boolean databaseDropped,
        List<CheckResult> checks,
        String reportKey,
        String reportPageKey)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;

    public RestoreFailed {
        message = MessageRedactor.redact(message);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
