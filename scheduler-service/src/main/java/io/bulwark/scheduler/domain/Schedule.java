package io.bulwark.scheduler.domain;

import io.bulwark.contracts.Tier;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A schedule as stored: when to back up a target, with what tier and label, and where it stands.
 *
 * @param targetId the configured target, {@code [a-z0-9][a-z0-9_-]{0,62}}
 * @param name the schedule's name, unique per target, same pattern
 * @param cron the expression as written (five-field crontab, six-field Spring cron, or a macro like {@code @daily})
 * @param zone the IANA zone id the expression is read in, e.g. {@code Europe/Berlin}
 * @param tier the retention tier of the backups it requests
 * @param label the label of its backups, or null for the tier name
 * @param enabled false when an operator disabled it: it is not fired and has no next run
 * @param source where it was declared
 * @param missedRunPolicy what it does with a due time long past
 * @param nextRunAt the next due time, or null when disabled or the expression never fires again
 * @param lastRunAt when it last fired, or null
 * @param lastBackupId the backup its last firing requested, or null
 * @param createdAt when it was first stored
 * @param updatedAt when it was last changed (settings, enabling; not firing)
 */
public record Schedule(
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

    public Schedule {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(missedRunPolicy, "missedRunPolicy");
    }

    /** This schedule enabled or disabled, with {@code nextRunAt} and {@code updatedAt} as given. */
    public Schedule withEnabled(boolean enabled, Instant nextRunAt, Instant updatedAt) {
        return new Schedule(
                targetId,
                name,
                cron,
                zone,
                tier,
                label,
                enabled,
                source,
                missedRunPolicy,
                nextRunAt,
                lastRunAt,
                lastBackupId,
                createdAt,
                updatedAt);
    }
}
