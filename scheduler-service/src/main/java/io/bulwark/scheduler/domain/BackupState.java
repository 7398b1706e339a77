package io.bulwark.scheduler.domain;

import io.bulwark.contracts.Outcome;

/** Where a backup is in its lifecycle, as projected from the events. See {@link BackupLifecycle}. */
public enum BackupState {
    /** A {@code BackupRequested} was seen; no dump result yet. */
    REQUESTED,
    /** The dump failed ({@code BackupFailed}); nothing of it is stored. */
    FAILED,
    /** The artifact and its manifest are stored ({@code BackupCompleted}). */
    COMPLETED,
    /** The latest verification PASSED. */
    VERIFIED,
    /** The latest verification found the backup bad (outcome FAILED). */
    VERIFICATION_FAILED,
    /** The latest verification could not judge (outcome ERROR). */
    VERIFICATION_ERROR,
    /** Every object of the backup was removed ({@code BackupDeleted}). */
    DELETED;

    /**
     * The state a verification outcome leads to.
     *
     * @param outcome the verdict of a {@code BackupVerified}, not null
     * @return VERIFIED for PASSED, VERIFICATION_FAILED for FAILED, VERIFICATION_ERROR for ERROR
     */
    public static BackupState ofVerification(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> VERIFIED;
            case FAILED -> VERIFICATION_FAILED;
            case ERROR -> VERIFICATION_ERROR;
        };
    }

    /** True for the three states a verification leads to. */
    public boolean isVerification() {
        return this == VERIFIED || this == VERIFICATION_FAILED || this == VERIFICATION_ERROR;
    }

    /** True when no event moves the backup out of this state any more. */
    public boolean isTerminal() {
        return BackupLifecycle.allowedFrom(this).isEmpty();
    }
}
