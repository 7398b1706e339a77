package io.bulwark.scheduler.config;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.scheduler.adapter.storage.ObjectStoreReports;
import io.bulwark.scheduler.application.ActivityCatalog;
import io.bulwark.scheduler.application.ActivityQueries;
import io.bulwark.scheduler.application.BackupCatalog;
import io.bulwark.scheduler.application.ProjectBackupProgress;
import io.bulwark.scheduler.application.ReadReports;
import io.bulwark.scheduler.application.ReportStore;
import io.bulwark.scheduler.application.RestoreCatalog;
import io.bulwark.scheduler.application.Transactions;
import io.bulwark.service.limits.LimitsProperties;
import io.bulwark.service.storage.StorageProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of live activity and reports: the projection of dump progress, {@code GET /api/activity}, and the reads of
 * the verifier's reports. The object store is optional: with {@code bulwark.storage.endpoint} set, {@code
 * bulwark.storage.*} must be complete (a blank value fails start-up naming the property) and reports are read from
 * it, at most {@code bulwark.limits.report-size} (default 16MB) each; without it the scheduler starts and the report
 * endpoints answer 503.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
public class ActivityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ActivityConfiguration.class);

    /** Keeps each dump's latest progress, in one transaction per event. */
    @Bean
    public ProjectBackupProgress projectBackupProgress(
            ActivityCatalog activity, BackupCatalog backups, Clock clock, Transactions transactions) {
        return new ProjectBackupProgress(activity, backups, clock, transactions);
    }

    /** The running backups and restores. */
    @Bean
    public ActivityQueries activityQueries(ActivityCatalog activity, RestoreCatalog restores) {
        return new ActivityQueries(activity, restores);
    }

    /** Reads reports from the object store, when one is configured. */
    @Bean
    public ReadReports readReports(ObjectProvider<ReportStore> store) {
        ReportStore reports = store.getIfAvailable();
        if (reports == null) {
            log.info("No object store configured (bulwark.storage.endpoint): the report endpoints answer 503");
        }
        return new ReadReports(reports);
    }

    /** The object store of {@code bulwark.storage}, present only when its endpoint is set. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "bulwark.storage", name = "endpoint")
    @EnableConfigurationProperties(StorageProperties.class)
    static class Storage {

        /** The reports in the bucket; the client connects lazily, so start-up does not need the store. */
        @Bean
        ReportStore reportStore(StorageProperties storage, LimitsProperties limits) {
            log.info("Object store for reports: {}", storage);
            return new ObjectStoreReports(
                    new MinioObjectStore(storage.toSettings()),
                    limits.reportSize().toBytes());
        }
    }
}
