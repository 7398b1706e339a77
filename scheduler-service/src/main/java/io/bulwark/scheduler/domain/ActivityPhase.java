package io.bulwark.scheduler.domain;

/** Where a running backup stands, as {@code GET /api/activity} shows it. */
public enum ActivityPhase {
    /** Requested; the dump-worker has not reported any progress yet. */
    QUEUED,
    /** Requested, and the dump-worker reported progress: the dump is running. */
    DUMPING,
    /** Stored (COMPLETED) and not yet verified. */
    VERIFYING;

    /**
     * The phase of a backup in {@code state}, or null when the backup is not running (failed, verified, deleted).
     *
     * @param progressSeen whether any progress of the backup was projected
     */
    public static ActivityPhase of(BackupState state, boolean progressSeen) {
        return switch (state) {
            case REQUESTED -> progressSeen ? DUMPING : QUEUED;
            case COMPLETED -> VERIFYING;
            default -> null;
        };
    }
}
