package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.ActivityQueries;
import io.bulwark.scheduler.domain.ActiveBackup;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code GET /api/activity}: what is running now.
 *
 * @param backups the running backups, newest first
 * @param restores the restores in state REQUESTED or RUNNING, newest first
 */
public record ActivityView(List<Backup> backups, List<RestoreView> restores) {

    /** The view of what {@link ActivityQueries#current()} found. */
    public static ActivityView of(ActivityQueries.Activity activity) {
        return new ActivityView(
                activity.backups().stream().map(Backup::of).toList(),
                activity.restores().stream().map(RestoreView::of).toList());
    }

    /**
     * One running backup.
     *
     * @param backupId the backup
     * @param targetId the database backed up
     * @param phase QUEUED (requested, no progress yet), DUMPING (progress seen) or VERIFYING (stored, not verified)
     * @param requestedAt when it was asked for, or null
     * @param completedAt when it was stored, or null while dumping
     * @param bytesRead bytes read from the dump tool per the latest progress, or null
     * @param bytesWritten bytes stored per the latest progress, or null
     * @param elapsedMillis milliseconds since the dump started per the latest progress, or null
     * @param expectedBytes the stored size of the target's previous completed backup, or null
     * @param percent {@code bytesWritten / expectedBytes} in percent, capped at 99, or null
     */
    public record Backup(
            UUID backupId,
            String targetId,
            String phase,
            Instant requestedAt,
            Instant completedAt,
            Long bytesRead,
            Long bytesWritten,
            Long elapsedMillis,
            Long expectedBytes,
            Integer percent) {

        static Backup of(ActiveBackup b) {
            return new Backup(
                    b.backupId(),
                    b.targetId(),
                    b.phase().name(),
                    b.requestedAt(),
                    b.completedAt(),
                    b.bytesRead(),
                    b.bytesWritten(),
                    b.elapsedMillis(),
                    b.expectedBytes(),
                    b.percent());
        }
    }
}
