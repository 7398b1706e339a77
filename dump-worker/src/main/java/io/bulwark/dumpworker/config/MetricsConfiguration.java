package io.bulwark.dumpworker.config;

import io.bulwark.dumpworker.adapter.messaging.StreamEventPublisher;
import io.bulwark.dumpworker.adapter.metrics.MicrometerBackupMetrics;
import io.bulwark.dumpworker.application.BackupMetrics;
import io.bulwark.dumpworker.application.EventPublisher;
import io.bulwark.dumpworker.application.MeteredEventPublisher;
import io.bulwark.service.health.MinioBucketProbe;
import io.bulwark.service.health.ObjectStoreHealthIndicator;
import io.bulwark.service.storage.StorageProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Wires the dump-worker's metrics ({@link MicrometerBackupMetrics} behind the {@link BackupMetrics} port, recorded by
 * the {@link MeteredEventPublisher} every use case publishes through) and the object store's health component
 * ({@code objectStore}, part of the readiness group).
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /** The Micrometer adapter of the metrics port. */
    @Bean
    public BackupMetrics backupMetrics(MeterRegistry registry) {
        return new MicrometerBackupMetrics(registry);
    }

    /** The publisher the use cases get: the Kafka publisher, recording each outcome once the broker took it. */
    @Bean
    @Primary
    public EventPublisher meteredEventPublisher(StreamEventPublisher streamEventPublisher, BackupMetrics metrics) {
        return new MeteredEventPublisher(streamEventPublisher, metrics);
    }

    /** The health component {@code objectStore}: the bucket answers within two seconds. */
    @Bean
    public ObjectStoreHealthIndicator objectStoreHealthIndicator(StorageProperties storage) {
        return new ObjectStoreHealthIndicator(
                storage.bucket(),
                new MinioBucketProbe(storage.toSettings(), ObjectStoreHealthIndicator.DEFAULT_TIMEOUT),
                ObjectStoreHealthIndicator.DEFAULT_TIMEOUT);
    }
}
