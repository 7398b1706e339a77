package io.bulwark.scheduler.application;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The newest VERIFIED backup of a target (or of all targets).
 *
 * @param backupId the backup
 * @param completedAt when it was taken (its manifest written), or null when unknown
 * @param verifiedAt when its latest verification was published
 * @param ageSeconds seconds from {@code completedAt} (else {@code verifiedAt}) to now, at least 0
 */
public record LastVerified(UUID backupId, Instant completedAt, Instant verifiedAt, long ageSeconds) {

    /** The entry for {@code backup} judged at {@code now}, or null when there is no such backup. */
    static LastVerified of(StatisticsReads.VerifiedBackup backup, Instant now) {
        if (backup == null) {
            return null;
        }
        Instant taken = backup.completedAt() != null ? backup.completedAt() : backup.verifiedAt();
        long age = taken == null ? 0 : Math.max(0, Duration.between(taken, now).toSeconds());
        return new LastVerified(backup.backupId(), backup.completedAt(), backup.verifiedAt(), age);
    }

    /** When the backup's data was taken: {@code completedAt}, else {@code verifiedAt}. */
    public Instant takenAt() {
        return completedAt != null ? completedAt : verifiedAt;
    }
}
