package io.bulwark.scheduler.adapter.scheduling;

import io.bulwark.scheduler.application.reports.IssueBackupReports;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * The periodic backup report's timer, cluster-safe like {@link SchedulePoller}: every {@code pollInterval} (fixed
 * delay) runs {@link IssueBackupReports#tick} under the ShedLock lock {@value #LOCK_NAME} (table {@code
 * scheduler.shedlock}), so one scheduler instance at a time issues; an instance that finds the lock taken skips that
 * tick. The report id (one per period) keeps a report from being issued twice even if two ticks overlap.
 *
 * <p>Does nothing when disabled ({@code bulwark.reports.enabled: false}). Started after the rest of the context (so
 * the Kafka bindings exist), stopped first. A failed tick is logged; the next one tries again. The timer itself is
 * {@link LockedPoller}'s.
 */
public class BackupReportPoller extends LockedPoller {

    /** The name of the lock row. */
    public static final String LOCK_NAME = "bulwark-reports";

    private final boolean enabled;

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
        super(
                LOCK_NAME,
                "backup-report-",
                "looking for a due backup report",
                reports::tick,
                locks,
                clock,
                pollInterval,
                lockAtMostFor);
        this.enabled = enabled;
    }

    /** One tick under the lock ({@link #poll}); public for tests. Never throws: a failure is logged. */
    public void tick() {
        poll();
    }

    /** @return false when disabled: no timer */
    @Override
    protected boolean beforeStart() {
        return enabled;
    }
}
