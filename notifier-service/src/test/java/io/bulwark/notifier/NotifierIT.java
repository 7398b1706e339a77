package io.bulwark.notifier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Topics;
import io.bulwark.embedded.KafkaEventClients;
import io.bulwark.notifier.adapter.channel.WebhookChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The notifier end to end on a real KRaft broker with a JDK HTTP server as the webhook receiver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(
        partitions = 1,
        topics = {
            Topics.BACKUP_VERIFIED,
            Topics.BACKUP_VERIFIED + Topics.DLQ_SUFFIX,
            Topics.BACKUP_FAILED,
            Topics.BACKUP_FAILED + Topics.DLQ_SUFFIX,
            Topics.BACKUP_DELETED,
            Topics.BACKUP_DELETED + Topics.DLQ_SUFFIX
        },
        bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
class NotifierIT {

    private static final String SECRET = "it-webhook-secret";
    private static final List<Post> POSTS = new CopyOnWriteArrayList<>();
    private static HttpServer receiver;
    private static NotifierItDatabase database;

    record Post(String signature, byte[] body) {
        JsonNode json() {
            return EventJson.mapper().readTree(body);
        }
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void components(DynamicPropertyRegistry registry) throws IOException {
        database = NotifierItDatabase.create("notifier_it", registry);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            POSTS.add(new Post(
                    exchange.getRequestHeaders().getFirst(WebhookChannel.SIGNATURE_HEADER),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        registry.add(
                "bulwark.notifier.webhook.url",
                () -> "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        Path secretFile = Files.createTempFile("bulwark-notifier-it", ".secret");
        secretFile.toFile().deleteOnExit();
        Files.writeString(secretFile, SECRET + "\n");
        registry.add("bulwark.notifier.webhook.secret-file", secretFile::toString);
        registry.add("bulwark.notifier.webhook.allow-insecure-http", () -> "true");
        registry.add("bulwark.notifier.notify-on-passed", () -> "false");
        registry.add("spring.cloud.stream.kafka.binder.min-partition-count", () -> "1");
        for (String binding : List.of("backupFailed-in-0", "backupVerified-in-0", "backupDeleted-in-0")) {
            registry.add(
                    "spring.cloud.stream.bindings." + binding + ".consumer.back-off-initial-interval", () -> "100");
        }
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
        database.drop();
    }

    @Test
    void postsSignedNotificationsForFailuresOnlyAndKeepsGoingAfterAPoisonMessage() throws Exception {
        BackupVerified failedVerification = Events.verified("chinook", Outcome.FAILED);
        BackupVerified passed = Events.verified("chinook", Outcome.PASSED);
        BackupVerified laterFailure = Events.verified("chinook", Outcome.FAILED);
        BackupFailed failedBackup = Events.failed("sakila");

        try (KafkaProducer<String, byte[]> producer = KafkaEventClients.producer(broker.getBrokersAsString());
                KafkaConsumer<byte[], byte[]> dlq = KafkaEventClients.consumer(
                        broker.getBrokersAsString(), "notifier-it", Topics.deadLetter(Topics.BACKUP_VERIFIED))) {
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, failedVerification);
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, failedVerification);
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, passed);
            producer.send(new ProducerRecord<>(Topics.BACKUP_VERIFIED, "chinook", "{\"outcome\":".getBytes(UTF_8)))
                    .get();
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, laterFailure);
            KafkaEventClients.send(producer, Topics.BACKUP_FAILED, failedBackup);

            await().atMost(Duration.ofSeconds(90))
                    .until(() -> backupIds()
                            .containsAll(List.of(
                                    laterFailure.backupId().toString(),
                                    failedBackup.backupId().toString())));

            List<String> dead = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (dead.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : dlq.poll(Duration.ofMillis(200))) {
                    dead.add(new String(r.value(), UTF_8));
                }
            }
            assertThat(dead).containsExactly("{\"outcome\":");
        }

        assertThat(backupIds())
                .as("one POST per failure: the duplicate and the PASSED verification notify nobody")
                .containsExactlyInAnyOrder(
                        failedVerification.backupId().toString(),
                        laterFailure.backupId().toString(),
                        failedBackup.backupId().toString());
        for (Post post : POSTS) {
            assertThat(ReceiverCheck.refusal(
                            post.signature(),
                            post.body(),
                            SECRET.getBytes(UTF_8),
                            Instant.now(),
                            Duration.ofMinutes(5)))
                    .as("signed with the key of secret-file, freshly")
                    .isNull();
        }
        JsonNode verification = postFor(failedVerification.backupId());
        assertThat(verification.get("severity").asString()).isEqualTo("ERROR");
        assertThat(verification.get("kind").asString()).isEqualTo("verification.failed");
        assertThat(verification.get("summary").asString())
                .contains(failedVerification.backupId().toString().substring(0, 8))
                .endsWith("FAILED verification: checksum, row-counts");
        assertThat(verification.get("failedChecks").toString()).isEqualTo("[\"checksum\",\"row-counts\"]");
        assertThat(verification.get("reportKey").asString()).isEqualTo(failedVerification.reportKey());

        JsonNode backup = postFor(failedBackup.backupId());
        assertThat(backup.get("severity").asString()).isEqualTo("ERROR");
        assertThat(backup.get("kind").asString()).isEqualTo("backup.failed");
        assertThat(backup.get("targetId").asString()).isEqualTo("sakila");
        assertThat(backup.get("reason").asString()).startsWith("CONNECTION_REFUSED: pg_dump: error: connection");
    }

    private static List<String> backupIds() {
        return POSTS.stream().map(p -> p.json().get("backupId").asString()).toList();
    }

    private static JsonNode postFor(UUID backupId) {
        return POSTS.stream()
                .map(Post::json)
                .filter(j -> j.get("backupId").asString().equals(backupId.toString()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void reportsHealthUpOnActuator() throws Exception {
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }
}
