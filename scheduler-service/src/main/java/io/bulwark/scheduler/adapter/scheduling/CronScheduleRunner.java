package io.bulwark.scheduler.adapter.scheduling;

import io.bulwark.scheduler.application.RequestBackup;
import io.bulwark.scheduler.config.SchedulerProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Registers every configured schedule with a {@link CronTrigger} (expression in six-field form, read
 * in the schedule's zone) on a task scheduler of its own, started after the rest of the context
 * (so the Kafka bindings exist) and stopped first.
 *
 * <p>A firing that cannot publish is logged and skipped; the next firing tries again.
 *
 * <p>Not cluster-safe yet: every scheduler instance fires every schedule, so run one instance, or
 * each firing is requested once per instance. Electing one firing per schedule (a lock row in the
 * {@code scheduler} schema, ShedLock-style) is a later issue.
 */
@Component
public class CronScheduleRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CronScheduleRunner.class);

    private final SchedulerProperties properties;
    private final RequestBackup requestBackup;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private ThreadPoolTaskScheduler taskScheduler;

    public CronScheduleRunner(SchedulerProperties properties, RequestBackup requestBackup) {
        this.properties = properties;
        this.requestBackup = requestBackup;
    }

    @Override
    public synchronized void start() {
        if (taskScheduler != null) {
            return;
        }
        taskScheduler = new ThreadPoolTaskScheduler();
        taskScheduler.setPoolSize(2);
        taskScheduler.setThreadNamePrefix("backup-schedule-");
        taskScheduler.setWaitForTasksToCompleteOnShutdown(false);
        taskScheduler.initialize();
        properties
                .targets()
                .forEach((targetId, target) -> target.schedules().forEach((scheduleId, schedule) -> {
                    CronTrigger trigger = new CronTrigger(schedule.springCron(), schedule.zoneId());
                    scheduled.add(taskScheduler.schedule(() -> fire(targetId, scheduleId, schedule), trigger));
                    log.info(
                            "schedule {}/{}: cron '{}' in {} (tier {})",
                            targetId,
                            scheduleId,
                            schedule.cron(),
                            schedule.zoneId(),
                            schedule.tier());
                }));
    }

    @Override
    public synchronized void stop() {
        if (taskScheduler == null) {
            return;
        }
        scheduled.forEach(future -> future.cancel(false));
        scheduled.clear();
        taskScheduler.shutdown();
        taskScheduler = null;
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

    /** The number of schedules currently registered. */
    public synchronized int registeredSchedules() {
        return scheduled.size();
    }

    private void fire(String targetId, String scheduleId, SchedulerProperties.Schedule schedule) {
        try {
            requestBackup.scheduled(targetId, scheduleId, schedule.tier(), schedule.label());
        } catch (RuntimeException e) {
            log.error(
                    "schedule {}/{} fired but the backup could not be requested: {}",
                    targetId,
                    scheduleId,
                    e.toString());
        }
    }
}
