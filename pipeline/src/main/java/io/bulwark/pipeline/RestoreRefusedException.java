package io.bulwark.pipeline;

import io.bulwark.contracts.RestoreFailureReason;

/**
 * A restore that will not be made, and why: the request or the destination breaks a rule (a non-empty database
 * without replace and confirmation, an unknown table, a backup not VERIFIED without force). Nothing was written when
 * it is thrown. The message says it for a person and never holds a secret.
 */
public class RestoreRefusedException extends RuntimeException {

    private final RestoreFailureReason reason;

    /**
     * @param reason the failure code the restore ends with
     * @param message why, for a person
     */
    public RestoreRefusedException(RestoreFailureReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * The check a refusal for {@code reason} is reported as: {@code backup} (no backup, not VERIFIED), {@code request}
     * (a rule of the request), {@code storage} (the object store), else {@code destination}.
     */
    public static String checkOf(RestoreFailureReason reason) {
        return switch (reason) {
            case BACKUP_NOT_FOUND, BACKUP_NOT_VERIFIED -> "backup";
            case INVALID_REQUEST -> "request";
            case STORAGE_UNAVAILABLE -> "storage";
            default -> "destination";
        };
    }

    /** The failure code the restore ends with. */
    public RestoreFailureReason reason() {
        return reason;
    }
}
