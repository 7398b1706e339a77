package io.bulwark.retention.config;

import io.bulwark.service.health.MinioBucketProbe;
import io.bulwark.service.health.ObjectStoreHealthIndicator;
import io.bulwark.service.storage.StorageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The object store's health component ({@code objectStore}, part of the readiness group). */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    /** The health component {@code objectStore}: the bucket answers within two seconds. */
    @Bean
    public ObjectStoreHealthIndicator objectStoreHealthIndicator(StorageProperties storage) {
        return new ObjectStoreHealthIndicator(
                storage.bucket(),
                new MinioBucketProbe(storage.toSettings(), ObjectStoreHealthIndicator.DEFAULT_TIMEOUT),
                ObjectStoreHealthIndicator.DEFAULT_TIMEOUT);
    }
}
