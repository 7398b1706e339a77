package io.bulwark.scheduler.domain.alerts;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.scheduler.domain.Schedule;
import io.bulwark.scheduler.domain.TargetHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * MISSED_SCHEDULE (WARNING), one per enabled schedule ({@link Finding#discriminator()} = the schedule's name):
 *
 * <ul>
 *   <li>the schedule's due time ({@code next_run_at}) passed more than {@code grace} ago and no backup was requested
 *       for it (the poller claims a due time when it requests its backup, which moves {@code next_run_at} on), or
 *   <li>the backup its last firing requested is still queued (requested, no dump progress, no result) more than
 *       {@code grace} after the firing.
 * </ul>
 *
 * Resolves when neither holds any more: the due time was fired, or the queued backup started or ended.
 */
public final class MissedSchedule implements AlertCondition {

    private final Duration grace;

    /**
     * @param grace how long past its due time a run may start ({@code bulwark.alerts.missed-schedule-grace}), not
     *     negative
     * @throws IllegalArgumentException when {@code grace} is negative
     */
    public MissedSchedule(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative but was " + grace);
        }
        this.grace = grace;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.MISSED_SCHEDULE;
    }

    @Override
    public List<Finding> evaluate(TargetAlertState target, Instant now) {
        List<Finding> findings = new ArrayList<>();
        for (Schedule s : target.schedules()) {
            if (!s.enabled()) {
                continue;
            }
            if (s.nextRunAt() != null && s.nextRunAt().plus(grace).isBefore(now)) {
                findings.add(new Finding(
                        target.targetId(),
                        kind(),
                        AlertSeverity.WARNING,
                        s.name(),
                        target.targetId() + ": schedule " + s.name() + " was due "
                                + TargetHealth.human(Duration.between(s.nextRunAt(), now))
                                + " ago and did not run; grace is " + TargetHealth.human(grace),
                        "due at " + s.nextRunAt() + " (" + s.cron() + " " + s.zone() + ")",
                        null));
            } else if (s.lastBackupId() != null
                    && s.lastRunAt() != null
                    && target.queuedBackupIds().contains(s.lastBackupId())
                    && s.lastRunAt().plus(grace).isBefore(now)) {
                findings.add(new Finding(
                        target.targetId(),
                        kind(),
                        AlertSeverity.WARNING,
                        s.name(),
                        target.targetId() + ": backup of schedule " + s.name() + " still queued "
                                + TargetHealth.human(Duration.between(s.lastRunAt(), now))
                                + " after it was requested; grace is " + TargetHealth.human(grace),
                        "backup " + s.lastBackupId() + " requested at " + s.lastRunAt() + "; no dump started",
                        s.lastBackupId()));
            }
        }
        return findings;
    }
}
