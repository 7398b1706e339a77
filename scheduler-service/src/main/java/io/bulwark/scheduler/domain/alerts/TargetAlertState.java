package io.bulwark.scheduler.domain.alerts;

import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the alert rules know of one configured target at one moment, read from the scheduler's projection.
 *
 * @param targetId the target, or {@link BulwarkEvent#ALL_TARGETS} for the installation ({@link #installation})
 * @param rpo the target's recovery point objective ({@code bulwark.targets.<id>.rpo}), positive
 * @param rto the target's recovery time objective ({@code bulwark.targets.<id>.rto}), positive
 * @param maxDumpDuration the longest a dump may take ({@code bulwark.targets.<id>.alerts.max-dump-duration}), or
 *     null when not set
 * @param watchedSince when the scheduler first evaluated alerts of this target (the start of the RPO clock of a
 *     target never backed up)
 * @param newestVerified the newest VERIFIED backup by completion time, or null when there is none
 * @param backups the target's most recent backups in any state, newest first (by request time)
 * @param schedules the target's schedules
 * @param queuedBackupIds the target's backups requested but with no dump progress and no result yet
 * @param objectStoreError for the installation: why the object store did not answer, or null when it did (or none
 *     is configured)
 */
public record TargetAlertState(
        String targetId,
        Duration rpo,
        Duration rto,
        Duration maxDumpDuration,
        Instant watchedSince,
        Backup newestVerified,
        List<Backup> backups,
        List<Schedule> schedules,
        Set<UUID> queuedBackupIds,
        String objectStoreError) {

    public TargetAlertState {
        Objects.requireNonNull(targetId, "targetId");
        backups = backups == null ? List.of() : List.copyOf(backups);
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        queuedBackupIds = queuedBackupIds == null ? Set.of() : Set.copyOf(queuedBackupIds);
    }

    /** The state of the installation as a whole: only the object store's answer. */
    public static TargetAlertState installation(String objectStoreError) {
        return new TargetAlertState(
                BulwarkEvent.ALL_TARGETS,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                Set.of(),
                objectStoreError);
    }

    /** True for the state made by {@link #installation}. */
    public boolean isInstallation() {
        return BulwarkEvent.ALL_TARGETS.equals(targetId);
    }

    /**
     * The backups whose latest verification had a verdict, the most recently verified first.
     */
    public List<Backup> verifications() {
        return backups.stream()
                .filter(b -> b.verificationOutcome() != null && b.verifiedAt() != null)
                .sorted(Comparator.comparing(Backup::verifiedAt).reversed())
                .toList();
    }

    /** When a backup's data was taken: its completion, else its request, else its first sight. */
    public static Instant takenAt(Backup b) {
        if (b.completedAt() != null) {
            return b.completedAt();
        }
        return b.requestedAt() != null ? b.requestedAt() : b.firstSeenAt();
    }
}
