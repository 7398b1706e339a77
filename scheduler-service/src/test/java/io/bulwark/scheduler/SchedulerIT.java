package io.bulwark.scheduler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import io.bulwark.contracts.VerificationRequested;
import io.bulwark.scheduler.application.ReverifyErrors;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The scheduler end to end on real components: an embedded KRaft Kafka broker and the machine's
 * PostgreSQL (a database of its own, dropped afterwards).
 */
@SchedulerIntegrationTest
@TestPropertySource(
        properties = {
            "bulwark.targets.chinook.engine=postgresql",
            "bulwark.targets.ticker.engine=postgresql",
            "bulwark.targets.ticker.schedules.every-second.cron=* * * * * *",
            "bulwark.targets.ticker.schedules.every-second.tier=WEEKLY",
            "bulwark.targets.ticker.schedules.every-second.label=tick",
            "bulwark.scheduler.reverify-errors.interval=300ms",
            "bulwark.scheduler.reverify-errors.backoff=1s",
            "bulwark.scheduler.reverify-errors.max-requests=2"
        })
class SchedulerIT {

    private static final SchedulerItDatabase DATABASE = new SchedulerItDatabase("bulwark_scheduler_it_");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        DATABASE.register(registry);
    }

    @Test
    void postRequestsABackupThatArrivesOnTheRequestedTopicAndCanBeRead() throws Exception {
        HttpResponse<String> response = post("{\"targetId\": \"chinook\", \"label\": \"before-upgrade\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json(response.body());
        String backupId = body.get("backupId").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/backups/" + backupId);
        assertThat(body.get("requestId").asString()).isEqualTo(backupId);
        assertThat(body.get("targetId").asString()).isEqualTo("chinook");
        assertThat(body.get("state").asString()).isEqualTo("REQUESTED");
        assertThat(body.get("trigger").asString()).isEqualTo("MANUAL");
        assertThat(body.get("tier").asString()).isEqualTo("ADHOC");
        assertThat(body.get("label").asString()).isEqualTo("before-upgrade");

        ConsumerRecord<String, byte[]> record = awaitRecord(
                Topics.BACKUP_REQUESTED,
                r -> backupId.equals(EventJson.read(r.value(), BackupRequested.class)
                        .requestId()
                        .toString()));
        assertThat(record.key()).isEqualTo("chinook");
        assertThat(header(record, EventHeaders.CE_TYPE)).isEqualTo(Topics.BACKUP_REQUESTED);
        assertThat(header(record, EventHeaders.CE_SOURCE)).isEqualTo("/bulwark/scheduler");
        assertThat(new String(record.value(), UTF_8)).startsWith("{\"eventId\"");
        BackupRequested published = EventJson.read(record.value(), BackupRequested.class);
        assertThat(header(record, EventHeaders.CE_ID))
                .isEqualTo(published.eventId().toString());
        assertThat(published.trigger()).isEqualTo(Trigger.MANUAL);
        assertThat(published.tier()).isEqualTo(Tier.ADHOC);
        assertThat(published.label()).isEqualTo("before-upgrade");
        assertThat(published.requestedBy()).isEqualTo("api");

        HttpResponse<String> read = get("/api/backups/" + backupId);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read.body()).get("state").asString()).isEqualTo("REQUESTED");
    }

    @Test
    void completedThenVerifiedEventsShowTheBackupVerifiedWithItsReport() throws Exception {
        StoredBackup stored = storedBackup();
        String backupId = stored.backupId();
        UUID id = stored.id();
        String prefix = stored.prefix();
        publish(Topics.BACKUP_VERIFIED, verified(id, prefix, Outcome.PASSED));

        JsonNode backup = awaitState(backupId, "VERIFIED");
        assertThat(backup.get("reportKey").asString()).isEqualTo(prefix + "verification.json");
        assertThat(backup.get("verificationOutcome").asString()).isEqualTo("PASSED");
        assertThat(backup.get("artifactKey").asString()).isEqualTo(prefix + "dump.pgcustom.zst");
        assertThat(backup.get("manifestKey").asString()).isEqualTo(prefix + "manifest.json");
        assertThat(backup.get("storedBytes").asLong()).isEqualTo(4242L);
        assertThat(backup.get("failedChecks")).isEmpty();
        assertThat(Instant.parse(backup.get("requestedAt").asString())).isBefore(Instant.now());
        for (String field : List.of(
                "backupId",
                "requestId",
                "targetId",
                "state",
                "trigger",
                "tier",
                "label",
                "requestedAt",
                "completedAt",
                "prefix",
                "artifactKey",
                "manifestKey",
                "storedBytes",
                "verificationOutcome",
                "failedChecks",
                "reportKey",
                "failureReason",
                "failureMessage",
                "deletedAt",
                "updatedAt")) {
            assertThat(backup.has(field)).as(field).isTrue();
        }

        JsonNode page = json(get("/api/backups?targetId=chinook&state=VERIFIED").body());
        assertThat(page.get("items").valueStream().map(n -> n.get("backupId").asString()))
                .contains(backupId);
        assertThat(page.get("items").valueStream().map(n -> n.get("state").asString()))
                .containsOnly("VERIFIED");
    }

    @Test
    void verificationArrivingBeforeCompletionStillEndsVerified() throws Exception {
        UUID id = UUID.randomUUID();
        String prefix =
                "chinook/2026/11/external_20261123T190102Z_" + id.toString().substring(0, 8) + "/";

        publish(Topics.BACKUP_VERIFIED, verified(id, prefix, Outcome.FAILED));
        awaitState(id.toString(), "VERIFICATION_FAILED");
        publish(Topics.BACKUP_COMPLETED, completed(id, prefix));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode backup = json(get("/api/backups/" + id).body());
            assertThat(backup.get("manifestKey").asString()).isEqualTo(prefix + "manifest.json");
            assertThat(backup.get("state").asString()).isEqualTo("VERIFICATION_FAILED");
            assertThat(backup.get("failedChecks").valueStream().map(JsonNode::asString))
                    .containsExactly("checksum");
        });
    }

    @Test
    void postVerifyOfAStoredBackupPublishesAVerificationRequestWithItsPrefixAndManifestKey() throws Exception {
        StoredBackup stored = storedBackup();
        String backupId = stored.backupId();
        UUID id = stored.id();
        String prefix = stored.prefix();

        HttpResponse<String> response = postTo("/api/backups/" + backupId + "/verify", "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/backups/" + backupId);
        JsonNode body = json(response.body());
        String requestId = body.get("requestId").asString();
        assertThat(body.get("backupId").asString()).isEqualTo(backupId);
        ConsumerRecord<String, byte[]> record = awaitRecord(
                Topics.VERIFICATION_REQUESTED,
                r -> requestId.equals(EventJson.read(r.value(), VerificationRequested.class)
                        .requestId()
                        .toString()));
        assertThat(record.key()).isEqualTo("chinook");
        assertThat(header(record, EventHeaders.CE_TYPE)).isEqualTo(Topics.VERIFICATION_REQUESTED);
        VerificationRequested published = EventJson.read(record.value(), VerificationRequested.class);
        assertThat(published.backupId()).isEqualTo(id);
        assertThat(published.prefix()).isEqualTo(prefix);
        assertThat(published.manifestKey()).isEqualTo(prefix + "manifest.json");
        assertThat(published.requestedBy()).isEqualTo("api");
    }

    @Test
    void aVerificationThatEndedErrorIsRequestedAgainWithBackoffAtMostMaxRequestsTimes() throws Exception {
        StoredBackup stored = storedBackup();
        String backupId = stored.backupId();
        UUID id = stored.id();
        String prefix = stored.prefix();
        publish(Topics.BACKUP_VERIFIED, verified(id, prefix, Outcome.ERROR));
        awaitState(backupId, "VERIFICATION_ERROR");

        ConsumerRecord<String, byte[]> record = awaitRecord(Topics.VERIFICATION_REQUESTED, r -> {
            VerificationRequested request = EventJson.read(r.value(), VerificationRequested.class);
            return request.backupId().equals(id) && request.requestedBy().equals(ReverifyErrors.REQUESTED_BY);
        });
        VerificationRequested request = EventJson.read(record.value(), VerificationRequested.class);
        assertThat(request.prefix()).isEqualTo(prefix);
        assertThat(request.manifestKey()).isEqualTo(prefix + "manifest.json");

        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (reverifyRequests(id) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(reverifyRequests(id))
                .as("the second re-request, after twice the backoff")
                .isEqualTo(2);
        Thread.sleep(5000);
        assertThat(reverifyRequests(id))
                .as("max-requests is 2: no third re-request")
                .isEqualTo(2);

        publish(Topics.BACKUP_VERIFIED, verified(id, prefix, Outcome.PASSED));
        awaitState(backupId, "VERIFIED");
    }

    @Test
    void aVerificationErrorTheVerifierSaysIsNotWorthRetryingIsNotRequestedAgain() throws Exception {
        StoredBackup stored = storedBackup();
        String backupId = stored.backupId();
        UUID id = stored.id();
        String prefix = stored.prefix();
        BackupVerified error = verified(id, prefix, Outcome.ERROR);
        publish(
                Topics.BACKUP_VERIFIED,
                new BackupVerified(
                        error.eventId(),
                        error.occurredAt(),
                        error.schemaVersion(),
                        error.backupId(),
                        error.targetId(),
                        error.outcome(),
                        error.checks(),
                        error.timings(),
                        error.sandboxKind(),
                        error.reportKey(),
                        error.prefix(),
                        error.backupCompletedAt(),
                        error.tier(),
                        prefix + "verification.html",
                        false));

        JsonNode backup = awaitState(backupId, "VERIFICATION_ERROR");
        assertThat(backup.get("verificationRetryable").asBoolean(true)).isFalse();
        Thread.sleep(4000);
        assertThat(reverifyRequests(id))
                .as("a backoff of 1 s and a sweep every 300 ms would have requested it by now")
                .isZero();
    }

    /** A backup requested through the API whose BackupCompleted has been projected. */
    private record StoredBackup(String backupId, UUID id, String prefix) {}

    private StoredBackup storedBackup() throws Exception {
        String backupId =
                json(post("{\"targetId\": \"chinook\"}").body()).get("backupId").asString();
        UUID id = UUID.fromString(backupId);
        String prefix = "chinook/2026/11/adhoc_20261123T190102Z_" + backupId.substring(0, 8) + "/";
        publish(Topics.BACKUP_COMPLETED, completed(id, prefix));
        awaitState(backupId, "COMPLETED");
        return new StoredBackup(backupId, id, prefix);
    }

    private static int reverifyRequests(UUID backupId) throws SQLException {
        try (Connection connection = DATABASE.connect();
                java.sql.PreparedStatement st = connection.prepareStatement(
                        "select reverify_requests from scheduler.backups where backup_id = ?")) {
            st.setObject(1, backupId);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    @Test
    void postVerifyOfAnUnknownBackupIsNotFound() throws Exception {
        HttpResponse<String> response = postTo("/api/backups/" + UUID.randomUUID() + "/verify", "");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response.body()).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void postVerifyOfABackupWithNothingStoredIsAConflict() throws Exception {
        String backupId =
                json(post("{\"targetId\": \"chinook\"}").body()).get("backupId").asString();

        HttpResponse<String> response = postTo("/api/backups/" + backupId + "/verify", "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("detail").asString()).contains("REQUESTED");
    }

    @Test
    void requestPublishedByAnotherSystemAppearsAsEventTriggered() throws Exception {
        UUID requestId = UUID.randomUUID();
        byte[] minimal = ("{\"requestId\": \"" + requestId + "\", \"targetId\": \"chinook\"}").getBytes(UTF_8);

        publishRaw(Topics.BACKUP_REQUESTED, "chinook", minimal);

        JsonNode backup = awaitState(requestId.toString(), "REQUESTED");
        assertThat(backup.get("trigger").asString()).isEqualTo("EVENT");
        assertThat(backup.get("tier").asString()).isEqualTo("ADHOC");
    }

    @Test
    void badRequestsAreProblemsNamingTheField() throws Exception {
        assertProblem(post("{\"label\": \"x\"}"), 400, "targetId");
        assertProblem(post("{\"targetId\": \"chinook\", \"label\": \"Not Safe!\"}"), 400, "label");
        assertProblem(post("{\"targetId\": "), 400, "body");
        assertProblem(post(""), 400, "body");
        assertProblem(post("{\"targetId\": \"nosuchdb\"}"), 422, "targetId");
        assertProblem(get("/api/backups/not-a-uuid"), 400, "id");
        assertProblem(get("/api/backups?state=SLEEPING"), 400, "state");

        HttpResponse<String> unknown = get("/api/backups/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void failedEventShowsTheBackupFailedWithReasonAndMessage() throws Exception {
        String backupId =
                json(post("{\"targetId\": \"chinook\"}").body()).get("backupId").asString();
        UUID id = UUID.fromString(backupId);

        publish(
                Topics.BACKUP_FAILED,
                new BackupFailed(
                        UUID.randomUUID(),
                        Instant.now(),
                        1,
                        id,
                        id,
                        "chinook",
                        FailureReason.AUTHENTICATION_FAILED,
                        "pg_dump: error: password authentication failed for user \"backup\"",
                        1,
                        1,
                        false));

        JsonNode backup = awaitState(backupId, "FAILED");
        assertThat(backup.get("failureReason").asString()).isEqualTo("AUTHENTICATION_FAILED");
        assertThat(backup.get("failureMessage").asString()).contains("password authentication failed");
        assertThat(backup.get("failureExitCode").asInt()).isEqualTo(1);
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(json(health.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void scheduleFiringEverySecondPublishesScheduledRequests() {
        ConsumerRecord<String, byte[]> record = awaitRecord(
                Topics.BACKUP_REQUESTED,
                r -> EventJson.read(r.value(), BackupRequested.class).trigger() == Trigger.SCHEDULED);

        BackupRequested request = EventJson.read(record.value(), BackupRequested.class);
        assertThat(record.key()).isEqualTo("ticker");
        assertThat(header(record, EventHeaders.CE_TYPE)).isEqualTo(Topics.BACKUP_REQUESTED);
        assertThat(request.targetId()).isEqualTo("ticker");
        assertThat(request.scheduleId()).isEqualTo("every-second");
        assertThat(request.tier()).isEqualTo(Tier.WEEKLY);
        assertThat(request.label()).isEqualTo("tick");
        assertThat(request.requestedBy()).isEqualTo("scheduler");
    }

    @Test
    void malformedEventGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() throws Exception {
        String marker = "not json " + UUID.randomUUID();
        publishRaw(Topics.BACKUP_COMPLETED, "chinook", marker.getBytes(UTF_8));
        UUID next = UUID.randomUUID();
        publish(
                Topics.BACKUP_COMPLETED,
                completed(next, "chinook/2026/11/adhoc_x_" + next.toString().substring(0, 8) + "/"));

        ConsumerRecord<String, byte[]> dead = awaitRecord(
                Topics.deadLetter(Topics.BACKUP_COMPLETED), r -> marker.equals(new String(r.value(), UTF_8)));
        assertThat(dead.key()).isEqualTo("chinook");
        awaitState(next.toString(), "COMPLETED");
    }

    private BackupCompleted completed(UUID id, String prefix) {
        return ItEvents.adhocCompleted(id, "chinook", prefix, Instant.now());
    }

    private BackupVerified verified(UUID id, String prefix, Outcome outcome) {
        CheckStatus checksum = outcome == Outcome.PASSED ? CheckStatus.PASSED : CheckStatus.FAILED;
        return new BackupVerified(
                UUID.randomUUID(),
                Instant.now(),
                1,
                id,
                "chinook",
                outcome,
                List.of(
                        new CheckResult("checksum", checksum, "", 3),
                        new CheckResult("restore", CheckStatus.PASSED, "", 9)),
                null,
                "local",
                prefix + "verification.json",
                prefix,
                Instant.now(),
                Tier.ADHOC);
    }

    private JsonNode awaitState(String backupId, String state) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/backups/" + backupId);
            assertThat(response.statusCode()).isEqualTo(200);
            last[0] = json(response.body());
            assertThat(last[0].get("state").asString()).isEqualTo(state);
        });
        return last[0];
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return postTo("/api/backups", body);
    }

    private HttpResponse<String> postTo(String path, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String body) {
        return EventJson.mapper().readTree(body);
    }

    private void publish(String topic, BulwarkEvent event) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(topic, event.targetId(), EventJson.toBytes(event));
            EventHeaders.cloudEventHeaders(event, "/bulwark/test")
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void publishRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** Reads {@code topic} from the beginning until a record matches; decoding errors count as no match. */
    private ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "scheduler-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (matches(match, record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + TIMEOUT);
    }

    private static boolean matches(
            Predicate<ConsumerRecord<String, byte[]>> match, ConsumerRecord<String, byte[]> record) {
        try {
            return match.test(record);
        } catch (RuntimeException notOurs) {
            return false;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
