package io.bulwark.retention;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.embedded.KafkaEventClients;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.service.consumer.ConsumerOutages;
import io.bulwark.testsupport.StoppablePostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
import org.springframework.util.FileSystemUtils;

/**
 * An outage of the retention service's own PostgreSQL (a throwaway server, stopped and started again on the same port
 * and data) on a real KRaft broker and S3Proxy: the BackupVerified events published while it is down are retried
 * until it is back, then all recorded in order, none dead-lettered; a malformed record sent among them is
 * dead-lettered and the consumer goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(
        partitions = 1,
        topics = {Topics.BACKUP_VERIFIED, Topics.BACKUP_VERIFIED + Topics.DLQ_SUFFIX, Topics.BACKUP_DELETED},
        bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
class DatabaseOutageIT {

    private static final String TARGET = "chinook";
    private static final String DATABASE = "bulwark";
    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

    private static StoppablePostgres postgres;
    private static Path s3Dir;
    private static S3ProxyServer s3;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ConsumerOutages outages;

    @DynamicPropertySource
    static void components(DynamicPropertyRegistry registry) throws IOException {
        postgres = StoppablePostgres.start("infra-retry-retention-pg", DATABASE);
        s3Dir = Files.createTempDirectory("infra-retry-retention-s3");
        s3 = S3ProxyServer.start(s3Dir, "bulwark");
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl(DATABASE));
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        // while the server is down an attempt fails within 0.5 s, and the next one follows within 1 s
        registry.add("spring.datasource.hikari.connection-timeout", () -> "500");
        registry.add("bulwark.consumers.outage.initial-interval", () -> "250ms");
        registry.add("bulwark.consumers.outage.max-interval", () -> "1s");
        registry.add("bulwark.storage.endpoint", s3::endpoint);
        registry.add("bulwark.storage.access-key", s3::accessKey);
        registry.add("bulwark.storage.secret-key", s3::secretKey);
        registry.add("bulwark.storage.bucket", s3::bucket);
        registry.add("bulwark.targets." + TARGET + ".engine", () -> "postgresql");
        registry.add("spring.cloud.stream.kafka.binder.min-partition-count", () -> "1");
    }

    @AfterAll
    static void cleanUp() {
        if (postgres != null) {
            postgres.close();
        }
        if (s3 != null) {
            s3.close();
            FileSystemUtils.deleteRecursively(s3Dir.toFile());
        }
    }

    @Test
    void recordsEveryEventPublishedWhileItsDatabaseIsDownAndDeadLettersOnlyTheMalformedOne() throws Exception {
        ObjectStore store = new MinioObjectStore(
                ObjectStoreSettings.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.bucket()));
        List<BackupVerified> events = List.of(verified(0), verified(1), verified(2), verified(3));
        for (BackupVerified event : events) {
            storeReport(store, event);
        }
        ConsumerOutages.Binding binding = outages.binding(Topics.BACKUP_VERIFIED, "bulwark-retention");
        try (KafkaProducer<String, byte[]> producer = KafkaEventClients.producer(broker.getBrokersAsString());
                KafkaConsumer<byte[], byte[]> dlq = KafkaEventClients.consumer(
                        broker.getBrokersAsString(),
                        "infra-retry-retention",
                        Topics.deadLetter(Topics.BACKUP_VERIFIED))) {
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, events.get(0));
            await().atMost(Duration.ofSeconds(60)).until(() -> recorded(events.get(0)));

            postgres.stop();
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, events.get(1));
            producer.send(new ProducerRecord<>(Topics.BACKUP_VERIFIED, TARGET, "{not json".getBytes(UTF_8)))
                    .get();
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, events.get(2));
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, events.get(3));
            // more failed attempts than the binding's max-attempts (3) would have allowed before dead-lettering
            await().atMost(Duration.ofSeconds(60)).until(() -> binding.failedAttempts() >= 5);
            assertThat(binding.waiting()).isTrue();
            postgres.start();

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(events).allMatch(DatabaseOutageIT::recorded));
            assertThat(binding.waiting()).as("the outage is over").isFalse();
            assertThat(KafkaEventClients.pollUntil(dlq, 2, Duration.ofSeconds(3)))
                    .as("only the malformed record, dead-lettered after the ones before it were recorded")
                    .singleElement()
                    .satisfies(r -> assertThat(new String(r.value(), UTF_8)).isEqualTo("{not json"));
        }
    }

    private static boolean recorded(BackupVerified event) {
        try (Connection c = DriverManager.getConnection(
                        postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
                PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM retention.backups WHERE backup_id = ?")) {
            s.setObject(1, event.backupId());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getLong(1) == 1;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static void storeReport(ObjectStore store, BackupVerified event) {
        store.putBytes(
                ObjectKeys.inPrefix(event.prefix(), ObjectKeys.MANIFEST), "{}".getBytes(UTF_8), "application/json");
        VerificationReport report = new VerificationReport(
                VerificationReport.SCHEMA_VERSION,
                event.backupId(),
                event.targetId(),
                Outcome.PASSED,
                event.checks(),
                List.of(),
                null,
                "local",
                null,
                null,
                null,
                null,
                event.occurredAt());
        store.putBytes(ObjectKeys.verificationKey(event.prefix()), EventJson.toBytes(report), "application/json");
    }

    private static BackupVerified verified(int day) {
        UUID backupId = UUID.randomUUID();
        Instant completedAt = T0.plus(Duration.ofDays(day));
        return new BackupVerified(
                UUID.randomUUID(),
                completedAt.plusSeconds(600),
                BackupVerified.SCHEMA_VERSION,
                backupId,
                TARGET,
                Outcome.PASSED,
                List.of(new CheckResult("checksum", CheckStatus.PASSED, "", 5)),
                null,
                "local",
                null,
                ObjectKeys.backupPrefix(TARGET, "nightly", completedAt, backupId),
                completedAt,
                Tier.DAILY);
    }
}
