package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.TargetHealth;
import java.util.List;

/**
 * A configured target with its health and what the catalog holds of it.
 *
 * @param settings the target's configuration and objectives
 * @param health the {@link TargetHealth} verdict with its reason
 * @param lastBackup the newest backup of any state, or null
 * @param lastVerified the newest VERIFIED backup, or null
 * @param storedBytes the sum of the stored sizes of its backups that are not DELETED
 * @param backupCount how many of its backups are not DELETED
 * @param nextRuns its next scheduled backups, soonest first
 */
public record TargetStatus(
        TargetSettings settings,
        TargetHealth health,
        StatisticsReads.LastBackup lastBackup,
        LastVerified lastVerified,
        long storedBytes,
        long backupCount,
        List<UpcomingRun> nextRuns) {

    public TargetStatus {
        nextRuns = List.copyOf(nextRuns);
    }
}
