package io.bulwark.scheduler.adapter.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * A cluster-safe timer: every {@code interval} (fixed delay) runs one task under a ShedLock lock (table {@code
 * scheduler.shedlock}), so one scheduler instance at a time runs it; an instance that finds the lock taken skips
 * that run. The lock is released when the task returns ({@code lockAtLeastFor} zero) and held at most {@code
 * lockAtMostFor} when its instance crashed, so the task itself must stay safe if two runs overlap.
 *
 * <p>Runs on a single thread of its own, started after the rest of the context (so the Kafka bindings exist) and
 * stopped first. A failed run is logged (under the subclass's logger); the next one tries again. Subclasses choose
 * the task, may do work before the first run ({@link #beforeStart}) and may delay the first run ({@link #schedule}).
 */
public abstract class LockedPoller implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());

    private final String lockName;
    private final String threadNamePrefix;
    private final String activity;
    private final Runnable task;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final Duration interval;
    private final Duration lockAtMostFor;
    private ThreadPoolTaskScheduler taskScheduler;
    private ScheduledFuture<?> polling;

    /**
     * @param lockName the name of the lock row, one per task
     * @param threadNamePrefix the prefix of the timer thread's name, e.g. {@code alert-poller-}
     * @param activity what a run does, for the log, e.g. {@code evaluating the alerts}
     * @param task one run; may throw (logged)
     * @param locks ShedLock's executor on the shared lock table
     * @param clock the lock's creation time
     * @param interval the pause between two runs, positive
     * @param lockAtMostFor how long a lock of a crashed instance blocks the others, longer than a run takes
     */
    protected LockedPoller(
            String lockName,
            String threadNamePrefix,
            String activity,
            Runnable task,
            LockingTaskExecutor locks,
            Clock clock,
            Duration interval,
            Duration lockAtMostFor) {
        this.lockName = lockName;
        this.threadNamePrefix = threadNamePrefix;
        this.activity = activity;
        this.task = task;
        this.locks = locks;
        this.clock = clock;
        this.interval = interval;
        this.lockAtMostFor = lockAtMostFor;
    }

    /**
     * Runs {@link #beforeStart}, then starts the timer unless it said no. Does nothing when already running.
     *
     * @throws RuntimeException what {@link #beforeStart} throws (the application does not start)
     */
    @Override
    public synchronized void start() {
        if (taskScheduler != null || !beforeStart()) {
            return;
        }
        taskScheduler = new ThreadPoolTaskScheduler();
        taskScheduler.setPoolSize(1);
        taskScheduler.setThreadNamePrefix(threadNamePrefix);
        taskScheduler.setWaitForTasksToCompleteOnShutdown(false);
        taskScheduler.initialize();
        polling = schedule(taskScheduler, this::poll, interval);
        log.info("{} every {} (lock {})", activity, interval, lockName);
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

    /** One run under the lock; public for tests. Never throws: a failure is logged. */
    public void poll() {
        try {
            locks.executeWithLock(task, new LockConfiguration(clock.instant(), lockName, lockAtMostFor, Duration.ZERO));
        } catch (RuntimeException e) {
            log.error("{} failed: {}", activity, e.toString());
        }
    }

    /**
     * Called by {@link #start} before the timer starts.
     *
     * @return false to start no timer; true by default
     */
    protected boolean beforeStart() {
        return true;
    }

    /**
     * Schedules {@code poll} on the timer thread; by default the first run at once, then {@code interval} after the
     * end of each run.
     *
     * @return the handle {@link #stop} cancels
     */
    protected ScheduledFuture<?> schedule(TaskScheduler scheduler, Runnable poll, Duration interval) {
        return scheduler.scheduleWithFixedDelay(poll, interval);
    }

    /** The clock the lock times (and a subclass's first run) are taken from. */
    protected Clock clock() {
        return clock;
    }
}
