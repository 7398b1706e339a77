package io.bulwark.service.kafka;

import io.bulwark.service.secrets.SecretReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code bulwark.kafka.*} ({@link KafkaClientSecurity}) into the Kafka client properties of both Spring for
 * Apache Kafka ({@code spring.kafka.properties.*}) and the Spring Cloud Stream Kafka binder ({@code
 * spring.cloud.stream.kafka.binder.configuration.*}, which reaches every producer, consumer and admin client of the
 * binder). The properties go into a property source of their own, first in line, built in memory: the password and
 * {@code sasl.jaas.config} are never written to a file, an argument or a log. Does nothing when {@code
 * bulwark.kafka.username} is not set. Runs after the configuration files are loaded, so the settings may come from
 * {@code application.yml}, {@code bulwark.yml}, arguments or the environment.
 *
 * <p>Fails the start ({@link IllegalStateException}, {@link IllegalArgumentException}) when a user is configured
 * without a readable password or with an unknown mechanism.
 */
public final class KafkaSecurityEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The name of the property source this post-processor adds. */
    public static final String PROPERTY_SOURCE = "bulwarkKafkaSecurity";

    private static final String[] PREFIXES = {
        "spring.kafka.properties.", "spring.cloud.stream.kafka.binder.configuration."
    };

    private final SecretReader secrets;

    /** A post-processor reading the password variable from the process environment. */
    public KafkaSecurityEnvironmentPostProcessor() {
        this(new SecretReader());
    }

    /** A post-processor reading secrets through {@code secrets}. */
    KafkaSecurityEnvironmentPostProcessor(SecretReader secrets) {
        this.secrets = secrets;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        KafkaClientSecurity security = KafkaClientSecurity.from(environment::getProperty, secrets);
        if (security == null) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        security.clientProperties().forEach((key, value) -> {
            for (String prefix : PREFIXES) {
                properties.put(prefix + key, value);
            }
        });
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    /** After the configuration files are loaded ({@code ConfigDataEnvironmentPostProcessor}). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
