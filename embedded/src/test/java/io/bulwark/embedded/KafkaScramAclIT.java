package io.bulwark.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker with SCRAM-SHA-512 and the services' ACLs: who may write, read and connect. */
class KafkaScramAclIT {

    @TempDir
    static Path dir;

    private static KafkaKraftBroker broker;
    private static KafkaAuthentication auth;

    @BeforeAll
    static void start() throws Exception {
        auth = new KafkaAuthentication(
                "admin",
                "admin-Pw_1",
                Map.of("dump-worker", "dw \"quoted\" pw\\", "notifier-service", "np", "retention-service", "rp"));
        broker = KafkaKraftBroker.start(dir.resolve("kafka"), 0, auth);
        try (Admin admin = admin(broker.adminClientProperties())) {
            KafkaAccessControl.grant(admin, ServiceTopics.ALL);
            // granting again at the next start is harmless
            KafkaAccessControl.grant(admin, ServiceTopics.ALL);
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aServiceWritesItsOwnTopicAndItsConsumerReadsIt() throws Exception {
        try (KafkaProducer<String, String> producer = producer(auth.clientProperties("dump-worker"))) {
            producer.send(new ProducerRecord<>(Topics.BACKUP_COMPLETED, "t1", "done"))
                    .get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.deadLetter(Topics.BACKUP_REQUESTED), "t1", "dead"))
                    .get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = producer(auth.clientProperties("retention-service"))) {
            producer.send(new ProducerRecord<>(Topics.BACKUP_DELETED, "t1", "gone"))
                    .get(30, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> consumer =
                consumer(auth.clientProperties("notifier-service"), "bulwark-notifier", Topics.BACKUP_DELETED)) {
            List<String> values = poll(consumer, 1);
            assertThat(values).containsExactly("gone");
        }
    }

    @Test
    void aServiceMayNotWriteAnotherServicesTopic() {
        try (KafkaProducer<String, String> producer = producer(auth.clientProperties("dump-worker"))) {
            // a forged verdict: only the verifier writes bulwark.backup.verified
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.BACKUP_VERIFIED, "t1", "PASSED"))
                            .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, String> producer = producer(auth.clientProperties("notifier-service"))) {
            // the notifier writes nothing but its dead-letter topics
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.BACKUP_DELETED, "t1", "x"))
                            .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceMayNotReadATopicItDoesNotConsumeNorUseAnotherGroup() {
        try (KafkaConsumer<String, String> consumer =
                consumer(auth.clientProperties("notifier-service"), "bulwark-notifier", Topics.BACKUP_REQUESTED)) {
            assertThatThrownBy(() -> poll(consumer, 1)).isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> consumer =
                consumer(auth.clientProperties("notifier-service"), "bulwark-retention", Topics.BACKUP_VERIFIED)) {
            assertThatThrownBy(() -> poll(consumer, 1)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordAnUnknownUserAndNoCredentialsAreRefused() {
        for (Map<String, Object> props : List.of(
                KafkaAuthentication.clientProperties("dump-worker", "wrong"),
                KafkaAuthentication.clientProperties("nobody", "np"))) {
            try (Admin admin = admin(props)) {
                assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        }
        // a client without SASL never gets an answer from the SASL listener
        try (Admin admin = admin(Map.of("security.protocol", "PLAINTEXT"))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    private static Admin admin(Map<String, Object> security) {
        Map<String, Object> props = new HashMap<>(security);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        return Admin.create(props);
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> security) {
        Map<String, Object> props = new HashMap<>(security);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> security, String group, String topic) {
        Map<String, Object> props = new HashMap<>(security);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static List<String> poll(KafkaConsumer<String, String> consumer, int count) {
        List<String> values = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (values.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
        }
        return values;
    }
}
