package io.bulwark.dumpworker.application;

import java.time.Duration;

/**
 * Port: records what the dump-worker did, for the operators' metrics. Implementations must be thread-safe and must
 * not throw (a metric is never a reason to fail a backup).
 */
public interface BackupMetrics {

    /**
     * A backup completed.
     *
     * @param targetId the target's id
     * @param dumpDuration from the dump's start to the manifest, not negative
     * @param storedBytes bytes stored in the object store (compressed and encrypted), not negative
     */
    void backupCompleted(String targetId, Duration dumpDuration, long storedBytes);

    /**
     * A backup failed (published {@code BackupFailed}).
     *
     * @param targetId the target's id, as the request named it
     */
    void backupFailed(String targetId);

    /** Records nothing. */
    BackupMetrics NONE = new BackupMetrics() {
        @Override
        public void backupCompleted(String targetId, Duration dumpDuration, long storedBytes) {}

        @Override
        public void backupFailed(String targetId) {}
    };
}
