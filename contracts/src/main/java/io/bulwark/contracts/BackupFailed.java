package io.bulwark.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A backup could not be taken; nothing of it is left in the object store. Published on {@link
 * Topics#BACKUP_FAILED}. The message never holds a password.
 *
 * @param reason the failure code
 * @param message the tool's own message (stderr, trimmed) or ours
 * @param exitCode the dump tool's exit code, or null when no tool ran
 * @param attempt 1 for the first attempt
 * @param retryable true when a later attempt may succeed
 */
public record BackupFailed(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID requestId,
        UUID backupId,
        String targetId,
        FailureReason reason,
        String message,
        Integer exitCode,
        int attempt,
        boolean retryable)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;

    /** The message is {@link MessageRedactor#redact redacted}: no secrets, no row data, bounded. */
    public BackupFailed {
        message = MessageRedactor.redact(message);
    }
}
