package io.bulwark.scheduler.config;

import io.bulwark.scheduler.adapter.scheduling.SchedulePoller;
import io.bulwark.scheduler.application.ConfiguredSchedule;
import io.bulwark.scheduler.application.CronCalendar;
import io.bulwark.scheduler.application.FireDueSchedules;
import io.bulwark.scheduler.application.NextRuns;
import io.bulwark.scheduler.application.ReconcileSchedules;
import io.bulwark.scheduler.application.RequestBackup;
import io.bulwark.scheduler.application.ScheduleCatalog;
import io.bulwark.scheduler.application.ScheduleCommands;
import io.bulwark.scheduler.application.ScheduleQueries;
import io.bulwark.scheduler.application.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wiring of the schedules: the use cases over the {@code scheduler.schedules} table, and the cluster-safe poller
 * (ShedLock on {@code scheduler.shedlock}, database time) that reconciles the configured schedules and fires due ones.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
public class ScheduleConfiguration {

    /** ShedLock's lock rows in {@code scheduler.shedlock}, timed by the database's clock (no clock skew). */
    @Bean
    public LockProvider scheduleLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("scheduler.shedlock")
                .usingDbTime()
                .build());
    }

    @Bean
    public ScheduleCommands scheduleCommands(
            ScheduleCatalog catalog,
            CronCalendar calendar,
            SchedulerProperties targets,
            RequestBackup requestBackup,
            Clock clock,
            ScheduleProperties properties) {
        return new ScheduleCommands(catalog, calendar, targets, requestBackup, clock, properties.missedRunPolicy());
    }

    @Bean
    public ScheduleQueries scheduleQueries(ScheduleCatalog catalog) {
        return new ScheduleQueries(catalog);
    }

    /** The upcoming runs of the enabled schedules, for the API and for other parts of the scheduler. */
    @Bean
    public NextRuns nextRuns(ScheduleCatalog catalog, CronCalendar calendar) {
        return new NextRuns(catalog, calendar);
    }

    @Bean
    public ReconcileSchedules reconcileSchedules(
            ScheduleCatalog catalog, CronCalendar calendar, Transactions transactions, Clock clock) {
        return new ReconcileSchedules(catalog, calendar, transactions, clock);
    }

    @Bean
    public FireDueSchedules fireDueSchedules(
            ScheduleCatalog catalog,
            CronCalendar calendar,
            RequestBackup requestBackup,
            Transactions transactions,
            Clock clock,
            ScheduleProperties properties) {
        return new FireDueSchedules(
                catalog,
                calendar,
                requestBackup,
                transactions,
                clock,
                properties.schedules().tolerance());
    }

    /** Reconciles {@code bulwark.targets.*.schedules} at start-up, then polls; see {@link SchedulePoller}. */
    @Bean
    public SchedulePoller schedulePoller(
            ReconcileSchedules reconcile,
            FireDueSchedules fireDue,
            LockProvider scheduleLockProvider,
            SchedulerProperties targets,
            ScheduleProperties properties,
            Clock clock) {
        List<ConfiguredSchedule> configured = configured(targets, properties);
        return new SchedulePoller(
                () -> reconcile.reconcile(configured),
                fireDue,
                new DefaultLockingTaskExecutor(scheduleLockProvider),
                clock,
                properties.schedules().pollInterval(),
                properties.schedules().lockAtMostFor());
    }

    /** The configured schedules, each with its own missed-run policy or the global default. */
    static List<ConfiguredSchedule> configured(SchedulerProperties targets, ScheduleProperties properties) {
        List<ConfiguredSchedule> configured = new ArrayList<>();
        targets.targets()
                .forEach((targetId, target) -> target.schedules()
                        .forEach((name, s) -> configured.add(new ConfiguredSchedule(
                                targetId,
                                name,
                                s.cron().trim(),
                                s.zoneId().getId(),
                                s.tier(),
                                s.label(),
                                s.missedRunPolicy() != null ? s.missedRunPolicy() : properties.missedRunPolicy()))));
        return configured;
    }
}
