package io.bulwark.service.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Makes every Kafka consumer binding of a service wait out infrastructure outages and dead-letter only bad input
 * ({@link OutageTolerantContainerCustomizer}); a service imports this class. Beans: {@link ConsumerOutages} (with
 * gauge {@value ConsumerOutages#GAUGE} when a {@link MeterRegistry} is present) and the customizer, which sends dead
 * letters through a producer of its own built from the binder's settings: {@code
 * spring.cloud.stream.kafka.binder.brokers} (else {@code spring.kafka.bootstrap-servers}, else {@code
 * localhost:9092}), {@code .configuration.*} (where the SASL settings go) and {@code .producer-properties.*}.
 *
 * <p>Each consumer binding keeps {@code max-attempts} above 1 and {@code enable-dlq: true} with its {@code dlq-name}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutageBackOffProperties.class)
public class OutageTolerantConsumers {

    private static final String BINDER = "spring.cloud.stream.kafka.binder";

    /** The outage state of every consumer binding. */
    @Bean
    ConsumerOutages consumerOutages(ObjectProvider<MeterRegistry> registry) {
        return new ConsumerOutages(registry.getIfAvailable(), Clock.systemUTC());
    }

    /** The binder's container customizer; it closes its dead-letter producer when the application stops. */
    @Bean
    OutageTolerantContainerCustomizer outageTolerantContainerCustomizer(
            Environment environment, OutageBackOffProperties backOff, ConsumerOutages outages) {
        DefaultKafkaProducerFactory<byte[], byte[]> producers =
                new DefaultKafkaProducerFactory<>(deadLetterProducerProperties(environment));
        return new OutageTolerantContainerCustomizer(new KafkaTemplate<>(producers), backOff, outages);
    }

    /**
     * The settings of the dead-letter producer: the binder's brokers and client configuration, byte[] serializers.
     *
     * @param environment the application's settings
     * @return the producer properties
     */
    static Map<String, Object> deadLetterProducerProperties(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Object> properties = new HashMap<>();
        properties.putAll(binder.bind(BINDER + ".configuration", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
        properties.putAll(binder.bind(BINDER + ".producer-properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
        String brokers = binder.bind(BINDER + ".brokers", Bindable.listOf(String.class))
                .map(list -> String.join(",", list))
                .orElseGet(() -> binder.bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
                        .map(list -> String.join(",", list))
                        .orElse("localhost:9092"));
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        return properties;
    }
}
