package io.bulwark.retention.config;

import io.bulwark.artifacts.ObjectStore;
import io.bulwark.retention.adapter.storage.MinioObjectLocks;
import io.bulwark.retention.application.BackupCatalog;
import io.bulwark.retention.application.DeleteBackup;
import io.bulwark.retention.application.DeletionLedger;
import io.bulwark.retention.application.DeletionPublisher;
import io.bulwark.retention.application.HoldBackups;
import io.bulwark.retention.application.HoldStore;
import io.bulwark.retention.application.ObjectLocks;
import io.bulwark.service.storage.StorageProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires holds, Object Lock and the safe deletion of backups, with the counter {@value #RECLAIMED} (Prometheus: {@code
 * bulwark_retention_reclaimed_bytes_total}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ObjectLockProperties.class)
public class HoldsConfiguration {

    /** The Micrometer name of the counter of bytes reclaimed by deletions (base unit bytes). */
    public static final String RECLAIMED = "bulwark.retention.reclaimed";

    private static final Logger log = LoggerFactory.getLogger(HoldsConfiguration.class);

    /** Object Lock in the store of {@code bulwark.storage}, or {@link ObjectLocks#NONE} when the mode is OFF. */
    @Bean
    ObjectLocks objectLocks(ObjectLockProperties objectLock, StorageProperties storage) {
        if (objectLock.mode() == ObjectLockProperties.Mode.OFF) {
            return ObjectLocks.NONE;
        }
        log.info("Holds also lock the objects of held backups (S3 Object Lock, {} mode)", objectLock.mode());
        return new MinioObjectLocks(
                storage.toSettings(),
                MinioObjectLocks.Mode.valueOf(objectLock.mode().name()));
    }

    /** Deletes one backup safely; counts the reclaimed bytes when a meter registry is there. */
    @Bean
    DeleteBackup deleteBackup(
            BackupCatalog catalog,
            DeletionLedger ledger,
            HoldStore holds,
            ObjectStore objectStore,
            DeletionPublisher publisher,
            Clock clock,
            ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable();
        Counter reclaimed = meters == null
                ? null
                : Counter.builder(RECLAIMED)
                        .baseUnit("bytes")
                        .description("Bytes of backup objects deleted by retention and by hand")
                        .register(meters);
        return new DeleteBackup(catalog, ledger, holds, objectStore, publisher, clock, bytes -> {
            if (reclaimed != null) {
                reclaimed.increment(bytes);
            }
        });
    }

    /** Places and releases holds. */
    @Bean
    HoldBackups holdBackups(
            BackupCatalog catalog, HoldStore holds, DeletionLedger ledger, ObjectLocks objectLocks, Clock clock) {
        return new HoldBackups(catalog, holds, ledger, objectLocks, clock);
    }
}
