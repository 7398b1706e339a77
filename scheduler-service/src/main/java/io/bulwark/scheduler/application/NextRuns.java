package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Query: the upcoming runs of the enabled schedules, soonest first. Each schedule contributes its stored next due
 * time and the times after it, so an hourly schedule can fill the list. For other parts of the scheduler too (e.g.
 * a target's next runs).
 */
public class NextRuns {

    /** The most runs one call returns. */
    public static final int MAX_LIMIT = 500;

    private final ScheduleCatalog catalog;
    private final CronCalendar calendar;

    public NextRuns(ScheduleCatalog catalog, CronCalendar calendar) {
        this.catalog = catalog;
        this.calendar = calendar;
    }

    /**
     * The next runs.
     *
     * @param targetId only this target's schedules, or all when empty
     * @param limit how many runs at most, 1..{@link #MAX_LIMIT}
     * @return the runs sorted by time, then target and name; empty when no schedule is enabled
     * @throws InvalidRequestException naming {@code limit} when it is out of range
     */
    public List<NextRun> next(Optional<String> targetId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "limit must be 1.." + MAX_LIMIT + " but was " + limit);
        }
        List<NextRun> runs = new ArrayList<>();
        for (Schedule schedule : catalog.list(targetId.filter(id -> !id.isBlank()))) {
            if (!schedule.enabled() || schedule.nextRunAt() == null) {
                continue;
            }
            ZoneId zone = ZoneId.of(schedule.zone());
            Instant at = schedule.nextRunAt();
            for (int i = 0; i < limit && at != null; i++) {
                runs.add(new NextRun(
                        schedule.targetId(), schedule.name(), at, schedule.cron(), schedule.zone(), schedule.tier()));
                at = calendar.next(schedule.cron(), zone, at).orElse(null);
            }
        }
        return runs.stream()
                .sorted(Comparator.comparing(NextRun::at)
                        .thenComparing(NextRun::targetId)
                        .thenComparing(NextRun::name))
                .limit(limit)
                .toList();
    }
}
