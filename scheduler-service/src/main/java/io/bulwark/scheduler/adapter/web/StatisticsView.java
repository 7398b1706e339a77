package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.LastVerified;
import io.bulwark.scheduler.application.Statistics;
import io.bulwark.scheduler.application.UpcomingRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/statistics}; every field as {@link Statistics} documents it. Durations are in
 * milliseconds, sizes in bytes, rates 0..1 (null when there was nothing to count).
 *
 * @param targetId the target, or null for all
 * @param days the window in days
 * @param from the window's start
 * @param to the window's end (now)
 * @param windows keys {@code 7d} and {@code 30d}
 * @param dumpMillis dump durations of the window
 * @param verifyMillis verification durations of the window
 * @param restoreMillis measured restore times of the window (passed verifications and real restores)
 * @param artifactBytes stored artifact sizes of the window
 * @param storedBytes the stored sizes of the backups not DELETED, summed
 * @param rtoMillis the target's RTO in milliseconds, null for all targets
 * @param rpoSeconds the target's RPO in seconds, null for all targets
 * @param lastVerified the newest VERIFIED backup, or null
 * @param nextRuns the next scheduled backups {@code {targetId, name, at}}, soonest first
 * @param series the window's backups, oldest first
 */
public record StatisticsView(
        String targetId,
        int days,
        Instant from,
        Instant to,
        Map<String, Statistics.Window> windows,
        Statistics.Durations dumpMillis,
        Statistics.Durations verifyMillis,
        Statistics.Durations restoreMillis,
        Statistics.Artifacts artifactBytes,
        long storedBytes,
        Long rtoMillis,
        Long rpoSeconds,
        LastVerified lastVerified,
        List<UpcomingRun> nextRuns,
        List<Statistics.Point> series) {

    /** The view of {@code s}. */
    public static StatisticsView of(Statistics s) {
        return new StatisticsView(
                s.targetId(),
                s.days(),
                s.from(),
                s.to(),
                s.windows(),
                s.dumpMillis(),
                s.verifyMillis(),
                s.restoreMillis(),
                s.artifactBytes(),
                s.storedBytes(),
                s.rtoMillis(),
                s.rpoSeconds(),
                s.lastVerified(),
                s.nextRuns(),
                s.series());
    }
}
