package io.bulwark.retention.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The retention of one schedule's backups ({@code bulwark.targets.<id>.schedules.<name>.retention}): backups whose
 * label is {@code label} are kept for {@code keep} after they were taken, measured against the clock, instead of being
 * judged by the target's GFS rules.
 *
 * @param schedule the schedule's name, e.g. {@code weekly}; names the rule ({@code schedule weekly: within 30d})
 * @param label the label of its backups (its {@code label}, else its tier in lower case)
 * @param keep how long its backups are kept, longer than zero
 * @throws IllegalArgumentException when {@code keep} is not longer than zero
 */
public record ScheduleRetention(String schedule, String label, Duration keep) {

    public ScheduleRetention {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(keep, "keep");
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("the retention of schedule " + schedule + " must be longer than 0");
        }
    }
}
