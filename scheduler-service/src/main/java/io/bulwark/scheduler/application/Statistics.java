package io.bulwark.scheduler.application;

import io.bulwark.contracts.Outcome;
import io.bulwark.scheduler.domain.BackupState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The statistics of one target (or of all) over a time window; see {@link ComputeStatistics} for how each number is
 * made.
 *
 * @param targetId the target, or null for all targets
 * @param days the window's length in days
 * @param from the window's start ({@code to} minus {@code days})
 * @param to the window's end: now
 * @param windows the success and verification rates of the last 7 and 30 days, keys {@code 7d} and {@code 30d}
 * @param dumpMillis the dump durations of the window
 * @param verifyMillis the verification durations of the window
 * @param restoreMillis the measured restore times of the window: passed verifications and real restores
 * @param artifactBytes the stored artifact sizes of the window
 * @param storedBytes the sum of the stored sizes of the backups not DELETED (now, whatever the window)
 * @param rtoMillis the target's recovery time objective in milliseconds; null for all targets
 * @param rpoSeconds the target's recovery point objective in seconds; null for all targets
 * @param lastVerified the newest VERIFIED backup, or null
 * @param nextRuns the next scheduled backups, soonest first
 * @param series the window's backups, oldest first: the chart data (at most {@link ComputeStatistics#MAX_SERIES},
 *     the newest)
 */
public record Statistics(
        String targetId,
        int days,
        Instant from,
        Instant to,
        Map<String, Window> windows,
        Durations dumpMillis,
        Durations verifyMillis,
        Durations restoreMillis,
        Artifacts artifactBytes,
        long storedBytes,
        Long rtoMillis,
        Long rpoSeconds,
        LastVerified lastVerified,
        List<UpcomingRun> nextRuns,
        List<Point> series) {

    /**
     * Success and verification rates of the backups requested in a window.
     *
     * @param backups how many backups were requested
     * @param succeeded how many of them were stored (have a completion time)
     * @param failed how many of them FAILED
     * @param successRate {@code succeeded / (succeeded + failed)}, 0..1; null when neither (only running ones)
     * @param verifications how many of them have a verification outcome (their latest verification's)
     * @param passed how many of those PASSED
     * @param verificationPassRate {@code passed / verifications}, 0..1; null when there was no verification
     */
    public record Window(
            long backups,
            long succeeded,
            long failed,
            Double successRate,
            long verifications,
            long passed,
            Double verificationPassRate) {}

    /**
     * Durations in milliseconds.
     *
     * @param count how many samples
     * @param p50 the nearest-rank median, or null without samples
     * @param p95 the nearest-rank 95th percentile, or null without samples
     * @param trend the p50 of the newer half of the samples minus the p50 of the older half, or null with fewer than
     *     two samples
     */
    public record Durations(int count, Long p50, Long p95, Long trend) {}

    /**
     * Stored artifact sizes in bytes.
     *
     * @param latest the newest backup's size, or null without samples
     * @param p50 the nearest-rank median, or null without samples
     * @param growthPercent the change from the oldest to the newest size in percent of the oldest (one decimal), or
     *     null with fewer than two samples or an oldest of 0
     */
    public record Artifacts(Long latest, Long p50, Double growthPercent) {}

    /**
     * One backup of the chart data.
     *
     * @param backupId the backup
     * @param targetId its target
     * @param at when it was requested (else completed, else first seen)
     * @param state its state
     * @param storedBytes its stored size, or null
     * @param dumpMillis its dump's duration, or null
     * @param verifyMillis its latest verification's duration, or null
     * @param restoreMillis its latest verification's measured restore time, or null
     * @param outcome its latest verification's outcome, or null
     */
    public record Point(
            UUID backupId,
            String targetId,
            Instant at,
            BackupState state,
            Long storedBytes,
            Long dumpMillis,
            Long verifyMillis,
            Long restoreMillis,
            Outcome outcome) {}
}
