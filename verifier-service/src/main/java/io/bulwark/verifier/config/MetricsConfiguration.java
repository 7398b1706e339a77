package io.bulwark.verifier.config;

import io.bulwark.service.health.MinioBucketProbe;
import io.bulwark.service.health.ObjectStoreHealthIndicator;
import io.bulwark.service.storage.StorageProperties;
import io.bulwark.verifier.adapter.messaging.StreamBridgeRestorePublisher;
import io.bulwark.verifier.adapter.messaging.StreamBridgeVerificationPublisher;
import io.bulwark.verifier.adapter.metrics.MicrometerVerifierMetrics;
import io.bulwark.verifier.application.MeteredRestorePublisher;
import io.bulwark.verifier.application.MeteredVerificationPublisher;
import io.bulwark.verifier.application.RestorePublisher;
import io.bulwark.verifier.application.VerificationPublisher;
import io.bulwark.verifier.application.VerifierMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Wires the verifier's metrics ({@link MicrometerVerifierMetrics} behind the {@link VerifierMetrics} port, recorded by
 * the metered publishers every use case publishes through) and the object store's health component ({@code
 * objectStore}, part of the readiness group).
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /** The Micrometer adapter of the metrics port. */
    @Bean
    public VerifierMetrics verifierMetrics(MeterRegistry registry) {
        return new MicrometerVerifierMetrics(registry);
    }

    /** The verdict publisher the use cases get: the Kafka publisher, recording each published verdict. */
    @Bean
    @Primary
    public VerificationPublisher meteredVerificationPublisher(
            StreamBridgeVerificationPublisher streamPublisher, VerifierMetrics metrics) {
        return new MeteredVerificationPublisher(streamPublisher, metrics);
    }

    /** The restore publisher the use cases get: the Kafka publisher, recording each restore's end. */
    @Bean
    @Primary
    public RestorePublisher meteredRestorePublisher(
            StreamBridgeRestorePublisher streamPublisher, VerifierMetrics metrics) {
        return new MeteredRestorePublisher(streamPublisher, metrics);
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
