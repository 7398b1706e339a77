package io.bulwark.scheduler.domain.alerts;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.TargetHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * RPO_BREACH (CRITICAL): no VERIFIED backup of the target is newer than its {@code rpo}. The age of the newest
 * VERIFIED backup is {@code now - completedAt} (when its data was taken, as in {@link TargetHealth}). Every
 * configured target is watched: one never verified breaches when the scheduler has watched it longer than its
 * {@code rpo} ({@link TargetAlertState#watchedSince()}), so a target added to the configuration and never backed
 * up is noticed too. Resolves as soon as a VERIFIED backup younger than the {@code rpo} is projected.
 */
public final class RpoBreach implements AlertCondition {

    @Override
    public AlertKind kind() {
        return AlertKind.RPO_BREACH;
    }

    @Override
    public List<Finding> evaluate(TargetAlertState target, Instant now) {
        if (target.isInstallation() || target.rpo() == null) {
            return List.of();
        }
        Backup newest = target.newestVerified();
        String rpo = TargetHealth.human(target.rpo());
        if (newest == null) {
            if (target.watchedSince() == null) {
                return List.of();
            }
            Duration watched = Duration.between(target.watchedSince(), now);
            if (watched.compareTo(target.rpo()) <= 0) {
                return List.of();
            }
            return List.of(finding(
                    target,
                    target.targetId() + ": no verified backup in " + TargetHealth.human(watched)
                            + " of watching; RPO is " + rpo,
                    "watched since " + target.watchedSince() + "; the target was never verified",
                    null));
        }
        Duration age = Duration.between(TargetAlertState.takenAt(newest), now);
        if (age.compareTo(target.rpo()) <= 0) {
            return List.of();
        }
        return List.of(finding(
                target,
                target.targetId() + ": no verified backup for " + TargetHealth.human(age) + "; RPO is " + rpo,
                "newest verified backup " + newest.backupId() + " taken at " + TargetAlertState.takenAt(newest),
                null));
    }

    private Finding finding(TargetAlertState target, String summary, String details, UUID backupId) {
        return new Finding(target.targetId(), kind(), AlertSeverity.CRITICAL, "", summary, details, backupId);
    }
}
