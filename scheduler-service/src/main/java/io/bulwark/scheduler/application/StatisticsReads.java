package io.bulwark.scheduler.application;

import io.bulwark.contracts.Outcome;
import io.bulwark.scheduler.domain.BackupState;
import io.bulwark.scheduler.domain.TargetHealth;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Port: the reads of the backup and restore projections that targets and statistics need. */
public interface StatisticsReads {

    /**
     * What the catalog holds of a target now.
     *
     * @param targetId the target, or null for all targets together
     */
    TargetSnapshot snapshot(String targetId);

    /**
     * The backups requested (else completed, else first seen) in {@code [from, to]}, oldest first.
     *
     * @param targetId the target, or null for all targets
     */
    List<BackupSample> backups(String targetId, Instant from, Instant to);

    /**
     * The measured restore times of the real restores of whole backups (no schema or table filter) that SUCCEEDED
     * and finished in {@code [from, to]}, oldest first; restores without recorded timings are left out.
     *
     * @param targetId the target, or null for all targets
     */
    List<RestoreSample> restores(String targetId, Instant from, Instant to);

    /**
     * The catalog's summary of a target (or of all).
     *
     * @param storedBytes the sum of {@code storedBytes} of the backups not DELETED
     * @param backupCount how many backups are not DELETED (any other state)
     * @param lastBackup the newest backup by request time (else completion, else first seen), or null
     * @param newestVerified the VERIFIED backup taken last (by {@code completedAt}), or null
     * @param latestVerification the newest verification by its time, of any backup (also a deleted one), or null
     * @param latestFailedDumpAt when the newest FAILED backup failed, or null when none failed
     */
    record TargetSnapshot(
            long storedBytes,
            long backupCount,
            LastBackup lastBackup,
            VerifiedBackup newestVerified,
            TargetHealth.Verification latestVerification,
            Instant latestFailedDumpAt) {}

    /**
     * The newest backup.
     *
     * @param backupId the backup
     * @param state its state
     * @param at when it was requested, else completed, else first seen
     */
    record LastBackup(UUID backupId, BackupState state, Instant at) {}

    /**
     * A VERIFIED backup.
     *
     * @param backupId the backup
     * @param completedAt when it was taken, or null when unknown
     * @param verifiedAt when its latest verification was published
     */
    record VerifiedBackup(UUID backupId, Instant completedAt, Instant verifiedAt) {}

    /**
     * One backup for the statistics.
     *
     * @param backupId the backup
     * @param targetId its target
     * @param at when it was requested, else completed, else first seen
     * @param state its state
     * @param storedBytes the stored artifact's size, or null
     * @param completedAt when it was taken, or null
     * @param dumpMillis the dump's duration, or null
     * @param verifiedAt when its latest verification was published, or null
     * @param outcome its latest verification's outcome, or null when it was never verified
     * @param verifyMillis its latest verification's duration, or null
     * @param restoreMillis its latest verification's measured restore time, or null
     */
    record BackupSample(
            UUID backupId,
            String targetId,
            Instant at,
            BackupState state,
            Long storedBytes,
            Instant completedAt,
            Long dumpMillis,
            Instant verifiedAt,
            Outcome outcome,
            Long verifyMillis,
            Long restoreMillis) {}

    /**
     * One real restore's measured restore time.
     *
     * @param restoreId the restore
     * @param targetId the target whose backup was restored
     * @param finishedAt when it finished
     * @param restoreMillis download, decryption, decompression and the restore tool, in milliseconds
     */
    record RestoreSample(UUID restoreId, String targetId, Instant finishedAt, long restoreMillis) {}
}
