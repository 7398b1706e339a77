package io.bulwark.scheduler.adapter.scheduling;

import io.bulwark.scheduler.application.alerts.EvaluateAlerts;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Evaluates the alerts on a timer, cluster-safe: every {@code interval} (fixed delay, the first one {@code interval} after start-up) runs
 * {@link EvaluateAlerts#run} under the ShedLock lock {@value #LOCK_NAME} (table {@code scheduler.shedlock}), so one
 * scheduler instance at a time evaluates; an instance that finds the lock taken skips that run. The unique index on
 * unresolved alerts keeps an alert single even if two runs overlap (a lock outliving {@code lockAtMostFor}).
 *
 * <p>Started after the rest of the context (so the Kafka bindings exist), stopped first. A failed run is logged; the
 * next one tries again.
 */
public class AlertPoller implements SmartLifecycle {

    /** The name of the lock row. */
    public static final String LOCK_NAME = "bulwark-alerts";

    private static final Logger log = LoggerFactory.getLogger(AlertPoller.class);

    private final EvaluateAlerts evaluate;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final Duration interval;
    private final Duration lockAtMostFor;
    private ThreadPoolTaskScheduler taskScheduler;
    private ScheduledFuture<?> polling;

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
        this.evaluate = evaluate;
        this.locks = locks;
        this.clock = clock;
        this.interval = interval;
        this.lockAtMostFor = lockAtMostFor;
    }

    @Override
    public synchronized void start() {
        if (taskScheduler != null) {
            return;
        }
        taskScheduler = new ThreadPoolTaskScheduler();
        taskScheduler.setPoolSize(1);
        taskScheduler.setThreadNamePrefix("alert-poller-");
        taskScheduler.setWaitForTasksToCompleteOnShutdown(false);
        taskScheduler.initialize();
        // the first run one interval after start-up: the schedule poller fires the runs due while the scheduler was
        // stopped first, so they are not reported missed
        polling =
                taskScheduler.scheduleWithFixedDelay(this::poll, clock.instant().plus(interval), interval);
        log.info("evaluating the alerts every {} (lock {})", interval, LOCK_NAME);
    }

    @Override
    public synchronized void stop() {
        if (taskScheduler == null) {
            return;
        }
        polling.cancel(false);
        taskScheduler.shutdown();
        taskScheduler = null;
        polling = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return taskScheduler != null;
    }

    /** Late in start-up, after the messaging bindings; early in shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 500;
    }

    /** One run under the lock; public for tests. Never throws. */
    public void poll() {
        try {
            locks.executeWithLock(
                    (Runnable) evaluate::run,
                    new LockConfiguration(clock.instant(), LOCK_NAME, lockAtMostFor, Duration.ZERO));
        } catch (RuntimeException e) {
            log.error("evaluating the alerts failed: {}", e.toString());
        }
    }
}
