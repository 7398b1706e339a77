package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.Firing;
import io.bulwark.scheduler.domain.Schedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: one poll of the schedules. Reads the due schedules, claims each due time by a compare-and-set on its
 * {@code nextRunAt} (advancing it to the next time after now, see {@link Firing}), all in one transaction, and after
 * the commit requests a backup for every claimed due time that is to fire, recording it as the schedule's last run.
 *
 * <p>Exactly once: a due time is fired only by the caller whose claim changed the row, whichever scheduler instance
 * it runs in. A request the broker refuses is logged and not retried; the schedule goes on with its next time.
 */
public class FireDueSchedules {

    /** How many due schedules one poll handles at most; the rest wait for the next poll. */
    static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(FireDueSchedules.class);

    private final ScheduleCatalog catalog;
    private final CronCalendar calendar;
    private final RequestBackup requestBackup;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration tolerance;

    /**
     * @param tolerance how late a due time may be and still count as on time (poll interval plus grace); a later one
     *     is missed and follows the schedule's missed-run policy
     */
    public FireDueSchedules(
            ScheduleCatalog catalog,
            CronCalendar calendar,
            RequestBackup requestBackup,
            Transactions transactions,
            Clock clock,
            Duration tolerance) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.requestBackup = requestBackup;
        this.transactions = transactions;
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /**
     * Polls once.
     *
     * @return how many backups were requested
     * @throws RuntimeException when the catalog cannot be read or the claims cannot be committed (nothing fired)
     */
    public int fireDue() {
        Instant now = now();
        List<Schedule> claimed = transactions.inTransaction(() -> claim(now));
        int requested = 0;
        for (Schedule schedule : claimed) {
            if (fire(schedule)) {
                requested++;
            }
        }
        return requested;
    }

    private List<Schedule> claim(Instant now) {
        List<Schedule> toFire = new ArrayList<>();
        for (Schedule schedule : catalog.due(now, BATCH)) {
            ZoneId zone = ZoneId.of(schedule.zone());
            Firing firing = Firing.decide(
                    schedule.nextRunAt(),
                    now,
                    tolerance,
                    schedule.missedRunPolicy(),
                    after -> calendar.next(schedule.cron(), zone, after));
            if (!catalog.claim(schedule.targetId(), schedule.name(), schedule.nextRunAt(), firing.nextRunAt())) {
                continue; // another instance claimed it, or it was changed meanwhile
            }
            if (firing.missed()) {
                log.warn(
                        "schedule {}/{} missed its run at {} ({}); next run {}",
                        schedule.targetId(),
                        schedule.name(),
                        schedule.nextRunAt(),
                        firing.fire() ? "running it once now" : "skipped",
                        firing.nextRunAt());
            }
            if (firing.fire()) {
                toFire.add(schedule);
            }
        }
        return toFire;
    }

    private boolean fire(Schedule schedule) {
        try {
            Backup backup =
                    requestBackup.scheduled(schedule.targetId(), schedule.name(), schedule.tier(), schedule.label());
            catalog.recordRun(schedule.targetId(), schedule.name(), now(), backup.backupId());
            return true;
        } catch (RuntimeException e) {
            log.error(
                    "schedule {}/{} was due at {} but the backup could not be requested: {}",
                    schedule.targetId(),
                    schedule.name(),
                    schedule.nextRunAt(),
                    e.toString());
            return false;
        }
    }

    /** The clock's time to the microsecond, as PostgreSQL stores it, so that what is returned equals what is read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
