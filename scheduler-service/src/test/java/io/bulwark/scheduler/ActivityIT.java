package io.bulwark.scheduler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupProgressed;
import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.RestorePhase;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import io.bulwark.embedded.S3ProxyServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Live activity and the stored reports end to end on real components: an embedded KRaft Kafka broker, the machine's
 * PostgreSQL (a database of its own, dropped afterwards) and S3Proxy as the object store.
 */
@ExtendWith(ActivityIT.CleanUp.class)
@SchedulerIntegrationTest
@TestPropertySource(properties = {"bulwark.targets.chinook.engine=postgresql", "bulwark.limits.report-size=64KB"})
class ActivityIT extends SchedulerItClients {

    private static final SchedulerItDatabase DATABASE = new SchedulerItDatabase("bulwark_activity_it_");
    private static final String PAGE_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'";

    private static Path s3Dir;
    private static S3ProxyServer s3;

    private ObjectStore store;

    @DynamicPropertySource
    static void components(DynamicPropertyRegistry registry) throws SQLException, IOException {
        DATABASE.register(registry);
        s3Dir = Files.createTempDirectory("activity-it-s3");
        s3 = S3ProxyServer.start(s3Dir, "bulwark");
        registry.add("bulwark.storage.endpoint", s3::endpoint);
        registry.add("bulwark.storage.access-key", s3::accessKey);
        registry.add("bulwark.storage.secret-key", s3::secretKey);
        registry.add("bulwark.storage.bucket", s3::bucket);
    }

    /** Stops S3Proxy and deletes its folder after Spring closed the application ({@code @DirtiesContext}). */
    static final class CleanUp implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) throws SQLException {
            if (s3 != null) {
                s3.close();
            }
            if (s3Dir != null) {
                FileSystemUtils.deleteRecursively(s3Dir.toFile());
            }
        }
    }

    @BeforeEach
    void objectStore() {
        store = new MinioObjectStore(
                new ObjectStoreSettings(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.bucket(), s3.region(), 0));
    }

    @Test
    void aBackupIsQueuedThenDumpingWithItsBytesThenVerifyingThenGone() {
        String target = "act" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        // the target's previous backup stored 10 000 bytes: the new dump's expected size
        UUID previous = UUID.randomUUID();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        topics.publish(Topics.BACKUP_COMPLETED, completed(previous, target, yesterday, 10_000));
        topics.publish(
                Topics.BACKUP_VERIFIED, verified(previous, target, prefix(target, previous) + "verification.json"));
        awaitState(previous, "VERIFIED");

        BackupRequested request = BackupRequested.of(target, Trigger.MANUAL, null, null, Tier.ADHOC, "it");
        UUID id = request.backupId();
        topics.publish(Topics.BACKUP_REQUESTED, request);
        JsonNode queued = awaitPhase(id, "QUEUED");
        assertThat(queued.get("targetId").asString()).isEqualTo(target);
        assertThat(queued.get("expectedBytes").asLong()).isEqualTo(10_000);
        assertThat(queued.get("percent").isNull()).isTrue();
        assertThat(queued.get("bytesWritten").isNull()).isTrue();

        Instant t0 = Instant.now();
        topics.publish(Topics.BACKUP_PROGRESS, progressed(id, target, t0, 8_000, 2_500, 3_000));
        JsonNode dumping = awaitPhase(id, "DUMPING");
        assertThat(dumping.get("bytesRead").asLong()).isEqualTo(8_000);
        assertThat(dumping.get("bytesWritten").asLong()).isEqualTo(2_500);
        assertThat(dumping.get("elapsedMillis").asLong()).isEqualTo(3_000);
        assertThat(dumping.get("percent").asInt()).isEqualTo(25);
        assertThat(dumping.get("requestedAt").asString()).isNotBlank();

        // an older progress arrives late, then a sentinel's: once the sentinel shows, the late one was consumed
        topics.publish(Topics.BACKUP_PROGRESS, progressed(id, target, t0.minusSeconds(5), 100, 50, 1_000));
        BackupRequested sentinel = BackupRequested.of(target, Trigger.MANUAL, null, null, Tier.ADHOC, "it");
        topics.publish(Topics.BACKUP_REQUESTED, sentinel);
        topics.publish(Topics.BACKUP_PROGRESS, progressed(sentinel.backupId(), target, t0, 1, 1, 1));
        awaitPhase(sentinel.backupId(), "DUMPING");
        JsonNode kept = activityOf(id);
        assertThat(kept.get("bytesWritten").asLong())
                .as("the older progress did not overwrite the newer")
                .isEqualTo(2_500);
        assertThat(kept.get("percent").asInt()).isEqualTo(25);

        topics.publish(Topics.BACKUP_COMPLETED, completed(id, target, Instant.now(), 11_000));
        JsonNode verifying = awaitPhase(id, "VERIFYING");
        assertThat(verifying.get("completedAt").asString()).isNotBlank();
        assertThat(verifying.get("expectedBytes").asLong())
                .as("the previous backup, not itself")
                .isEqualTo(10_000);

        topics.publish(Topics.BACKUP_VERIFIED, verified(id, target, prefix(target, id) + "verification.json"));
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(backupIds(activity())).doesNotContain(id.toString()));
        assertThat(backupIds(activity())).doesNotContain(previous.toString());
    }

    @Test
    void runningRestoresAreListedWithTheBackups() {
        UUID restoreId = UUID.randomUUID();
        topics.publish(
                Topics.RESTORE_PROGRESS,
                RestoreItEvents.progress(restoreId, UUID.randomUUID(), Instant.now(), RestorePhase.RESTORE, 40));

        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode restore = null;
            for (JsonNode r : activity().get("restores")) {
                if (r.get("restoreId").asString().equals(restoreId.toString())) {
                    restore = r;
                }
            }
            assertThat(restore).as("restore %s in the activity", restoreId).isNotNull();
            assertThat(restore.get("state").asString()).isEqualTo("RUNNING");
        });
    }

    @Test
    void theStoredReportsAreServedAndTheirPageIsSandboxed() {
        UUID id = UUID.randomUUID();
        String prefix = prefix("chinook", id);
        String report = "{\"backupId\":\"" + id + "\",\"outcome\":\"PASSED\"}";
        String page = "<html><body><h1>PASSED</h1><script>alert(1)</script></body></html>";
        store.putBytes(prefix + "verification.json", report.getBytes(UTF_8), "application/json");
        store.putBytes(prefix + "verification.html", page.getBytes(UTF_8), "text/html");
        topics.publish(Topics.BACKUP_COMPLETED, completed(id, "chinook", Instant.now(), 4_242));
        topics.publish(Topics.BACKUP_VERIFIED, verified(id, "chinook", prefix + "verification.json"));
        awaitState(id, "VERIFIED");

        HttpResponse<String> json = api.get("/api/backups/" + id + "/report");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json.body()).isEqualTo(report);

        HttpResponse<String> html = api.get("/api/backups/" + id + "/report.html");
        assertThat(html.statusCode()).as(html.body()).isEqualTo(200);
        assertThat(html.body()).isEqualTo(page);
        assertThat(html.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(html.headers().allValues("Content-Security-Policy")).containsExactly(PAGE_POLICY);
        assertThat(html.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aReportKeyOutsideTheBackupsPrefixIsRefused() {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String foreign = prefix("chinook", other) + "verification.json";
        store.putBytes(foreign, "{\"secret\":true}".getBytes(UTF_8), "application/json");
        topics.publish(Topics.BACKUP_COMPLETED, completed(id, "chinook", Instant.now(), 4_242));
        topics.publish(Topics.BACKUP_VERIFIED, verified(id, "chinook", foreign));
        awaitState(id, "VERIFIED");

        HttpResponse<String> refused = api.get("/api/backups/" + id + "/report");

        String detail = ApiClient.assertProblem(refused, 409, null);
        assertThat(detail).contains("outside");
        assertThat(refused.body()).doesNotContain("secret");
    }

    @Test
    void aBackupWithoutReportAnswersNotFoundAndAnUnknownOneToo() {
        UUID id = UUID.randomUUID();
        topics.publish(Topics.BACKUP_COMPLETED, completed(id, "chinook", Instant.now(), 4_242));
        awaitState(id, "COMPLETED");

        String detail = ApiClient.assertProblem(api.get("/api/backups/" + id + "/report"), 404, null);
        assertThat(detail).isEqualTo("backup " + id + " has no verification report yet");
        ApiClient.assertProblem(api.get("/api/backups/" + UUID.randomUUID() + "/report.html"), 404, null);
        ApiClient.assertProblem(api.get("/api/restores/" + UUID.randomUUID() + "/report"), 404, null);
    }

    @Test
    void aReportLargerThanTheLimitIsNotRead() {
        UUID id = UUID.randomUUID();
        String key = prefix("chinook", id) + "verification.json";
        store.putBytes(key, new byte[65 * 1024], "application/json");
        topics.publish(Topics.BACKUP_VERIFIED, verified(id, "chinook", key));
        awaitState(id, "VERIFIED");

        String detail = ApiClient.assertProblem(api.get("/api/backups/" + id + "/report"), 502, null);
        assertThat(detail).contains("larger than the limit of 65536 bytes");
    }

    @Test
    void theRestoresReportIsServed() {
        UUID backup = UUID.randomUUID();
        UUID restoreId = UUID.randomUUID();
        String key = RestoreItEvents.prefix("chinook", backup) + "restores/" + restoreId + "/restore.json";
        String report = "{\"restoreId\":\"" + restoreId + "\",\"state\":\"SUCCEEDED\"}";
        store.putBytes(key, report.getBytes(UTF_8), "application/json");
        topics.publish(Topics.RESTORE_COMPLETED, RestoreItEvents.completed(restoreId, backup, key));

        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> response = api.get("/api/restores/" + restoreId + "/report");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(report);
        });
    }

    private JsonNode activity() {
        HttpResponse<String> response = api.get("/api/activity");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private JsonNode activityOf(UUID id) {
        for (JsonNode b : activity().get("backups")) {
            if (b.get("backupId").asString().equals(id.toString())) {
                return b;
            }
        }
        return null;
    }

    private static List<String> backupIds(JsonNode activity) {
        List<String> ids = new ArrayList<>();
        for (JsonNode b : activity.get("backups")) {
            ids.add(b.get("backupId").asString());
        }
        return ids;
    }

    private JsonNode awaitPhase(UUID id, String phase) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = activityOf(id);
            assertThat(last[0]).as("backup %s in the activity", id).isNotNull();
            assertThat(last[0].get("phase").asString()).isEqualTo(phase);
        });
        return last[0];
    }

    private void awaitState(UUID id, String state) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> response = api.get("/api/backups/" + id);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ApiClient.json(response).get("state").asString()).isEqualTo(state);
        });
    }

    private static String prefix(String target, UUID backup) {
        return target + "/2026/12/adhoc_20261203T070000Z_" + backup.toString().substring(0, 8) + "/";
    }

    private static BackupProgressed progressed(
            UUID id, String target, Instant at, long bytesRead, long bytesWritten, long elapsedMillis) {
        return new BackupProgressed(UUID.randomUUID(), at, 1, id, id, target, bytesRead, bytesWritten, elapsedMillis);
    }

    private static BackupCompleted completed(UUID id, String target, Instant at, long storedBytes) {
        String prefix = prefix(target, id);
        return ItEvents.completed(
                id,
                target,
                prefix,
                Tier.ADHOC,
                Trigger.MANUAL,
                ItEvents.dump(prefix + "dump.pgcustom.zst", storedBytes, storedBytes * 3),
                at,
                Duration.ofSeconds(5));
    }

    private static BackupVerified verified(UUID id, String target, String reportKey) {
        String prefix = prefix(target, id);
        return new BackupVerified(
                UUID.randomUUID(),
                Instant.now(),
                1,
                id,
                target,
                Outcome.PASSED,
                List.of(new CheckResult("checksum", CheckStatus.PASSED, "", 3)),
                null,
                "local",
                reportKey,
                prefix,
                Instant.now(),
                Tier.ADHOC,
                reportKey.replace("verification.json", "verification.html"),
                true);
    }
}
