package io.bulwark.scheduler.adapter.scheduling;

import io.bulwark.scheduler.application.alerts.EvaluateAlerts;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.scheduling.TaskScheduler;

/**
 * Evaluates the alerts on a timer, cluster-safe: every {@code interval} (fixed delay, the first one {@code interval}
 * after start-up) runs {@link EvaluateAlerts#run} under the ShedLock lock {@value #LOCK_NAME} (table {@code
 * scheduler.shedlock}), so one scheduler instance at a time evaluates; an instance that finds the lock taken skips
 * that run. The unique index on unresolved alerts keeps an alert single even if two runs overlap (a lock outliving
 * {@code lockAtMostFor}).
 *
 * <p>Started after the rest of the context (so the Kafka bindings exist), stopped first. A failed run is logged; the
 * next one tries again. The timer itself is {@link LockedPoller}'s.
 */
public class AlertPoller extends LockedPoller {

    /** The name of the lock row. */
    public static final String LOCK_NAME = "bulwark-alerts";

    /**
     * @param evaluate one evaluation
     * @param locks ShedLock's executor on the shared lock table
     * @param clock the lock's creation time
     * @param interval the pause between two runs ({@code bulwark.alerts.evaluate-interval}), positive
     * @param lockAtMostFor how long a lock of a crashed instance blocks the others, longer than a run takes
     */
    public AlertPoller(
            EvaluateAlerts evaluate,
            LockingTaskExecutor locks,
            Clock clock,
            Duration interval,
            Duration lockAtMostFor) {
        super(
                LOCK_NAME,
                "alert-poller-",
                "evaluating the alerts",
                evaluate::run,
                locks,
                clock,
                interval,
                lockAtMostFor);
    }

    /**
     * The first run one interval after start-up: the schedule poller fires the runs due while the scheduler was
     * stopped first, so they are not reported missed.
     */
    @Override
    protected ScheduledFuture<?> schedule(TaskScheduler scheduler, Runnable poll, Duration interval) {
        return scheduler.scheduleWithFixedDelay(poll, clock().instant().plus(interval), interval);
    }
}
