package io.bulwark.scheduler.adapter.web;

import io.bulwark.contracts.Tier;
import io.bulwark.scheduler.domain.MissedRunPolicy;
import io.bulwark.scheduler.domain.Schedule;
import io.bulwark.scheduler.domain.ScheduleSource;
import java.time.Instant;
import java.util.UUID;

/**
 * A schedule as the API shows it; see {@link Schedule} for the fields. Times are UTC instants; {@code nextRunAt} is
 * null when the schedule is disabled or never fires again.
 */
public record ScheduleView(
        String targetId,
        String name,
        String cron,
        String zone,
        Tier tier,
        String label,
        boolean enabled,
        ScheduleSource source,
        MissedRunPolicy missedRunPolicy,
        Instant nextRunAt,
        Instant lastRunAt,
        UUID lastBackupId,
        Instant createdAt,
        Instant updatedAt) {

    /** The view of a stored schedule. */
    public static ScheduleView of(Schedule s) {
        return new ScheduleView(
                s.targetId(),
                s.name(),
                s.cron(),
                s.zone(),
                s.tier(),
                s.label(),
                s.enabled(),
                s.source(),
                s.missedRunPolicy(),
                s.nextRunAt(),
                s.lastRunAt(),
                s.lastBackupId(),
                s.createdAt(),
                s.updatedAt());
    }
}
