package io.bulwark.verifier.config;

import io.bulwark.service.health.MinioBucketProbe;
import io.bulwark.service.health.ObjectStoreHealthIndicator;
import io.bulwark.service.storage.StorageProperties;
import io.bulwark.verifier.adapter.messaging.StreamBridgeRestorePublisher;
import io.bulwark.verifier.adapter.messaging.StreamBridgeVerificationPublisher;
import io.bulwark.verifier.adapter.metrics.MicrometerVerifierMetrics;
import io.bulwark.verifier.application.BoundedSandboxProvider;
import io.bulwark.verifier.application.MeteredRestorePublisher;
import io.bulwark.verifier.application.MeteredVerificationPublisher;
import io.bulwark.verifier.application.RestorePublisher;
import io.bulwark.verifier.application.VerificationPublisher;
import io.bulwark.verifier.application.VerifierMetrics;
import io.micrometer.core.instrument.Gauge;
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

    /**
     * The gauges of the sandbox cap: {@code bulwark.verifier.sandboxes.alive} (sandboxes alive now), {@code
     * bulwark.verifier.sandboxes.alive.max} (the most alive at once since start-up) and {@code
     * bulwark.verifier.sandboxes.limit} ({@code bulwark.verifier.max-concurrent-sandboxes}).
     *
     * @return the alive gauge
     */
    @Bean
    public Gauge sandboxGauges(MeterRegistry registry, BoundedSandboxProvider sandboxes) {
        Gauge.builder("bulwark.verifier.sandboxes.limit", sandboxes, BoundedSandboxProvider::max)
                .description("sandboxes allowed alive at once (bulwark.verifier.max-concurrent-sandboxes)")
                .register(registry);
        Gauge.builder("bulwark.verifier.sandboxes.alive.max", sandboxes, BoundedSandboxProvider::peak)
                .description("the most sandboxes alive at once since start-up")
                .register(registry);
        return Gauge.builder("bulwark.verifier.sandboxes.alive", sandboxes, BoundedSandboxProvider::alive)
                .description("sandboxes alive now")
                .register(registry);
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
