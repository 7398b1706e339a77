package io.bulwark.retention;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.DeletionReason;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Topics;
import io.bulwark.embedded.KafkaEventClients;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.retention.adapter.persistence.JdbcBackupCatalog;
import io.bulwark.retention.adapter.persistence.JdbcDeletionLedger;
import io.bulwark.retention.adapter.persistence.JdbcHoldStore;
import io.bulwark.retention.adapter.storage.MinioObjectLocks;
import io.bulwark.retention.application.DeleteBackup;
import io.bulwark.retention.application.ExpireBackups;
import io.bulwark.retention.application.ObjectLocks;
import io.bulwark.retention.domain.Hold;
import io.bulwark.retention.domain.RetentionPolicy;
import io.bulwark.service.security.ApiRole;
import io.bulwark.service.security.ApiTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import tools.jackson.databind.JsonNode;

/**
 * Holds, Object Lock and the deletion of backups on a real retention service, S3Proxy (which lacks Object Lock),
 * PostgreSQL and an embedded broker: the hold API and its roles, a held backup that neither a person nor the sweep can
 * delete, a manual deletion announced on {@code bulwark.backup.deleted}, and a deletion cut short after its manifest
 * went that the next sweep finishes with one event id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(
        partitions = 1,
        topics = {Topics.BACKUP_VERIFIED, Topics.BACKUP_VERIFIED + Topics.DLQ_SUFFIX, Topics.BACKUP_DELETED},
        bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
class HoldsAndDeletionIT {

    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");
    private static final Map<ApiRole, String> TOKENS = Map.of(
            ApiRole.VIEWER, "holds-it-viewer-" + UUID.randomUUID(),
            ApiRole.OPERATOR, "holds-it-operator-" + UUID.randomUUID(),
            ApiRole.ADMIN, "holds-it-admin-" + UUID.randomUUID());

    private static RetentionItComponents components;
    private static S3ProxyServer s3;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void components(DynamicPropertyRegistry registry) throws IOException, SQLException {
        components = RetentionItComponents.start("retention_holds_it_", registry);
        s3 = components.s3();
        registry.add("bulwark.retention.object-lock.mode", () -> "GOVERNANCE");
        int i = 0;
        for (ApiRole role : ApiRole.values()) {
            String prefix = "bulwark.security.tokens[" + i++ + "].";
            registry.add(prefix + "name", () -> "it-" + role.configName());
            registry.add(prefix + "role", role::configName);
            registry.add(prefix + "sha256", () -> ApiTokens.sha256Hex(TOKENS.get(role)));
        }
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        if (components != null) {
            components.close();
        }
    }

    @Test
    void aHeldBackupCannotBeDeletedUntilReleasedThenAManualDeletionRemovesItAndIsAnnounced() throws Exception {
        ObjectStore store = store();
        UUID id = catalogBackup(store, "chinook", 1);
        String prefix = prefixOf(id);
        String holdPath = "/api/backups/" + id + "/hold";

        assertThat(call("POST", holdPath, ApiRole.OPERATOR, "{\"reason\": \"audit\"}")
                        .statusCode())
                .isEqualTo(403);
        assertField(call("POST", holdPath, ApiRole.ADMIN, "{\"reason\": \"  \"}"), 400, "reason");
        assertField(call("POST", holdPath, ApiRole.ADMIN, "{\"reason\": \"" + "x".repeat(501) + "\"}"), 400, "reason");
        assertField(
                call("POST", holdPath, ApiRole.ADMIN, "{\"reason\": \"audit\", \"until\": \"tomorrow\"}"),
                400,
                "until");
        assertThat(call("POST", "/api/backups/" + UUID.randomUUID() + "/hold", ApiRole.ADMIN, "{\"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> held = call("POST", holdPath, ApiRole.ADMIN, "{\"reason\": \"legal: case 42\"}");
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        JsonNode hold = EventJson.mapper().readTree(held.body());
        assertThat(hold.get("reason").asString()).isEqualTo("legal: case 42");
        assertThat(hold.get("heldBy").asString()).isEqualTo("it-admin");
        assertThat(hold.get("objectLock").asString())
                .as("S3Proxy has no Object Lock: the hold stands in the catalog only")
                .isEqualTo("UNSUPPORTED");
        assertThat(store.list(prefix)).hasSize(3);
        assertThat(text(store, ObjectKeys.manifestKey(prefix)))
                .as("the refused Object Lock call changed no object")
                .isEqualTo("manifest 1");
        assertThat(call("POST", holdPath, ApiRole.ADMIN, "{\"reason\": \"again\"}")
                        .statusCode())
                .isEqualTo(409);
        HttpResponse<String> list = call("GET", "/api/holds", ApiRole.VIEWER, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains(id.toString())
                .contains("legal: case 42")
                .contains("\"standing\":true");

        assertThat(call("DELETE", "/api/backups/" + id + "?confirm=" + id, ApiRole.OPERATOR, null)
                        .statusCode())
                .isEqualTo(403);
        assertField(call("DELETE", "/api/backups/" + id + "?confirm=yes", ApiRole.ADMIN, null), 400, "confirm");
        HttpResponse<String> refused =
                call("DELETE", "/api/backups/" + id, ApiRole.ADMIN, "{\"confirm\": \"" + id + "\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("legal: case 42");
        assertThat(store.list(prefix)).hasSize(3);

        assertThat(call("DELETE", holdPath, ApiRole.OPERATOR, null).statusCode())
                .isEqualTo(403);
        assertThat(call("DELETE", holdPath, ApiRole.ADMIN, null).statusCode()).isEqualTo(204);
        assertThat(call("DELETE", holdPath, ApiRole.ADMIN, null).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT released_by || ' ' || reason FROM retention.hold_releases WHERE backup_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("it-admin legal: case 42");

        try (KafkaConsumer<byte[], byte[]> deleted =
                KafkaEventClients.consumer(broker.getBrokersAsString(), "holds-it", Topics.BACKUP_DELETED)) {
            HttpResponse<String> gone =
                    call("DELETE", "/api/backups/" + id, ApiRole.ADMIN, "{\"confirm\": \"" + id + "\"}");
            assertThat(gone.statusCode()).as(gone.body()).isEqualTo(200);
            assertThat(store.list(prefix)).isEmpty();

            List<ConsumerRecord<byte[], byte[]>> records =
                    KafkaEventClients.pollUntil(deleted, 1, Duration.ofSeconds(60));
            BackupDeleted event = EventJson.read(records.getFirst().value(), BackupDeleted.class);
            assertThat(event.backupId()).isEqualTo(id);
            assertThat(event.reason()).isEqualTo(DeletionReason.MANUAL);
            assertThat(event.policy()).isEqualTo("manual: deleted by it-admin");
            assertThat(event.objectsDeleted()).isEqualTo(3);
            assertThat(event.bytesReclaimed()).isEqualTo(objectBytes(1));
        }
        assertThat(call("DELETE", "/api/backups/" + id + "?confirm=" + id, ApiRole.ADMIN, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/actuator/prometheus", ApiRole.VIEWER, null).body())
                .containsPattern("bulwark_retention_reclaimed_bytes_total\\{[^}]*} " + (double) objectBytes(1));
    }

    @Test
    void aDeletionCutShortAfterItsManifestIsFinishedByTheNextSweepWithOneEventId() {
        ObjectStore store = store();
        UUID old = catalogBackup(store, "sakila", 1);
        catalogBackup(store, "sakila", 2);
        UUID held = catalogBackup(store, "sakila", 0);
        new JdbcHoldStore(jdbc).place(new Hold(held, "keep for the auditors", "it", T0, null));
        List<BackupDeleted> published = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger(1);
        JdbcBackupCatalog catalog = new JdbcBackupCatalog(jdbc);
        DeleteBackup deleteBackup = new DeleteBackup(
                catalog,
                new JdbcDeletionLedger(jdbc),
                new JdbcHoldStore(jdbc),
                store,
                event -> {
                    if (failures.getAndDecrement() > 0) {
                        throw new IllegalStateException("the process died after deleting the objects");
                    }
                    published.add(event);
                },
                Clock.systemUTC(),
                bytes -> {});
        ExpireBackups sweep =
                new ExpireBackups(catalog, deleteBackup, target -> RetentionPolicy.keepLast(1), Clock.systemUTC());

        assertThat(sweep.expireAll())
                .as("the first run dies after the objects went; the held backup is kept")
                .isEmpty();
        assertThat(store.exists(ObjectKeys.manifestKey(prefixOf(old)))).isFalse();
        assertThat(catalog.liveBackups("sakila")).extracting(b -> b.backupId()).doesNotContain(old);
        assertThat(jdbc.sql("SELECT deletion_rule FROM retention.backups WHERE backup_id = ? AND deleted_at IS NULL")
                        .param(old)
                        .query(String.class)
                        .single())
                .isEqualTo("matches no keep rule (not among the last 1)");

        List<BackupDeleted> second = sweep.expireAll();

        assertThat(second).singleElement().satisfies(e -> {
            assertThat(e.backupId()).isEqualTo(old);
            assertThat(e.eventId()).isEqualTo(DeleteBackup.deletionEventId(old));
            assertThat(e.objectsDeleted()).isEqualTo(3);
            assertThat(e.bytesReclaimed())
                    .as("counted before the first run deleted")
                    .isEqualTo(objectBytes(1));
            assertThat(e.policy()).isEqualTo("matches no keep rule (not among the last 1)");
        });
        assertThat(published).extracting(BackupDeleted::eventId).containsExactly(DeleteBackup.deletionEventId(old));
        assertThat(store.list(prefixOf(old))).isEmpty();
        assertThat(store.list(prefixOf(held))).hasSize(3);
        assertThat(sweep.expireAll()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM retention.backups WHERE backup_id = ? AND deleted_at IS NOT NULL")
                        .param(old)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThatThrownBy(() -> deleteBackup.deleteManually(held, held.toString(), "it"))
                .hasMessageContaining("keep for the auditors");
    }

    @Test
    void theObjectLockAdapterCarriesOnAgainstAStoreWithoutObjectLock() throws IOException {
        ObjectStore store = store();
        UUID id = catalogBackup(store, "chinook", 5);
        MinioObjectLocks locks = new MinioObjectLocks(settings(), MinioObjectLocks.Mode.COMPLIANCE);

        assertThat(locks.lock(prefixOf(id), null)).isEqualTo(ObjectLocks.Outcome.UNSUPPORTED);
        assertThat(locks.lock(prefixOf(id), Instant.now().plusSeconds(3600)))
                .isEqualTo(ObjectLocks.Outcome.UNSUPPORTED);
        assertThat(new MinioObjectLocks(settings(), MinioObjectLocks.Mode.GOVERNANCE)
                        .unlock(prefixOf(id), Instant.now().plusSeconds(3600)))
                .isEqualTo(ObjectLocks.Outcome.UNSUPPORTED);
        assertThat(store.list(prefixOf(id))).hasSize(3);
        assertThat(text(store, ObjectKeys.manifestKey(prefixOf(id)))).isEqualTo("manifest 5");
    }

    private static String text(ObjectStore store, String key) throws IOException {
        try (InputStream in = store.get(key)) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    /** The summed size of the three objects {@link #catalogBackup} stores for {@code day}. */
    private static long objectBytes(int day) {
        return 1000 + ("manifest " + day).length() + ("report " + day).length();
    }

    /** Stores a dump, a manifest and a report and catalogs the backup as verified PASSED on day {@code day}. */
    private UUID catalogBackup(ObjectStore store, String target, int day) {
        UUID id = UUID.randomUUID();
        Instant completedAt = T0.plus(Duration.ofDays(day));
        String prefix = ObjectKeys.backupPrefix(target, "nightly", completedAt, id);
        store.putBytes(ObjectKeys.pgDumpKey(prefix), new byte[1000], "application/octet-stream");
        store.putBytes(ObjectKeys.manifestKey(prefix), ("manifest " + day).getBytes(UTF_8), "application/json");
        store.putBytes(ObjectKeys.verificationKey(prefix), ("report " + day).getBytes(UTF_8), "application/json");
        jdbc.sql("""
                        INSERT INTO retention.backups
                            (backup_id, target_id, prefix, tier, completed_at, outcome, verified_at)
                        VALUES (?, ?, ?, 'DAILY', ?, 'PASSED', ?)
                        """)
                .params(id, target, prefix, Timestamp.from(completedAt), Timestamp.from(completedAt.plusSeconds(60)))
                .update();
        return id;
    }

    private String prefixOf(UUID id) {
        return jdbc.sql("SELECT prefix FROM retention.backups WHERE backup_id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private static ObjectStoreSettings settings() {
        return ObjectStoreSettings.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.bucket());
    }

    private static ObjectStore store() {
        return new MinioObjectStore(settings());
    }

    private static void assertField(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(EventJson.mapper().readTree(response.body()).get("field").asString())
                .isEqualTo(field);
    }

    private HttpResponse<String> call(String method, String path, ApiRole role, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKENS.get(role))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
