package io.bulwark.scheduler.config;

import io.bulwark.scheduler.adapter.metrics.MicrometerBackupGauges;
import io.bulwark.scheduler.application.BackupGaugeReadings;
import io.bulwark.scheduler.application.BackupGauges;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the scheduler's gauges: {@link BackupGauges} over the catalog, for the targets of {@code bulwark.targets.*}
 * with their {@code rpo} (default {@value #DEFAULT_RPO}), refreshed every {@code bulwark.metrics.refresh-interval}
 * (default 15 s) by {@link MicrometerBackupGauges}.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /** The recovery point objective of a target that sets none. */
    static final String DEFAULT_RPO = "PT25H";

    /** The figures, for the configured targets. */
    @Bean
    public BackupGauges backupGauges(
            BackupGaugeReadings readings, SchedulerProperties scheduler, Environment environment) {
        Binder binder = Binder.get(environment);
        Clock clock = Clock.systemUTC();
        return new BackupGauges(
                readings,
                () -> {
                    Map<String, Duration> targets = new TreeMap<>();
                    if (scheduler.targets() != null) {
                        for (String id : scheduler.targets().keySet()) {
                            targets.put(id, rpo(binder, id));
                        }
                    }
                    return targets;
                },
                clock::instant);
    }

    private static Duration rpo(Binder binder, String targetId) {
        try {
            return binder.bind("bulwark.targets." + targetId + ".rpo", Duration.class)
                    .orElse(Duration.parse(DEFAULT_RPO));
        } catch (RuntimeException unusableName) {
            return Duration.parse(DEFAULT_RPO);
        }
    }

    /** The gauges, refreshed on a thread of their own. */
    @Bean
    public MicrometerBackupGauges micrometerBackupGauges(
            BackupGauges backupGauges,
            MeterRegistry registry,
            @Value("${bulwark.metrics.refresh-interval:15s}") Duration refreshInterval) {
        return new MicrometerBackupGauges(backupGauges, registry, refreshInterval);
    }
}
