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

    /** The failure code the restore ends with. */
    public RestoreFailureReason reason() {
        return reason;
    }
}
