package io.bulwark.retention.config;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.retention.adapter.storage.ObjectStoreVerdicts;
import io.bulwark.retention.application.BackupCatalog;
import io.bulwark.retention.application.DeleteBackup;
import io.bulwark.retention.application.ExpireBackups;
import io.bulwark.retention.application.RecordVerification;
import io.bulwark.retention.application.RetentionPolicies;
import io.bulwark.retention.application.StoredVerdicts;
import io.bulwark.service.limits.LimitsProperties;
import io.bulwark.service.storage.StorageProperties;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the object store, the clock and the use cases (application stays free of Spring). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StorageProperties.class, RetentionProperties.class, LimitsProperties.class})
public class RetentionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RetentionConfiguration.class);

    /** The object store of {@code bulwark.storage}; connects lazily, so start-up does not need it. */
    @Bean
    ObjectStore objectStore(StorageProperties storage) {
        log.info("Object store: {}", storage);
        return new MinioObjectStore(storage.toSettings());
    }

    /** UTC wall clock for event times. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The use case that deletes what a target's policy no longer keeps, through {@link DeleteBackup}. */
    @Bean
    ExpireBackups expireBackups(
            BackupCatalog catalog, DeleteBackup deleteBackup, RetentionPolicies policies, Clock clock) {
        return new ExpireBackups(catalog, deleteBackup, policies, clock);
    }

    /** The verdicts stored in the bucket, reports of at most {@code bulwark.limits.report-size}. */
    @Bean
    StoredVerdicts storedVerdicts(ObjectStore objectStore, LimitsProperties limits) {
        return new ObjectStoreVerdicts(objectStore, limits.reportSize().toBytes());
    }

    /**
     * The use case that records a verification that agrees with its stored report, then expires the target's
     * backups; waits out an unreachable store (1s, doubling up to 1 minute between tries).
     */
    @Bean
    RecordVerification recordVerification(
            BackupCatalog catalog, ExpireBackups expireBackups, StoredVerdicts storedVerdicts) {
        return new RecordVerification(
                catalog, expireBackups, storedVerdicts, Duration.ofSeconds(1), Duration.ofMinutes(1));
    }
}
