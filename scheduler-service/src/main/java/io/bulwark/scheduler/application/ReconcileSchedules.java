package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.Schedule;
import io.bulwark.scheduler.domain.ScheduleSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: makes the stored CONFIG schedules match the configuration, at start-up, in one transaction serialized
 * with other instances doing the same ({@link ScheduleCatalog#lock}).
 *
 * <ul>
 *   <li>A configured schedule not stored yet is inserted, enabled, its next run the first time after now.
 *   <li>A stored one gets the configured cron, zone, tier, label and missed-run policy and becomes CONFIG (also when
 *       it was created through the API under the same name: configuration wins). {@code enabled} stays as an
 *       operator last set it. Its next run is kept, so a run missed while no scheduler ran follows the missed-run
 *       policy, unless the cron or zone changed (then the first time after now).
 *   <li>A stored CONFIG schedule no longer configured is deleted; API schedules are kept.
 * </ul>
 */
public class ReconcileSchedules {

    private static final Logger log = LoggerFactory.getLogger(ReconcileSchedules.class);

    private final ScheduleCatalog catalog;
    private final CronCalendar calendar;
    private final Transactions transactions;
    private final Clock clock;

    public ReconcileSchedules(ScheduleCatalog catalog, CronCalendar calendar, Transactions transactions, Clock clock) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Reconciles.
     *
     * @param configured every configured schedule (validated at binding)
     * @throws RuntimeException when the catalog fails (nothing changed)
     */
    public void reconcile(List<ConfiguredSchedule> configured) {
        transactions.inTransaction(() -> {
            catalog.lock();
            Instant now = now();
            Set<String> keys = new HashSet<>();
            for (ConfiguredSchedule c : configured) {
                keys.add(key(c.targetId(), c.name()));
                upsert(c, catalog.find(c.targetId(), c.name()), now);
            }
            for (Schedule stored : catalog.list(Optional.empty())) {
                if (stored.source() == ScheduleSource.CONFIG && !keys.contains(key(stored.targetId(), stored.name()))) {
                    catalog.delete(stored.targetId(), stored.name());
                    log.info("schedule {}/{} is no longer configured: deleted", stored.targetId(), stored.name());
                }
            }
            return null;
        });
    }

    private void upsert(ConfiguredSchedule c, Optional<Schedule> stored, Instant now) {
        ZoneId zone = ZoneId.of(c.zone());
        if (stored.isEmpty()) {
            Instant next = calendar.next(c.cron(), zone, now).orElse(null);
            catalog.insert(new Schedule(
                    c.targetId(),
                    c.name(),
                    c.cron(),
                    zone.getId(),
                    c.tier(),
                    c.label(),
                    true,
                    ScheduleSource.CONFIG,
                    c.missedRunPolicy(),
                    next,
                    null,
                    null,
                    now,
                    now));
            log.info(
                    "schedule {}/{}: cron '{}' in {} (tier {}), next run {}",
                    c.targetId(),
                    c.name(),
                    c.cron(),
                    zone,
                    c.tier(),
                    next);
            return;
        }
        Schedule s = stored.get();
        boolean timingChanged = !s.cron().equals(c.cron()) || !s.zone().equals(zone.getId());
        Instant next = !s.enabled()
                ? null
                : timingChanged || s.nextRunAt() == null
                        ? calendar.next(c.cron(), zone, now).orElse(null)
                        : s.nextRunAt();
        boolean changed = timingChanged
                || s.tier() != c.tier()
                || !Objects.equals(s.label(), c.label())
                || s.missedRunPolicy() != c.missedRunPolicy()
                || s.source() != ScheduleSource.CONFIG
                || !Objects.equals(s.nextRunAt(), next);
        if (!changed) {
            return;
        }
        if (s.source() == ScheduleSource.API) {
            log.warn(
                    "schedule {}/{} was created through the API and is now declared in configuration: configuration"
                            + " wins",
                    c.targetId(),
                    c.name());
        }
        catalog.update(new Schedule(
                c.targetId(),
                c.name(),
                c.cron(),
                zone.getId(),
                c.tier(),
                c.label(),
                s.enabled(),
                ScheduleSource.CONFIG,
                c.missedRunPolicy(),
                next,
                s.lastRunAt(),
                s.lastBackupId(),
                s.createdAt(),
                now));
        log.info(
                "schedule {}/{}: cron '{}' in {} (tier {}), next run {}",
                c.targetId(),
                c.name(),
                c.cron(),
                zone,
                c.tier(),
                next);
    }

    private static String key(String targetId, String name) {
        return targetId + "/" + name;
    }

    /** The clock's time to the microsecond, as PostgreSQL stores it, so that what is returned equals what is read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
