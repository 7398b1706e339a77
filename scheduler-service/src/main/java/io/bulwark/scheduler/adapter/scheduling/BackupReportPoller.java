package io.bulwark.scheduler.adapter.scheduling;

import io.bulwark.scheduler.application.reports.IssueBackupReports;
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
 * The periodic backup report's timer, cluster-safe like {@link SchedulePoller}: every {@code pollInterval} (fixed
 * delay) runs {@link IssueBackupReports#tick} under the ShedLock lock {@value #LOCK_NAME} (table {@code
 * scheduler.shedlock}), so one scheduler instance at a time issues; an instance that finds the lock taken skips that
 * tick. The report id (one per period) keeps a report from being issued twice even if two ticks overlap.
 *
 * <p>Does nothing when disabled ({@code bulwark.reports.enabled: false}). Started after the rest of the context (so
 * the Kafka bindings exist), stopped first. A failed tick is logged; the next one tries again.
 */
public class BackupReportPoller implements SmartLifecycle {

    /** The name of the lock row. */
    public static final String LOCK_NAME = "bulwark-reports";

    private static final Logger log = LoggerFactory.getLogger(BackupReportPoller.class);

    private final IssueBackupReports reports;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final boolean enabled;
    private final Duration pollInterval;
    private final Duration lockAtMostFor;
    private ThreadPoolTaskScheduler taskScheduler;
    private ScheduledFuture<?> polling;

    /**
     * @param reports the use case one tick runs
     * @param locks ShedLock's executor on the shared lock table
     * @param clock the lock's creation time
     * @param enabled false: {@link #start} schedules nothing
     * @param pollInterval the pause between two ticks, positive
     * @param lockAtMostFor how long a lock of a crashed instance blocks the others, longer than a tick takes
     */
    public BackupReportPoller(
            IssueBackupReports reports,
            LockingTaskExecutor locks,
            Clock clock,
            boolean enabled,
            Duration pollInterval,
            Duration lockAtMostFor) {
        this.reports = reports;
        this.locks = locks;
        this.clock = clock;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.lockAtMostFor = lockAtMostFor;
    }

    @Override
    public synchronized void start() {
        if (taskScheduler != null || !enabled) {
            return;
        }
        taskScheduler = new ThreadPoolTaskScheduler();
        taskScheduler.setPoolSize(1);
        taskScheduler.setThreadNamePrefix("backup-report-");
        taskScheduler.setWaitForTasksToCompleteOnShutdown(false);
        taskScheduler.initialize();
        polling = taskScheduler.scheduleWithFixedDelay(this::tick, pollInterval);
        log.info("looking for a due backup report every {} (lock {})", pollInterval, LOCK_NAME);
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

    /** One tick under the lock; public for tests. */
    public void tick() {
        try {
            locks.executeWithLock(
                    (Runnable) reports::tick,
                    new LockConfiguration(clock.instant(), LOCK_NAME, lockAtMostFor, Duration.ZERO));
        } catch (RuntimeException e) {
            log.error("issuing the backup report failed: {}", e.toString());
        }
    }
}
