package io.bulwark.notifier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Topics;
import io.bulwark.embedded.KafkaEventClients;
import io.bulwark.service.consumer.ConsumerOutages;
import io.bulwark.testsupport.StoppablePostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An outage of the notifier's own PostgreSQL (a throwaway server, stopped and started again on the same port and data)
 * on a real KRaft broker with a webhook receiver: the failed verifications published while it is down are retried
 * until it is back, then all notified, none dead-lettered; a malformed record sent among them is dead-lettered and the
 * consumer goes on.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bulwark.notifier.notify-on-passed=false",
            "bulwark.notifier.webhook.allow-insecure-http=true",
            "spring.cloud.stream.kafka.binder.min-partition-count=1",
            // while the server is down an attempt fails within 0.5 s, and the next one follows within 1 s
            "spring.datasource.hikari.connection-timeout=500",
            "bulwark.consumers.outage.initial-interval=250ms",
            "bulwark.consumers.outage.max-interval=1s"
        })
@EmbeddedKafka(
        partitions = 1,
        topics = {Topics.BACKUP_VERIFIED, Topics.BACKUP_VERIFIED + Topics.DLQ_SUFFIX},
        bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
class DatabaseOutageIT {

    private static final String DATABASE = "bulwark";

    private static StoppablePostgres postgres;
    private static HookReceiver receiver;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ConsumerOutages outages;

    @DynamicPropertySource
    static void components(DynamicPropertyRegistry registry) throws IOException {
        postgres = StoppablePostgres.start("infra-retry-notifier-pg", DATABASE);
        receiver = HookReceiver.start();
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl(DATABASE));
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("bulwark.notifier.webhook.url", () -> receiver.url("/hook").toString());
    }

    @AfterAll
    static void cleanUp() {
        if (receiver != null) {
            receiver.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void notifiesEveryFailurePublishedWhileItsDatabaseIsDownAndDeadLettersOnlyTheMalformedOne() throws Exception {
        List<BackupVerified> failures = IntStream.range(0, 4)
                .mapToObj(i -> Events.verified("chinook", Outcome.FAILED))
                .toList();
        ConsumerOutages.Binding binding = outages.binding(Topics.BACKUP_VERIFIED, "bulwark-notifier");
        try (KafkaProducer<String, byte[]> producer = KafkaEventClients.producer(broker.getBrokersAsString());
                KafkaConsumer<byte[], byte[]> dlq = KafkaEventClients.consumer(
                        broker.getBrokersAsString(),
                        "infra-retry-notifier",
                        Topics.deadLetter(Topics.BACKUP_VERIFIED))) {
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, failures.get(0));
            await().atMost(Duration.ofSeconds(60)).until(() -> notified().contains(id(failures.get(0))));

            postgres.stop();
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, failures.get(1));
            producer.send(new ProducerRecord<>(Topics.BACKUP_VERIFIED, "chinook", "{not json".getBytes(UTF_8)))
                    .get();
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, failures.get(2));
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, failures.get(3));
            // more failed attempts than the binding's max-attempts (3) would have allowed before dead-lettering
            await().atMost(Duration.ofSeconds(60)).until(() -> binding.failedAttempts() >= 5);
            assertThat(binding.waiting()).isTrue();
            postgres.start();

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(notified())
                            .containsAll(
                                    failures.stream().map(DatabaseOutageIT::id).toList()));
            assertThat(binding.waiting()).as("the outage is over").isFalse();
            assertThat(KafkaEventClients.pollUntil(dlq, 2, Duration.ofSeconds(3)))
                    .as("only the malformed record, dead-lettered after the ones before it were taken")
                    .singleElement()
                    .satisfies(r -> assertThat(new String(r.value(), UTF_8)).isEqualTo("{not json"));
        }
    }

    private static List<String> notified() {
        return receiver.posts().stream()
                .map(p -> p.json().get("backupId").asString())
                .toList();
    }

    private static String id(BackupVerified event) {
        return event.backupId().toString();
    }
}
