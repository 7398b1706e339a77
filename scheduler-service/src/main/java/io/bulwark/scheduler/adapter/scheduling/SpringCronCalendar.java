package io.bulwark.scheduler.adapter.scheduling;

import io.bulwark.scheduler.application.CronCalendar;
import io.bulwark.scheduler.domain.CronFields;
import io.bulwark.scheduler.domain.WallClockRuns;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * {@link CronCalendar} on Spring's {@link CronExpression}: the expression ({@link CronFields#toSpringCron five fields
 * made six}) is matched against local date-times, and {@link WallClockRuns} maps those to instants with daylight
 * saving handled (a time in a spring-forward gap fires after the gap, a repeated time fires once). Thread-safe.
 */
@Component
public class SpringCronCalendar implements CronCalendar {

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException with Spring's or {@link CronFields}' explanation
     */
    @Override
    public void check(String cron) {
        parse(cron);
    }

    @Override
    public Optional<Instant> next(String cron, ZoneId zone, Instant after) {
        CronExpression expression = parse(cron);
        return WallClockRuns.next(expression::next, zone, after);
    }

    private static CronExpression parse(String cron) {
        return CronExpression.parse(CronFields.toSpringCron(cron));
    }
}
