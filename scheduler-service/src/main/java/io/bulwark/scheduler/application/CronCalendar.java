package io.bulwark.scheduler.application;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Port: reads cron expressions (five-field crontab, six-field with seconds first, or a macro such as {@code
 * @daily}) in a zone's wall-clock time, daylight saving handled as {@link io.bulwark.scheduler.domain.WallClockRuns}
 * describes.
 */
public interface CronCalendar {

    /**
     * Checks an expression.
     *
     * @param cron the expression as written
     * @throws IllegalArgumentException with a message saying what is wrong when it does not parse
     */
    void check(String cron);

    /**
     * The first time the expression fires strictly after {@code after}.
     *
     * @param cron a valid expression (see {@link #check})
     * @param zone the zone it is read in
     * @param after an instant
     * @return that time, or empty when it never fires again
     * @throws IllegalArgumentException when the expression does not parse
     */
    Optional<Instant> next(String cron, ZoneId zone, Instant after);
}
