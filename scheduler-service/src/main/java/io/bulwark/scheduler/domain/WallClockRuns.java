package io.bulwark.scheduler.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The next run of a cron expression read in wall-clock (local) time of a zone, with daylight saving handled the way
 * crontab users expect: every local time the expression names fires exactly once.
 *
 * <ul>
 *   <li>Spring-forward gap (e.g. 02:00-03:00 on 2026-03-29 in Europe/Berlin): a local time inside the gap fires at
 *       the same offset after the gap, so {@code 30 2 * * *} fires at 03:30 local time that day instead of being
 *       skipped. When that moved time coincides with another time of the expression ({@code 30 2-3 * * *}), the two
 *       merge into one run.
 *   <li>Fall-back overlap (e.g. 02:00-03:00 twice on 2026-10-25): a local time that happens twice fires only the
 *       first time (the summer-time offset); {@code 30 2 * * *} fires once, at 02:30 CEST (00:30 UTC). The repeated
 *       hour is not fired again, so an hourly expression fires once for that hour, too.
 * </ul>
 *
 * <p>The cron matching itself (which local times an expression names) is passed in as a {@link LocalNext}, so this
 * class stays free of any cron library. Thread-safe (stateless).
 */
public final class WallClockRuns {

    /** Bound on consecutive candidates before {@code after}: only the repeated local times of one overlap (3600 for a per-second expression in a one-hour overlap). */
    private static final int MAX_CANDIDATES = 10_000;

    private WallClockRuns() {}

    /** The local times an expression names. */
    @FunctionalInterface
    public interface LocalNext {

        /**
         * The first local time the expression names strictly after {@code local}.
         *
         * @param local a local date-time
         * @return that time, or null when the expression names no later time
         */
        LocalDateTime next(LocalDateTime local);
    }

    /**
     * The first run strictly after {@code after}.
     *
     * @param expression the local times of the expression
     * @param zone the zone the expression is read in
     * @param after an instant
     * @return the run's instant, or empty when the expression never fires again
     */
    public static Optional<Instant> next(LocalNext expression, ZoneId zone, Instant after) {
        LocalDateTime cursor = LocalDateTime.ofInstant(after, zone);
        for (int i = 0; i < MAX_CANDIDATES; i++) {
            LocalDateTime local = expression.next(cursor);
            if (local == null) {
                return Optional.empty();
            }
            Instant candidate = firstOccurrence(local, zone);
            if (candidate.isAfter(after)) {
                return Optional.of(candidate);
            }
            // a repeated local time (fall-back overlap) whose first pass lies before 'after': never fired twice
            cursor = local;
        }
        return Optional.empty();
    }

    /** The instant a local time first happens; a time in a gap is moved forward by the gap's length. */
    private static Instant firstOccurrence(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.ofLocal(local, zone, null)
                .withEarlierOffsetAtOverlap()
                .toInstant();
    }
}
