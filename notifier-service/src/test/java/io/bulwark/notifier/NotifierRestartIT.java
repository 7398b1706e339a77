package io.bulwark.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Topics;
import io.bulwark.embedded.KafkaEventClients;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A notifier restarted while a delivery is pending: the new one sends it exactly once, and the same event delivered
 * again by Kafka after the restart sends nothing. Two application contexts in turn on one real KRaft broker and one
 * PostgreSQL database, the receiver a JDK HTTP server behind the old {@code bulwark.notifier.webhook.url}.
 */
class NotifierRestartIT {

    private static EmbeddedKafkaKraftBroker broker;
    private static NotifierItDatabase database;
    private static final Map<String, Object> DATABASE_PROPERTIES = new LinkedHashMap<>();

    /**
     * The binder's broker property. An {@code @EmbeddedKafka} test class run earlier in this JVM leaves it as a system
     * property naming its own broker, and the binder's own environment reads system properties before this test's
     * command-line arguments: it is pointed at this test's broker for the run and restored after.
     */
    private static final String BINDER_BROKERS = "spring.cloud.stream.kafka.binder.brokers";

    private static String previousBinderBrokers;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.BACKUP_VERIFIED, Topics.BACKUP_VERIFIED + Topics.DLQ_SUFFIX);
        broker.afterPropertiesSet();
        previousBinderBrokers = System.setProperty(BINDER_BROKERS, broker.getBrokersAsString());
        DynamicPropertyRegistry registry = (name, supplier) -> DATABASE_PROPERTIES.put(name, supplier.get());
        database = NotifierItDatabase.create("notifier_restart_it", registry);
    }

    @AfterAll
    static void stop() {
        if (previousBinderBrokers == null) {
            System.clearProperty(BINDER_BROKERS);
        } else {
            System.setProperty(BINDER_BROKERS, previousBinderBrokers);
        }
        broker.destroy();
        database.drop();
    }

    private static ConfigurableApplicationContext notifier(HookReceiver receiver) {
        List<String> properties = new ArrayList<>();
        DATABASE_PROPERTIES.forEach((k, v) -> properties.add("--" + k + "=" + v));
        properties.add("--server.port=0");
        properties.add("--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString());
        properties.add("--spring.cloud.stream.kafka.binder.min-partition-count=1");
        properties.add("--bulwark.notifier.notify-on-passed=false");
        properties.add("--bulwark.notifier.webhook.url=" + receiver.url("/hook"));
        properties.add("--bulwark.notifier.webhook.allow-insecure-http=true");
        properties.add("--bulwark.notifier.delivery.poll-interval=300ms");
        properties.add("--bulwark.notifier.delivery.retry-backoff=20ms");
        properties.add("--bulwark.notifier.delivery.round-backoff=300ms");
        // command-line arguments, so that they win over application.yml
        return new SpringApplicationBuilder(NotifierApplication.class).run(properties.toArray(String[]::new));
    }

    private static Map<String, Object> delivery(String channel) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        database.jdbcUrl(),
                        String.valueOf(DATABASE_PROPERTIES.get("spring.datasource.username")),
                        String.valueOf(DATABASE_PROPERTIES.get("spring.datasource.password")));
                PreparedStatement s =
                        c.prepareStatement("SELECT state, attempts FROM notifier.deliveries WHERE channel = ?")) {
            s.setString(1, channel);
            try (ResultSet rs = s.executeQuery()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (rs.next()) {
                    row.put("state", rs.getString(1));
                    row.put("attempts", rs.getInt(2));
                }
                return row;
            }
        }
    }

    /**
     * Waits until the notifier's consumer group is stable and one of its members holds the partition of {@code
     * bulwark.backup.verified}: a context that has started may still be joining its group, and on a loaded machine
     * the seven bindings' joins take a while.
     */
    private static void awaitVerifiedPartitionAssigned() {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> {
                        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("bulwark-notifier"))
                                .all()
                                .get()
                                .get("bulwark-notifier");
                        return group.groupState() == GroupState.STABLE
                                && group.members().stream()
                                        .flatMap(m -> m.assignment().topicPartitions().stream())
                                        .anyMatch(p -> p.topic().equals(Topics.BACKUP_VERIFIED));
                    });
        }
    }

    private static long postsAbout(HookReceiver receiver, BackupVerified event) {
        return receiver.posts().stream()
                .filter(p -> p.body().contains(event.backupId().toString()))
                .count();
    }

    @Test
    void aPendingDeliveryIsSentExactlyOnceAfterARestartAndARedeliveredEventSendsNothing() throws Exception {
        BackupVerified failed = Events.verified("chinook", Outcome.FAILED);
        BackupVerified marker = Events.verified("marker", Outcome.FAILED);
        try (HookReceiver receiver = HookReceiver.start();
                KafkaProducer<String, byte[]> producer = KafkaEventClients.producer(broker.getBrokersAsString())) {
            receiver.status.set(503);
            try (ConfigurableApplicationContext first = notifier(receiver)) {
                awaitVerifiedPartitionAssigned();
                KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, failed);
                await().atMost(Duration.ofSeconds(120))
                        .until(() -> !delivery("webhook").isEmpty()
                                && (int) delivery("webhook").get("attempts") >= 1);
                assertThat(delivery("webhook")).containsEntry("state", "PENDING");
            }
            assertThat(postsAbout(receiver, failed)).isZero();

            receiver.status.set(204);
            try (ConfigurableApplicationContext second = notifier(receiver)) {
                await().atMost(Duration.ofSeconds(120)).until(() -> postsAbout(receiver, failed) == 1);
                assertThat(delivery("webhook")).containsEntry("state", "SENT");

                KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, failed);
                KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, marker);
                await().atMost(Duration.ofSeconds(120)).until(() -> postsAbout(receiver, marker) == 1);
                assertThat(postsAbout(receiver, failed))
                        .as("sent once: neither the restart nor the redelivered event sends it again")
                        .isEqualTo(1);
            }
        }
    }
}
