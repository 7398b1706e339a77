package io.bulwark.retention;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.DeletionReason;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.embedded.KafkaEventClients;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.service.security.ApiTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The retention service end to end on a real KRaft broker, S3Proxy and PostgreSQL: BackupVerified
 * events in, objects deleted and BackupDeleted events out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(
        partitions = 1,
        topics = {Topics.BACKUP_VERIFIED, Topics.BACKUP_VERIFIED + Topics.DLQ_SUFFIX, Topics.BACKUP_DELETED},
        bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
class RetentionIT {

    private static final String TARGET = "chinook";
    private static final String OTHER_TARGET = "sakila";
    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

    private static RetentionItComponents components;
    private static S3ProxyServer s3;

    @Autowired
    EmbeddedKafkaBroker broker;

    /** A viewer's API token: the retention plan needs one. */
    private static final String API_TOKEN = "retention-it-viewer-token";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void components(DynamicPropertyRegistry registry) throws IOException, SQLException {
        components = RetentionItComponents.start("retention_it_", registry);
        s3 = components.s3();
        registry.add("bulwark.targets." + TARGET + ".retention.keep-last", () -> "2");
        registry.add("bulwark.security.tokens[0].name", () -> "retention-it");
        registry.add("bulwark.security.tokens[0].role", () -> "viewer");
        registry.add("bulwark.security.tokens[0].sha256", () -> ApiTokens.sha256Hex(API_TOKEN));
        registry.add(
                "spring.cloud.stream.bindings.backupVerified-in-0.consumer.back-off-initial-interval", () -> "100");
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        if (components != null) {
            components.close();
        }
    }

    @Test
    void deletesTheObjectsOfBackupsBeyondTheNewestVerifiedOnesAndAnnouncesEachDeletion() throws Exception {
        ObjectStore store = new MinioObjectStore(
                ObjectStoreSettings.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.bucket()));
        Outcome[] outcomes = {Outcome.PASSED, Outcome.FAILED, Outcome.PASSED, Outcome.FAILED, Outcome.PASSED};
        List<BackupVerified> events = new ArrayList<>();
        for (int day = 0; day < outcomes.length; day++) {
            BackupVerified event = verified(TARGET, day, outcomes[day]);
            for (String name : List.of(ObjectKeys.PG_CUSTOM_ZSTD, ObjectKeys.MANIFEST)) {
                store.putBytes(
                        ObjectKeys.inPrefix(event.prefix(), name),
                        ("day " + day).getBytes(UTF_8),
                        "application/octet-stream");
            }
            storeReport(store, event, event.outcome());
            events.add(event);
        }

        try (KafkaProducer<String, byte[]> producer = KafkaEventClients.producer(broker.getBrokersAsString());
                KafkaConsumer<byte[], byte[]> deletedConsumer =
                        KafkaEventClients.consumer(broker.getBrokersAsString(), "retention-it", Topics.BACKUP_DELETED);
                KafkaConsumer<byte[], byte[]> dlqConsumer = KafkaEventClients.consumer(
                        broker.getBrokersAsString(), "retention-it", Topics.deadLetter(Topics.BACKUP_VERIFIED))) {
            for (BackupVerified event : events) {
                KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, event);
            }

            List<ConsumerRecord<byte[], byte[]>> deleted =
                    KafkaEventClients.pollUntil(deletedConsumer, 3, Duration.ofSeconds(60));

            // keep-last 2 keeps the two newest verified (2 and 4); 0 (PASSED) is beyond them; 1 and 3 (FAILED, taken
            // weeks before the clock) are beyond keep-failed 7d.
            assertThat(deleted)
                    .extracting(
                            r -> EventJson.read(r.value(), BackupDeleted.class).backupId())
                    .containsExactlyInAnyOrder(
                            events.get(0).backupId(),
                            events.get(1).backupId(),
                            events.get(3).backupId());
            for (ConsumerRecord<byte[], byte[]> record : deleted) {
                BackupDeleted event = EventJson.read(record.value(), BackupDeleted.class);
                assertThat(new String(record.key(), UTF_8)).isEqualTo(TARGET);
                assertThat(new String(record.headers().lastHeader("ce_type").value(), UTF_8))
                        .isEqualTo(Topics.BACKUP_DELETED);
                assertThat(new String(record.headers().lastHeader("ce_id").value(), UTF_8))
                        .isEqualTo(event.eventId().toString());
                assertThat(record.value()[0])
                        .as("payload is a JSON object, not a JSON string")
                        .isEqualTo((byte) '{');
                assertThat(event.reason()).isEqualTo(DeletionReason.RETENTION);
                assertThat(event.policy())
                        .as("the rule that let the backup go")
                        .satisfiesAnyOf(
                                p -> assertThat(p).isEqualTo("matches no keep rule (not among the last 2)"),
                                p -> assertThat(p).matches("keep-failed: FAILED \\d+d ago \\(kept 7d\\)"));
                assertThat(event.objectsDeleted()).isEqualTo(3);
                assertThat(event.targetId()).isEqualTo(TARGET);
            }
            assertThat(store.list(events.get(0).prefix())).isEmpty();
            assertThat(store.list(events.get(1).prefix())).isEmpty();
            assertThat(store.list(events.get(3).prefix())).isEmpty();
            for (int day : new int[] {2, 4}) {
                assertThat(store.list(events.get(day).prefix())).hasSize(3);
            }
            // The catalog marks a backup deleted after its BackupDeleted is published: wait for it.
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(deletedIds())
                            .containsExactlyInAnyOrder(
                                    events.get(0).backupId(),
                                    events.get(1).backupId(),
                                    events.get(3).backupId()));
            assertThat(get("/api/retention/" + TARGET))
                    .contains("\"policy\":\"keep-last=2\"")
                    .contains("\"preview\":false")
                    .contains("\"keep\":2,\"delete\":0")
                    .contains("\"rules\":[\"last 2\",\"newest verified\"]")
                    .contains(events.get(4).backupId().toString())
                    .doesNotContain(events.get(0).backupId().toString())
                    .doesNotContain("DELETE");
            // A preview of another policy answers without deleting anything; a bad parameter is a 400 naming it.
            assertThat(get("/api/retention/" + TARGET + "?keepLast=1"))
                    .contains("\"policy\":\"keep-last=1\"")
                    .contains("\"preview\":true")
                    .contains("\"keep\":1,\"delete\":1")
                    .contains("matches no keep rule (not among the last 1)");
            HttpResponse<String> invalid = send("/api/retention/" + TARGET + "?keepDaily=seven");
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(invalid.body()).contains("\"field\":\"keepDaily\"");
            assertThat(store.list(events.get(2).prefix())).hasSize(3);

            // Forged events change nothing: one of a backup without a stored report, one whose stored report
            // says FAILED. Accepted, they would push the older verified backups out; they are dead-lettered.
            BackupVerified noReport = verified(TARGET, 10, Outcome.PASSED);
            BackupVerified saysFailed = verified(TARGET, 11, Outcome.PASSED);
            for (BackupVerified forged : List.of(noReport, saysFailed)) {
                store.putBytes(
                        ObjectKeys.inPrefix(forged.prefix(), ObjectKeys.MANIFEST),
                        "{}".getBytes(UTF_8),
                        "application/json");
            }
            storeReport(store, saysFailed, Outcome.FAILED);
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, noReport);
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, saysFailed);
            assertThat(KafkaEventClients.pollUntil(dlqConsumer, 2, Duration.ofSeconds(60)))
                    .extracting(
                            r -> EventJson.read(r.value(), BackupVerified.class).backupId())
                    .containsExactlyInAnyOrder(noReport.backupId(), saysFailed.backupId());
            assertThat(deletedConsumer.poll(Duration.ofSeconds(2)))
                    .as("nothing deleted")
                    .isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM retention.backups WHERE backup_id IN (?, ?)")
                            .params(noReport.backupId(), saysFailed.backupId())
                            .query(Long.class)
                            .single())
                    .isZero();
            for (int day : new int[] {2, 4}) {
                assertThat(store.list(events.get(day).prefix())).hasSize(3);
            }

            // A malformed record goes to the dead-letter topic; duplicates change nothing.
            producer.send(new ProducerRecord<>(Topics.BACKUP_VERIFIED, TARGET, "{not json".getBytes(UTF_8)))
                    .get();
            for (BackupVerified event : events) {
                KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, event);
            }
            BackupVerified sentinel = verified(OTHER_TARGET, 0, Outcome.PASSED);
            storeReport(store, sentinel, Outcome.PASSED);
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, sentinel);

            assertThat(KafkaEventClients.pollUntil(dlqConsumer, 2, Duration.ofSeconds(15)))
                    .as("duplicates of accepted events, also of deleted backups, are no dead letters")
                    .singleElement()
                    .satisfies(r -> assertThat(new String(r.value(), UTF_8)).isEqualTo("{not json"));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.sql("SELECT count(*) FROM retention.backups WHERE backup_id = ?")
                                    .param(sentinel.backupId())
                                    .query(Long.class)
                                    .single()
                            == 1L);
            assertThat(deletedConsumer.poll(Duration.ofSeconds(2))).isEmpty();
            assertThat(deletedIds())
                    .containsExactlyInAnyOrder(
                            events.get(0).backupId(),
                            events.get(1).backupId(),
                            events.get(3).backupId());
            assertThat(jdbc.sql("SELECT count(*) FROM retention.processed_events")
                            .query(Long.class)
                            .single())
                    .isEqualTo(6L);
            for (int day : new int[] {2, 4}) {
                assertThat(store.list(events.get(day).prefix())).hasSize(3);
            }
        }
    }

    private List<UUID> deletedIds() {
        return jdbc.sql("SELECT backup_id FROM retention.backups WHERE deleted_at IS NOT NULL")
                .query(UUID.class)
                .list();
    }

    /** Stores the verification.json the verifier would have stored for {@code event}, saying {@code outcome}. */
    private static void storeReport(ObjectStore store, BackupVerified event, Outcome outcome) {
        VerificationReport report = new VerificationReport(
                VerificationReport.SCHEMA_VERSION,
                event.backupId(),
                event.targetId(),
                outcome,
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

    private static BackupVerified verified(String target, int day, Outcome outcome) {
        UUID backupId = UUID.randomUUID();
        Instant completedAt = T0.plus(Duration.ofDays(day));
        List<CheckResult> checks = List.of(new CheckResult(
                "checksum", outcome == Outcome.PASSED ? CheckStatus.PASSED : CheckStatus.FAILED, "", 5));
        return new BackupVerified(
                UUID.randomUUID(),
                completedAt.plusSeconds(600),
                BackupVerified.SCHEMA_VERSION,
                backupId,
                target,
                outcome,
                checks,
                null,
                "local",
                null,
                ObjectKeys.backupPrefix(target, "nightly", completedAt, backupId),
                completedAt,
                Tier.DAILY);
    }

    @Test
    void reportsHealthUpOnActuator() throws Exception {
        assertThat(get("/actuator/health")).contains("\"status\":\"UP\"");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> send(String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Authorization", "Bearer " + API_TOKEN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
