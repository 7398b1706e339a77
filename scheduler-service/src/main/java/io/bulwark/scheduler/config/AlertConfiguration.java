package io.bulwark.scheduler.config;

import io.bulwark.scheduler.adapter.metrics.MicrometerAlertGauges;
import io.bulwark.scheduler.adapter.scheduling.AlertPoller;
import io.bulwark.scheduler.adapter.storage.BucketObjectStoreProbe;
import io.bulwark.scheduler.application.ActivityCatalog;
import io.bulwark.scheduler.application.BackupCatalog;
import io.bulwark.scheduler.application.ScheduleCatalog;
import io.bulwark.scheduler.application.Transactions;
import io.bulwark.scheduler.application.alerts.AlertEvents;
import io.bulwark.scheduler.application.alerts.AlertPublisher;
import io.bulwark.scheduler.application.alerts.AlertQueries;
import io.bulwark.scheduler.application.alerts.AlertStore;
import io.bulwark.scheduler.application.alerts.EvaluateAlerts;
import io.bulwark.scheduler.application.alerts.ObjectStoreProbe;
import io.bulwark.scheduler.application.alerts.WatchedTarget;
import io.bulwark.scheduler.domain.alerts.AlertCondition;
import io.bulwark.scheduler.domain.alerts.AlertLifecycle;
import io.bulwark.scheduler.domain.alerts.ConsecutiveFailures;
import io.bulwark.scheduler.domain.alerts.MissedSchedule;
import io.bulwark.scheduler.domain.alerts.ObjectStoreUnreachable;
import io.bulwark.scheduler.domain.alerts.RpoBreach;
import io.bulwark.scheduler.domain.alerts.SizeAnomaly;
import io.bulwark.scheduler.domain.alerts.SlowBackup;
import io.bulwark.scheduler.domain.alerts.VerificationFailed;
import io.bulwark.service.health.MinioBucketProbe;
import io.bulwark.service.health.ObjectStoreHealthIndicator;
import io.bulwark.service.storage.StorageProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the alerts: the rules with their {@code bulwark.alerts.*} thresholds, the evaluation of every configured
 * target on a timer under the ShedLock lock {@value AlertPoller#LOCK_NAME} (off with {@code
 * bulwark.alerts.enabled=false}), the object store probe when {@code bulwark.storage.endpoint} is set, {@code GET
 * /api/alerts}, and the gauge {@code bulwark_alerts_open{kind}}. Links in events and the API come from {@code
 * bulwark.console.public-url} (optional).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AlertProperties.class, AlertTargetProperties.class})
public class AlertConfiguration {

    /** How many of a target's most recent backups the rules see, at least. */
    static final int MIN_HISTORY = 50;

    /** The events' and the API's links, from {@code bulwark.console.public-url}. */
    @Bean
    public AlertEvents alertEvents(@Value("${bulwark.console.public-url:}") String publicUrl) {
        return new AlertEvents(publicUrl);
    }

    @Bean
    public AlertQueries alertQueries(AlertStore store) {
        return new AlertQueries(store);
    }

    /** The rules, in the order their findings are considered. */
    static List<AlertCondition> conditions(AlertProperties p) {
        return List.of(
                new RpoBreach(),
                new MissedSchedule(p.missedScheduleGrace()),
                new SizeAnomaly(p.sizeDeviation(), p.sizeWindow()),
                new SlowBackup(p.durationWindow()),
                new VerificationFailed(),
                new ConsecutiveFailures(p.consecutiveFailures()),
                new ObjectStoreUnreachable());
    }

    /** The configured targets with their rpo, rto and max-dump-duration. */
    static List<WatchedTarget> watched(SchedulerProperties scheduler, AlertTargetProperties alerts) {
        return scheduler.targets().entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> new WatchedTarget(
                        e.getKey(),
                        e.getValue().rpo(),
                        e.getValue().rto(),
                        alerts.maxDumpDuration(e.getKey()).orElse(null)))
                .toList();
    }

    @Bean
    public EvaluateAlerts evaluateAlerts(
            SchedulerProperties scheduler,
            AlertTargetProperties targetAlerts,
            AlertProperties properties,
            BackupCatalog backups,
            ScheduleCatalog schedules,
            ActivityCatalog activity,
            AlertStore store,
            AlertPublisher publisher,
            ObjectProvider<ObjectStoreProbe> objectStore,
            AlertEvents events,
            Transactions transactions,
            Clock clock) {
        int history = Math.max(
                MIN_HISTORY,
                Math.max(
                                properties.sizeWindow() + 1,
                                Math.max(properties.durationWindow(), properties.consecutiveFailures()))
                        * 2);
        return new EvaluateAlerts(
                watched(scheduler, targetAlerts),
                backups,
                schedules,
                activity,
                store,
                publisher,
                objectStore.getIfAvailable(),
                conditions(properties),
                new AlertLifecycle(properties.escalationInterval(), UUID::randomUUID),
                events,
                transactions,
                clock,
                history);
    }

    /** Evaluates on a timer, one instance at a time; see {@link AlertPoller}. */
    @Bean
    @ConditionalOnProperty(prefix = "bulwark.alerts", name = "enabled", havingValue = "true", matchIfMissing = true)
    public AlertPoller alertPoller(
            EvaluateAlerts evaluate, LockProvider scheduleLockProvider, AlertProperties properties, Clock clock) {
        return new AlertPoller(
                evaluate,
                new DefaultLockingTaskExecutor(scheduleLockProvider),
                clock,
                properties.evaluateInterval(),
                properties.lockAtMostFor());
    }

    /** {@code bulwark_alerts_open{kind}}. */
    @Bean
    public MicrometerAlertGauges micrometerAlertGauges(AlertStore store, MeterRegistry registry) {
        return new MicrometerAlertGauges(store, registry, Clock.systemUTC());
    }

    /** The object store probe, present only when {@code bulwark.storage.endpoint} is set. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "bulwark.storage", name = "endpoint")
    @EnableConfigurationProperties(StorageProperties.class)
    static class Storage {

        /** Asks whether the bucket exists, within {@link ObjectStoreHealthIndicator#DEFAULT_TIMEOUT}. */
        @Bean
        ObjectStoreProbe alertObjectStoreProbe(StorageProperties storage) {
            return new BucketObjectStoreProbe(new ObjectStoreHealthIndicator(
                    storage.bucket(),
                    new MinioBucketProbe(storage.toSettings(), ObjectStoreHealthIndicator.DEFAULT_TIMEOUT),
                    ObjectStoreHealthIndicator.DEFAULT_TIMEOUT));
        }
    }
}
