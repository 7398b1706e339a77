package io.bulwark.scheduler.config;

import io.bulwark.scheduler.application.BackupCatalog;
import io.bulwark.scheduler.application.BackupQueries;
import io.bulwark.scheduler.application.BackupRequestPublisher;
import io.bulwark.scheduler.application.DestinationGuard;
import io.bulwark.scheduler.application.DestinationProbe;
import io.bulwark.scheduler.application.DestinationResolver;
import io.bulwark.scheduler.application.EncryptionKeys;
import io.bulwark.scheduler.application.KeyCatalog;
import io.bulwark.scheduler.application.ProjectEvents;
import io.bulwark.scheduler.application.ProjectRestoreEvents;
import io.bulwark.scheduler.application.RequestBackup;
import io.bulwark.scheduler.application.RequestRestore;
import io.bulwark.scheduler.application.RequestVerification;
import io.bulwark.scheduler.application.RestoreCatalog;
import io.bulwark.scheduler.application.RestoreQueries;
import io.bulwark.scheduler.application.RestoreRequestPublisher;
import io.bulwark.scheduler.application.ReverifyErrors;
import io.bulwark.scheduler.application.Transactions;
import io.bulwark.scheduler.application.VerificationRequestPublisher;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the scheduler's own beans: its properties, the clock that stamps the projection, and the use cases
 * (application stays free of Spring; adapters implement its ports).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SchedulerProperties.class, ReverifyProperties.class, KeyProperties.class})
public class SchedulerConfiguration {

    /** The UTC system clock. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Folds events into the backup catalog, each in one transaction. */
    @Bean
    public ProjectEvents projectEvents(
            BackupCatalog catalog, Clock clock, Transactions transactions, KeyCatalog keyCatalog) {
        return new ProjectEvents(catalog, clock, transactions, keyCatalog);
    }

    /** The keys of the targets' recipients and of the retained backups; retiring one. */
    @Bean
    public EncryptionKeys encryptionKeys(
            KeyCatalog keyCatalog, KeyProperties keyProperties, Clock clock, Transactions transactions) {
        java.util.Map<String, java.util.List<String>> configured = keyProperties.recipientFingerprints();
        return new EncryptionKeys(keyCatalog, () -> configured, clock, transactions);
    }

    /** Requests backups of the targets of {@code bulwark.targets}. */
    @Bean
    public RequestBackup requestBackup(
            SchedulerProperties targets,
            BackupRequestPublisher publisher,
            ProjectEvents projection,
            BackupCatalog catalog) {
        return new RequestBackup(targets, publisher, projection, catalog);
    }

    /** Requests verifications of stored backups. */
    @Bean
    public RequestVerification requestVerification(BackupCatalog catalog, VerificationRequestPublisher publisher) {
        return new RequestVerification(catalog, publisher);
    }

    /** Reads the backup catalog. */
    @Bean
    public DestinationResolver destinationResolver(SchedulerProperties targets, RestoreProperties restore) {
        return new ConfiguredDestinations(targets, restore);
    }

    @Bean
    public DestinationGuard destinationGuard(DestinationProbe probe) {
        return new DestinationGuard(probe);
    }

    @Bean
    public ProjectRestoreEvents projectRestoreEvents(RestoreCatalog catalog, Clock clock, Transactions transactions) {
        return new ProjectRestoreEvents(catalog, clock, transactions);
    }

    @Bean
    public RequestRestore requestRestore(
            BackupCatalog backups,
            DestinationResolver destinations,
            DestinationGuard guard,
            RestoreRequestPublisher publisher,
            ProjectRestoreEvents projection,
            RestoreCatalog restores,
            Clock clock) {
        return new RequestRestore(backups, destinations, guard, publisher, projection, restores, clock);
    }

    @Bean
    public RestoreQueries restoreQueries(RestoreCatalog catalog) {
        return new RestoreQueries(catalog);
    }

    @Bean
    public BackupQueries backupQueries(BackupCatalog catalog) {
        return new BackupQueries(catalog);
    }

    /** The sweep that requests verifications that ended ERROR again ({@link ReverifyProperties}). */
    @Bean
    public ReverifyErrors reverifyErrors(
            BackupCatalog catalog, RequestVerification requestVerification, Clock clock, ReverifyProperties reverify) {
        return new ReverifyErrors(catalog, requestVerification, clock, reverify.backoff(), reverify.maxRequests());
    }
}
