package io.bulwark.scheduler;

import static io.bulwark.scheduler.ApiClient.assertProblem;
import static io.bulwark.scheduler.ApiClient.json;
import static io.bulwark.scheduler.RestoreItEvents.completed;
import static io.bulwark.scheduler.RestoreItEvents.failed;
import static io.bulwark.scheduler.RestoreItEvents.prefix;
import static io.bulwark.scheduler.RestoreItEvents.progress;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestorePhase;
import io.bulwark.contracts.RestoreRequested;
import io.bulwark.contracts.Topics;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The restore API and projection end to end on real components: an embedded KRaft Kafka broker, the machine's
 * PostgreSQL (the scheduler's own database, a non-empty destination database) and MariaDB (a non-empty destination
 * database), all made for this test and dropped afterwards. The verifier is played by hand: its events are published
 * to the restore topics.
 */
@ExtendWith(RestoreIT.DropDatabases.class)
@SchedulerIntegrationTest
@TestPropertySource(
        properties = {
            "bulwark.scheduler.reverify-errors.enabled=false",
            "bulwark.targets.chinook.engine=postgresql",
            "bulwark.targets.chinook.host=127.0.0.1",
            "bulwark.targets.chinook.port=5432",
            "bulwark.targets.chinook.database=chinook_source",
            "bulwark.targets.chinook.username=postgres",
            "bulwark.targets.ledger.engine=postgresql",
            "bulwark.targets.shop.engine=mariadb",
            "bulwark.targets.shop.host=127.0.0.1",
            "bulwark.targets.shop.username=root",
            "bulwark.restore.destinations.local.engine=postgresql",
            "bulwark.restore.destinations.local.host=127.0.0.1",
            "bulwark.restore.destinations.local.username=postgres",
            "bulwark.restore.destinations.offline.engine=postgresql",
            "bulwark.restore.destinations.offline.host=127.0.0.1",
            "bulwark.restore.destinations.offline.port=1",
            "bulwark.restore.destinations.offline.username=postgres",
            "bulwark.restore.destinations.maria.engine=mariadb",
            "bulwark.restore.destinations.maria.host=127.0.0.1",
            "bulwark.restore.destinations.maria.username=root"
        })
class RestoreIT extends SchedulerItClients {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String SUFFIX =
            Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private static final SchedulerItDatabase DATABASE = new SchedulerItDatabase("bulwark_restore_it_");
    /** A non-empty database on the destination servers, restored into only with replace and confirm. */
    private static final String FULL = "bulwark_restore_it_full_" + SUFFIX;
    /** The password of destination {@code local}: trust authentication ignores it; it must never leave the service. */
    private static final String SECRET = "s3cret-" + UUID.randomUUID();

    private static Path passwordFile;

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws Exception {
        DATABASE.register(registry);
        admin(PG + "postgres", "postgres", "create database " + FULL);
        admin(PG + FULL, "postgres", "create table orders (id int primary key)");
        admin(MARIADB, "root", "create database " + FULL);
        admin(MARIADB, "root", "create table " + FULL + ".orders (id int primary key)");
        passwordFile = Files.createTempFile("bulwark-restore-it", ".pw");
        Files.writeString(passwordFile, SECRET + "\n");
        registry.add("bulwark.restore.destinations.local.password-file", passwordFile::toString);
    }

    /**
     * Drops the non-empty destination databases and deletes the password file after Spring closed the application, so
     * no consumer touches them afterwards.
     */
    static final class DropDatabases implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            admin(PG + "postgres", "postgres", "drop database if exists " + FULL + " with (force)");
            admin(MARIADB, "root", "drop database if exists " + FULL);
            Files.deleteIfExists(passwordFile);
        }
    }

    @Test
    void postRestorePublishesTheRequestWithTheBackupsPrefixAndWhatWasAskedButNoSecret() {
        UUID backup = backup("chinook", Outcome.PASSED, Instant.now());

        HttpResponse<String> response = api.post(
                "/api/backups/" + backup + "/restore",
                "{\"destinationId\": \"local\", \"database\": \"restored_" + SUFFIX + "\","
                        + " \"tables\": [\"public.album\"], \"jobs\": 2}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = json(response);
        String restoreId = body.get("restoreId").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/restores/" + restoreId);
        assertThat(body.get("state").asString()).isEqualTo("REQUESTED");
        assertThat(body.get("backupId").asString()).isEqualTo(backup.toString());
        assertThat(body.get("destinationCheck").get("status").asString()).isEqualTo("PASSED");
        assertThat(body.get("destinationCheck").get("server").asString()).isEqualTo("127.0.0.1:5432");
        assertThat(response.body()).doesNotContain(SECRET);
        JsonNode read = json(api.get("/api/restores/" + restoreId));
        assertThat(read.get("state").asString()).isEqualTo("REQUESTED");
        assertThat(read.get("request").get("destinationId").asString()).isEqualTo("local");

        ConsumerRecord<String, byte[]> record = topics.await(
                Topics.RESTORE_REQUESTED,
                r -> restoreId.equals(EventJson.read(r.value(), RestoreRequested.class)
                        .restoreId()
                        .toString()));
        assertThat(record.key()).isEqualTo("chinook");
        assertThat(TopicClient.header(record, EventHeaders.CE_TYPE)).isEqualTo(Topics.RESTORE_REQUESTED);
        assertThat(TopicClient.header(record, EventHeaders.CE_SOURCE)).isEqualTo("/bulwark/scheduler");
        assertThat(new String(record.value(), UTF_8)).doesNotContain(SECRET).doesNotContainIgnoringCase("password");
        RestoreRequested published = EventJson.read(record.value(), RestoreRequested.class);
        assertThat(published.backupId()).isEqualTo(backup);
        assertThat(published.prefix()).isEqualTo(prefix("chinook", backup));
        assertThat(published.destinationId()).isEqualTo("local");
        assertThat(published.database()).isEqualTo("restored_" + SUFFIX);
        assertThat(published.tables()).containsExactly("public.album");
        assertThat(published.jobs()).isEqualTo(2);
        assertThat(published.requestedBy()).isEqualTo("api");
    }

    @Test
    void progressThenCompletionMoveTheRestoreToRunningThenSucceededAndALateProgressChangesNoState() {
        UUID backup = backup("chinook", Outcome.PASSED, Instant.now());
        UUID restoreId = restore(backup, "{}");
        topics.publish(Topics.RESTORE_PROGRESS, progress(restoreId, backup, Instant.now(), RestorePhase.RESTORE, 40));

        JsonNode running = awaitRestore(restoreId, "RUNNING");
        assertThat(running.get("phase").asString()).isEqualTo("RESTORE");
        assertThat(running.get("progress").get("percent").asInt()).isEqualTo(40);
        assertThat(running.get("progress").get("etaSeconds").asLong()).isEqualTo(12);

        String reportKey = prefix("chinook", backup) + "restores/" + restoreId + "/restore.json";
        topics.publish(Topics.RESTORE_COMPLETED, completed(restoreId, backup, reportKey));
        JsonNode succeeded = awaitRestore(restoreId, "SUCCEEDED");
        assertThat(succeeded.get("reportKey").asString()).isEqualTo(reportKey);
        assertThat(succeeded.get("reportPageKey").asString()).endsWith("/restore.html");
        assertThat(succeeded.get("destination").get("database").asString()).isEqualTo("chinook_restored");
        assertThat(succeeded.get("checks").get(0).get("name").asString()).isEqualTo("row-counts");
        assertThat(succeeded.get("timings").get("restoreMillis").asLong()).isEqualTo(8120);

        topics.publish(Topics.RESTORE_PROGRESS, progress(restoreId, backup, Instant.now(), RestorePhase.PROVE, 100));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode late = json(api.get("/api/restores/" + restoreId));
            assertThat(late.get("phase").asString()).isEqualTo("PROVE");
            assertThat(late.get("state").asString()).isEqualTo("SUCCEEDED");
        });
        JsonNode page = json(api.get("/api/restores?targetId=chinook&state=SUCCEEDED"));
        assertThat(page.get("items").valueStream().map(n -> n.get("restoreId").asString()))
                .contains(restoreId.toString());
    }

    @Test
    void aFailedRestoreShowsItsReasonAndMessage() {
        UUID backup = backup("chinook", Outcome.PASSED, Instant.now());
        UUID restoreId = restore(backup, "{\"destinationId\": \"offline\"}");

        topics.publish(
                Topics.RESTORE_FAILED,
                failed(
                        restoreId,
                        backup,
                        RestoreFailureReason.DESTINATION_UNREACHABLE,
                        "cannot reach 127.0.0.1:1: connection refused"));

        JsonNode failed = awaitRestore(restoreId, "FAILED");
        assertThat(failed.get("reason").asString()).isEqualTo("DESTINATION_UNREACHABLE");
        assertThat(failed.get("message").asString()).contains("connection refused");
    }

    @Test
    void aNonEmptyDatabaseIsRefusedWithoutReplaceOnPostgreSqlAndMariaDb() {
        UUID backup = backup("chinook", Outcome.PASSED, Instant.now());
        String detail = assertProblem(
                api.post(
                        "/api/backups/" + backup + "/restore",
                        "{\"destinationId\": \"local\", \"database\": \"" + FULL + "\"}"),
                409,
                "database");
        assertThat(detail)
                .isEqualTo("database " + FULL + " on 127.0.0.1:5432 exists and is not empty (1 tables); restore into"
                        + " it only with replace: true and confirm: " + FULL + ", or into a new database");
        assertProblem(
                api.post(
                        "/api/backups/" + backup + "/restore",
                        "{\"destinationId\": \"local\", \"database\": \"" + FULL + "\", \"replace\": true,"
                                + " \"confirm\": \"" + FULL + "x\"}"),
                400,
                "confirm");
        HttpResponse<String> confirmed = api.post(
                "/api/backups/" + backup + "/restore",
                "{\"destinationId\": \"local\", \"database\": \"" + FULL + "\", \"replace\": true, \"confirm\": \""
                        + FULL + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);

        UUID shopBackup = backup("shop", Outcome.PASSED, Instant.now());
        assertThat(assertProblem(
                        api.post(
                                "/api/backups/" + shopBackup + "/restore",
                                "{\"destinationId\": \"maria\", \"database\": \"" + FULL + "\"}"),
                        409,
                        "database"))
                .contains("on 127.0.0.1:3306 exists and is not empty (1 tables)");
    }

    @Test
    void theTargetsOwnSourceDatabaseIsRefusedWithoutReplace() {
        UUID backup = backup("chinook", Outcome.PASSED, Instant.now());

        assertThat(assertProblem(
                        api.post("/api/backups/" + backup + "/restore", "{\"database\": \"chinook_source\"}"),
                        409,
                        "database"))
                .contains("is the backup's own source database");
    }

    @Test
    void aBackupThatFailedVerificationIsRestoredOnlyWithForce() {
        UUID backup = backup("chinook", Outcome.FAILED, Instant.now());

        assertThat(assertProblem(api.post("/api/backups/" + backup + "/restore", "{}"), 409, null))
                .contains("VERIFICATION_FAILED")
                .contains("force: true");
        HttpResponse<String> forced = api.post("/api/backups/" + backup + "/restore", "{\"force\": true}");
        assertThat(forced.statusCode()).as(forced.body()).isEqualTo(202);
        String restoreId = json(forced).get("restoreId").asString();
        RestoreRequested published = EventJson.read(
                topics.await(
                                Topics.RESTORE_REQUESTED,
                                r -> restoreId.equals(EventJson.read(r.value(), RestoreRequested.class)
                                        .restoreId()
                                        .toString()))
                        .value(),
                RestoreRequested.class);
        assertThat(published.force()).isTrue();
    }

    @Test
    void anUnreachableDestinationIsNotCheckedButTheRequestIsPublished() {
        UUID backup = backup("chinook", Outcome.PASSED, Instant.now());

        HttpResponse<String> response = api.post(
                "/api/backups/" + backup + "/restore", "{\"destinationId\": \"offline\", \"database\": \"anything\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response).get("destinationCheck").get("status").asString())
                .isEqualTo("NOT_CHECKED");
    }

    @Test
    void aTargetRestoreTakesTheNewestVerifiedBackupAtOrBeforeTheTimeAsked() {
        Instant now = Instant.now();
        UUID older = backup("ledger", Outcome.PASSED, now.minus(Duration.ofDays(2)));
        UUID newer = backup("ledger", Outcome.PASSED, now.minus(Duration.ofDays(1)));
        backup("ledger", Outcome.FAILED, now.minusSeconds(5));

        assertThat(restoredBackup(api.post("/api/targets/ledger/restore", ""))).isEqualTo(newer);
        String at = now.minus(Duration.ofHours(36)).toString();
        assertThat(restoredBackup(api.post("/api/targets/ledger/restore", "{\"at\": \"" + at + "\"}")))
                .isEqualTo(older);
        assertThat(assertProblem(
                        api.post("/api/targets/ledger/restore", "{\"at\": \"2020-01-01T00:00:00Z\"}"), 404, null))
                .contains("target ledger has no VERIFIED backup completed at or before 2020-01-01T00:00:00Z");
        assertProblem(api.post("/api/targets/nosuchdb/restore", "{}"), 422, "targetId");
        assertProblem(api.post("/api/targets/ledger/restore", "{\"at\": \"yesterday\"}"), 400, "at");
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        UUID backup = backup("chinook", Outcome.PASSED, Instant.now());
        String path = "/api/backups/" + backup + "/restore";

        assertProblem(api.post(path, "{\"jobs\": 0}"), 400, "jobs");
        assertProblem(api.post(path, "{\"jobs\": \"many\"}"), 400, "jobs");
        assertProblem(api.post(path, "{\"tables\": [\" \"]}"), 400, "tables");
        assertProblem(api.post(path, "{\"tables\": [\"album\"]}"), 400, "tables");
        assertProblem(api.post(path, "{\"database\": \"\"}"), 400, "database");
        assertProblem(api.post(path, "{\"database\": \"x\", \"replace\": true}"), 400, "confirm");
        assertProblem(api.post(path, "{\"destinationId\": \"Not Safe\"}"), 400, "destinationId");
        assertProblem(api.post(path, "{\"at\": \"2026-01-01T00:00:00Z\"}"), 400, "at");
        assertProblem(api.post(path, "{\"jobs\": "), 400, "body");
        assertProblem(api.post(path, "{\"destinationId\": \"nowhere\"}"), 422, "destinationId");
        assertProblem(api.post(path, "{\"destinationTarget\": \"nosuchdb\"}"), 422, "destinationTarget");
        assertProblem(api.post(path, "{\"destinationId\": \"maria\"}"), 422, "destinationId");
        assertProblem(api.post("/api/backups/not-a-uuid/restore", "{}"), 400, "id");
        assertProblem(api.post("/api/backups/" + UUID.randomUUID() + "/restore", "{}"), 404, null);
        assertProblem(api.get("/api/restores/" + UUID.randomUUID()), 404, null);
        assertProblem(api.get("/api/restores?limit=0"), 400, "limit");
        assertProblem(api.get("/api/restores?state=SLEEPING"), 400, "state");
    }

    @Test
    void aMalformedRestoreEventGoesToTheDeadLetterTopicAndACompletionBeforeItsRequestStillShows() {
        String marker = "not json " + UUID.randomUUID();
        topics.publishRaw(Topics.RESTORE_COMPLETED, "chinook", marker.getBytes(UTF_8));
        UUID restoreId = UUID.randomUUID();
        UUID backup = UUID.randomUUID();
        topics.publish(Topics.RESTORE_COMPLETED, completed(restoreId, backup, "chinook/x/restore.json"));

        ConsumerRecord<String, byte[]> dead = topics.await(
                Topics.deadLetter(Topics.RESTORE_COMPLETED), r -> marker.equals(new String(r.value(), UTF_8)));
        assertThat(dead.key()).isEqualTo("chinook");
        assertThat(awaitRestore(restoreId, "SUCCEEDED").get("request").isNull()).isTrue();
    }

    /** A backup of {@code target} completed at {@code completedAt} and verified with {@code outcome}. */
    private UUID backup(String target, Outcome outcome, Instant completedAt) {
        UUID id = UUID.randomUUID();
        topics.publish(Topics.BACKUP_COMPLETED, RestoreItEvents.backupCompleted(id, target, completedAt));
        topics.publish(Topics.BACKUP_VERIFIED, RestoreItEvents.backupVerified(id, target, outcome, completedAt));
        String state = outcome == Outcome.PASSED ? "VERIFIED" : "VERIFICATION_FAILED";
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> read = api.get("/api/backups/" + id);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(json(read).get("state").asString()).isEqualTo(state);
        });
        return id;
    }

    private UUID restore(UUID backup, String body) {
        HttpResponse<String> response = api.post("/api/backups/" + backup + "/restore", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(json(response).get("restoreId").asString());
    }

    private UUID restoredBackup(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(json(response).get("backupId").asString());
    }

    private JsonNode awaitRestore(UUID restoreId, String state) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> response = api.get("/api/restores/" + restoreId);
            assertThat(response.statusCode()).isEqualTo(200);
            last[0] = json(response);
            assertThat(last[0].get("state").asString()).isEqualTo(state);
        });
        return last[0];
    }

    private static void admin(String url, String user, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
