package io.bulwark.scheduler.adapter.scheduling;

import io.bulwark.scheduler.application.UpcomingRun;
import io.bulwark.scheduler.application.UpcomingRuns;
import io.bulwark.scheduler.config.SchedulerProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * {@link UpcomingRuns} from the schedules of {@code bulwark.targets.<id>.schedules}: each schedule's next firings
 * after now by Spring's {@link CronExpression} in the schedule's zone, merged soonest first (then by schedule name).
 * Thread-safe.
 */
@Component
public class ConfiguredUpcomingRuns implements UpcomingRuns {

    private final SchedulerProperties properties;
    private final Clock clock;

    public ConfiguredUpcomingRuns(SchedulerProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when limit is below 1
     */
    @Override
    public List<UpcomingRun> forTarget(String targetId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
        }
        SchedulerProperties.Target target = properties.targets().get(targetId);
        if (target == null) {
            return List.of();
        }
        Instant now = clock.instant();
        List<UpcomingRun> runs = new ArrayList<>();
        for (Map.Entry<String, SchedulerProperties.Schedule> entry :
                target.schedules().entrySet()) {
            SchedulerProperties.Schedule schedule = entry.getValue();
            CronExpression cron = CronExpression.parse(schedule.springCron());
            ZonedDateTime at = now.atZone(schedule.zoneId());
            for (int i = 0; i < limit; i++) {
                at = cron.next(at);
                if (at == null) {
                    break;
                }
                runs.add(new UpcomingRun(targetId, entry.getKey(), at.toInstant()));
            }
        }
        return runs.stream()
                .sorted(Comparator.comparing(UpcomingRun::at).thenComparing(UpcomingRun::name))
                .limit(limit)
                .toList();
    }
}
