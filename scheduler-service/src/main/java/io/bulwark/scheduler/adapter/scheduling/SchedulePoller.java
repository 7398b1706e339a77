package io.bulwark.scheduler.adapter.scheduling;

import io.bulwark.scheduler.application.FireDueSchedules;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Runs the schedules, cluster-safe: at start-up first reconciles the configured schedules ({@code reconcile}), then
 * every {@code pollInterval} (fixed delay) runs {@link FireDueSchedules#fireDue} under the ShedLock lock {@value
 * #LOCK_NAME} (table {@code scheduler.shedlock}), so one scheduler instance at a time polls; an instance that finds
 * the lock taken skips that poll. The compare-and-set in {@link FireDueSchedules} makes each due time fire once even
 * if two polls overlap (a lock outliving {@code lockAtMostFor}).
 *
 * <p>Started after the rest of the context (so the Kafka bindings exist), stopped first. A failed poll is logged;
 * the next one tries again. The timer itself is {@link LockedPoller}'s.
 */
public class SchedulePoller extends LockedPoller {

    /** The name of the lock row. */
    public static final String LOCK_NAME = "bulwark-schedules";

    private final Runnable reconcile;

    /**
     * @param reconcile makes the stored schedules match the configuration; run once in {@link #start}
     * @param fireDue one poll
     * @param locks ShedLock's executor on the shared lock table
     * @param clock the lock's creation time
     * @param pollInterval the pause between two polls, positive
     * @param lockAtMostFor how long a lock of a crashed instance blocks the others, longer than a poll takes
     */
    public SchedulePoller(
            Runnable reconcile,
            FireDueSchedules fireDue,
            LockingTaskExecutor locks,
            Clock clock,
            Duration pollInterval,
            Duration lockAtMostFor) {
        super(
                LOCK_NAME,
                "schedule-poller-",
                "polling the schedules",
                fireDue::fireDue,
                locks,
                clock,
                pollInterval,
                lockAtMostFor);
        this.reconcile = reconcile;
    }

    /**
     * Reconciles before the first poll.
     *
     * @throws RuntimeException when reconciling fails (the application does not start)
     */
    @Override
    protected boolean beforeStart() {
        reconcile.run();
        return true;
    }
}
