package io.bulwark.scheduler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import io.bulwark.embedded.KafkaEventClients;
import io.bulwark.service.consumer.ConsumerOutages;
import io.bulwark.testsupport.StoppablePostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * An outage of the scheduler's own PostgreSQL (a throwaway server, stopped and started again on the same port and
 * data) on an embedded KRaft broker: the BackupCompleted events published while it is down are retried until it is
 * back, then all projected, none dead-lettered; a malformed record sent among them is dead-lettered to {@code
 * bulwark.backup.completed.dlq} and the consumer goes on.
 */
@SchedulerIntegrationTest
@TestPropertySource(
        properties = {
            "bulwark.targets.chinook.engine=postgresql",
            // while the server is down an attempt fails within 0.5 s, and the next one follows within 1 s
            "spring.datasource.hikari.connection-timeout=500",
            "bulwark.consumers.outage.initial-interval=250ms",
            "bulwark.consumers.outage.max-interval=1s"
        })
class DatabaseOutageIT extends SchedulerItClients {

    private static final String DATABASE = "bulwark";

    private static StoppablePostgres postgres;

    @Autowired
    ConsumerOutages outages;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        postgres = StoppablePostgres.start("infra-retry-scheduler-pg", DATABASE);
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl(DATABASE));
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        ApiClient.registerTokens(registry);
    }

    @AfterAll
    static void stopDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void projectsEveryEventPublishedWhileItsDatabaseIsDownAndDeadLettersOnlyTheMalformedOne() {
        List<UUID> ids = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID()).toList();
        ConsumerOutages.Binding binding = outages.binding(Topics.BACKUP_COMPLETED, "bulwark-scheduler");
        topics.publish(Topics.BACKUP_COMPLETED, completed(ids.get(0)));
        await().atMost(TIMEOUT).until(() -> projected(ids.get(0)));

        postgres.stop();
        topics.publish(Topics.BACKUP_COMPLETED, completed(ids.get(1)));
        topics.publishRaw(Topics.BACKUP_COMPLETED, "chinook", "{not json".getBytes(UTF_8));
        topics.publish(Topics.BACKUP_COMPLETED, completed(ids.get(2)));
        topics.publish(Topics.BACKUP_COMPLETED, completed(ids.get(3)));
        // more failed attempts than the binding's max-attempts (3) would have allowed before dead-lettering
        await().atMost(TIMEOUT).until(() -> binding.failedAttempts() >= 5);
        assertThat(binding.waiting()).isTrue();
        postgres.start();

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(ids).allMatch(this::projected));
        assertThat(binding.waiting()).as("the outage is over").isFalse();
        try (KafkaConsumer<byte[], byte[]> dlq = KafkaEventClients.consumer(
                brokers, "infra-retry-scheduler", Topics.deadLetter(Topics.BACKUP_COMPLETED))) {
            assertThat(KafkaEventClients.pollUntil(dlq, 2, Duration.ofSeconds(3)))
                    .as("only the malformed record, dead-lettered after the ones before it were projected")
                    .singleElement()
                    .satisfies(r -> assertThat(new String(r.value(), UTF_8)).isEqualTo("{not json"));
        }
    }

    private boolean projected(UUID id) {
        return api.get("/api/backups/" + id).statusCode() == 200;
    }

    private static BackupCompleted completed(UUID id) {
        String prefix =
                "chinook/2026/12/adhoc_20261203T070000Z_" + id.toString().substring(0, 8) + "/";
        return ItEvents.completed(
                id,
                "chinook",
                prefix,
                Tier.ADHOC,
                Trigger.MANUAL,
                ItEvents.dump(prefix + "dump.pgcustom.zst", 4_000, 12_000),
                Instant.parse("2026-12-03T07:10:00Z"),
                Duration.ofSeconds(60));
    }
}
