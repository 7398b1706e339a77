package io.bulwark.retention.adapter.scheduling;

import io.bulwark.contracts.BackupDeleted;
import io.bulwark.retention.application.ExpireBackups;
import io.bulwark.retention.config.RetentionProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Applies every target's retention policy every {@code bulwark.retention.sweep-interval} (first run
 * one interval after start-up; new {@code BackupVerified} events trigger their target at once). Each sweep first
 * finishes the deletions cut short before, and logs how many backups it deleted and how many bytes that reclaimed.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RetentionSweep implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    private final ExpireBackups expireBackups;
    private final Duration interval;

    public RetentionSweep(ExpireBackups expireBackups, RetentionProperties properties) {
        this.expireBackups = expireBackups;
        this.interval = properties.retention().sweepInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, interval, interval));
    }

    private void sweep() {
        try {
            List<BackupDeleted> deleted = expireBackups.expireAll();
            long reclaimed =
                    deleted.stream().mapToLong(BackupDeleted::bytesReclaimed).sum();
            log.info("Retention sweep done: {} backups deleted, {} bytes reclaimed", deleted.size(), reclaimed);
        } catch (RuntimeException e) {
            log.error("Retention sweep failed at {}; next try in {}: {}", Instant.now(), interval, e.toString());
        }
    }
}
