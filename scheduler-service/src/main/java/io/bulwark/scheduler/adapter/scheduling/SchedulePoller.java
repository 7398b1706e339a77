package io.bulwark.scheduler.adapter.scheduling;

import io.bulwark.scheduler.application.FireDueSchedules;
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
 * Runs the schedules, cluster-safe: at start-up first reconciles the configured schedules ({@code reconcile}), then
 * every {@code pollInterval} (fixed delay) runs {@link FireDueSchedules#fireDue} under the ShedLock lock {@value
 * #LOCK_NAME} (table {@code scheduler.shedlock}), so one scheduler instance at a time polls; an instance that finds
 * the lock taken skips that poll. The compare-and-set in {@link FireDueSchedules} makes each due time fire once even
 * if two polls overlap (a lock outliving {@code lockAtMostFor}).
 *
 * <p>Started after the rest of the context (so the Kafka bindings exist), stopped first. A failed poll is logged;
 * the next one tries again.
 */
public class SchedulePoller implements SmartLifecycle {

    /** The name of the lock row. */
    public static final String LOCK_NAME = "bulwark-schedules";

    private static final Logger log = LoggerFactory.getLogger(SchedulePoller.class);

    private final Runnable reconcile;
    private final FireDueSchedules fireDue;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration lockAtMostFor;
    private ThreadPoolTaskScheduler taskScheduler;
    private ScheduledFuture<?> polling;

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
        this.reconcile = reconcile;
        this.fireDue = fireDue;
        this.locks = locks;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.lockAtMostFor = lockAtMostFor;
    }

    /**
     * Reconciles, then starts polling.
     *
     * @throws RuntimeException when reconciling fails (the application does not start)
     */
    @Override
    public synchronized void start() {
        if (taskScheduler != null) {
            return;
        }
        reconcile.run();
        taskScheduler = new ThreadPoolTaskScheduler();
        taskScheduler.setPoolSize(1);
        taskScheduler.setThreadNamePrefix("schedule-poller-");
        taskScheduler.setWaitForTasksToCompleteOnShutdown(false);
        taskScheduler.initialize();
        polling = taskScheduler.scheduleWithFixedDelay(this::poll, pollInterval);
        log.info("polling the schedules every {} (lock {})", pollInterval, LOCK_NAME);
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

    /** One poll under the lock; public for tests. */
    public void poll() {
        try {
            locks.executeWithLock(
                    (Runnable) fireDue::fireDue,
                    new LockConfiguration(clock.instant(), LOCK_NAME, lockAtMostFor, Duration.ZERO));
        } catch (RuntimeException e) {
            log.error("polling the schedules failed: {}", e.toString());
        }
    }
}
