package io.bulwark.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.Topics;
import io.bulwark.embedded.KafkaAccessControl;
import io.bulwark.embedded.KafkaAuthentication;
import io.bulwark.embedded.KafkaKraftBroker;
import io.bulwark.embedded.ServiceTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Cloud Stream application authenticates to a SCRAM broker with ACLs through {@code bulwark.kafka.*} alone:
 * the retention service's user reads {@code bulwark.backup.verified} in its group (with its dead-letter topic
 * provisioned) and writes {@code bulwark.backup.deleted}, its password read from a file.
 */
class KafkaScramBinderIT {

    @TempDir
    Path dir;

    @Test
    void theBinderConsumesAndProducesOverScramWithTheServicesAcls() throws Exception {
        KafkaAuthentication auth =
                new KafkaAuthentication("admin", "admin-pw", Map.of("retention-service", "retention \"pw\""));
        Path passwordFile = Files.writeString(dir.resolve("retention.password"), "retention \"pw\"\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        try (KafkaKraftBroker broker = KafkaKraftBroker.start(dir.resolve("kafka"), 0, auth)) {
            try (Admin admin = Admin.create(with(broker, broker.adminClientProperties()))) {
                KafkaAccessControl.grant(admin, List.of(ServiceTopics.RETENTION));
            }
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RelayApplication.class)
                            .web(WebApplicationType.NONE)
                            .run(
                                    "--spring.cloud.stream.kafka.binder.brokers=" + broker.bootstrapServers(),
                                    "--bulwark.kafka.username=retention-service",
                                    "--bulwark.kafka.password-file=" + passwordFile,
                                    "--spring.cloud.function.definition=relay",
                                    "--spring.cloud.stream.bindings.relay-in-0.destination=" + Topics.BACKUP_VERIFIED,
                                    "--spring.cloud.stream.bindings.relay-in-0.group=bulwark-retention",
                                    "--spring.cloud.stream.kafka.bindings.relay-in-0.consumer.enable-dlq=true",
                                    "--spring.cloud.stream.kafka.bindings.relay-in-0.consumer.dlq-name="
                                            + Topics.deadLetter(Topics.BACKUP_VERIFIED),
                                    "--spring.cloud.stream.bindings.relay-out-0.destination=" + Topics.BACKUP_DELETED);
                    KafkaProducer<String, String> producer = new KafkaProducer<>(
                            with(broker, broker.adminClientProperties()),
                            new StringSerializer(),
                            new StringSerializer());
                    KafkaConsumer<String, String> consumer = consumer(broker)) {
                assertThat(app.getEnvironment().getProperty("spring.kafka.properties.security.protocol"))
                        .isEqualTo("SASL_PLAINTEXT");
                producer.send(new ProducerRecord<>(Topics.BACKUP_VERIFIED, "t1", "verified"))
                        .get(30, TimeUnit.SECONDS);
                List<String> deleted = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (deleted.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> deleted.add(r.value()));
                }
                assertThat(deleted).containsExactly("VERIFIED");
            }
        }
    }

    private static KafkaConsumer<String, String> consumer(KafkaKraftBroker broker) {
        Map<String, Object> props = with(broker, broker.adminClientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-admin");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.BACKUP_DELETED));
        return consumer;
    }

    private static Map<String, Object> with(KafkaKraftBroker broker, Map<String, Object> security) {
        Map<String, Object> props = new HashMap<>(security);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        return props;
    }

    /** A service of one function: upper-cases what it reads. */
    @SpringBootApplication
    static class RelayApplication {

        @Bean
        Function<String, String> relay() {
            return value -> value.toUpperCase(java.util.Locale.ROOT);
        }
    }
}
