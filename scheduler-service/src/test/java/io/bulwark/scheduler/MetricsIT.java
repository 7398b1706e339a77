package io.bulwark.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Metrics and probes of the scheduler on real components (an embedded KRaft Kafka broker, the machine's PostgreSQL
 * in a database of its own): the RPO gauge of a target with a VERIFIED backup on {@code /actuator/prometheus}, which
 * needs a token, the Kafka binder's consumer lag gauge, and the readiness group's components.
 */
@SchedulerIntegrationTest
@TestPropertySource(
        properties = {
            "bulwark.targets.chinook.engine=postgresql",
            "bulwark.targets.chinook.rpo=PT6H",
            "bulwark.targets.ticker.engine=postgresql",
            "bulwark.metrics.refresh-interval=300ms"
        })
class MetricsIT extends SchedulerItClients {

    private static final SchedulerItDatabase DATABASE = new SchedulerItDatabase("metrics_scheduler_it_");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        DATABASE.register(registry);
    }

    @Test
    void theRpoGaugeShowsTheNewestVerifiedBackupOfATarget() {
        String backupId = ApiClient.json(api.post("/api/backups", "{\"targetId\": \"chinook\"}"))
                .get("backupId")
                .asString();
        UUID id = UUID.fromString(backupId);
        String prefix = "chinook/2026/12/adhoc_20261203T070000Z_" + backupId.substring(0, 8) + "/";
        Instant completedAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        topics.publish(Topics.BACKUP_COMPLETED, completed(id, prefix, completedAt));
        awaitState(api, backupId, "COMPLETED");
        topics.publish(Topics.BACKUP_VERIFIED, verified(id, prefix));
        awaitState(api, backupId, "VERIFIED");

        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            String scrape = scrape(api);
            assertThat(gauge(scrape, "bulwark_last_verified_backup_timestamp_seconds", "target=\"chinook\""))
                    .isEqualTo(completedAt.toEpochMilli() / 1000.0);
            assertThat(gauge(scrape, "bulwark_backups", "state=\"VERIFIED\",target=\"chinook\""))
                    .isEqualTo(1.0);
        });
        String scrape = scrape(api);
        assertThat(gauge(scrape, "bulwark_target_rpo_seconds", "target=\"chinook\""))
                .isEqualTo(6 * 3600.0);
        assertThat(gauge(scrape, "bulwark_target_rpo_seconds", "target=\"ticker\""))
                .as("the default rpo")
                .isEqualTo(25 * 3600.0);
        assertThat(scrape)
                .as("a target never verified has no RPO gauge")
                .doesNotContain("bulwark_last_verified_backup_timestamp_seconds{application=\"scheduler-service\","
                        + "target=\"ticker\"}");
    }

    @Test
    void prometheusNeedsAToken() {
        HttpResponse<String> anonymous = new ApiClient(port, null).get("/actuator/prometheus");
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> wrong = new ApiClient(port, "not-a-token").get("/actuator/prometheus");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void theKafkaBinderPublishesConsumerLagAndClientMetrics() {
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(scrape(api))
                        .contains("spring_cloud_stream_binder_kafka_offset{")
                        .contains("group=\"bulwark-scheduler\"")
                        .contains("kafka_consumer_"));
    }

    @Test
    void readinessNamesTheDatabaseAndTheBinderAndLivenessIsUpWithoutAToken() {
        ApiClient anonymous = new ApiClient(port, null);
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> readiness = anonymous.get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            JsonNode body = ApiClient.json(readiness);
            assertThat(body.get("status").asString()).isEqualTo("UP");
            JsonNode components = body.get("components");
            assertThat(components.has("db")).as(readiness.body()).isTrue();
            assertThat(components.has("binders")).as(readiness.body()).isTrue();
            assertThat(components.has("readinessState")).as(readiness.body()).isTrue();
            assertThat(components.get("db").has("details"))
                    .as("no details to an anonymous caller")
                    .isFalse();
        });
        HttpResponse<String> liveness = anonymous.get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(liveness).get("status").asString()).isEqualTo("UP");
    }

    private static String scrape(ApiClient api) {
        HttpResponse<String> response = api.get("/actuator/prometheus");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The value of the sample {@code name{application="scheduler-service",labels}}, or null when absent. */
    private static Double gauge(String scrape, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{application=\"scheduler-service\"," + labels + "}")
                        + " (\\S+)$")
                .matcher(scrape);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    private static void awaitState(ApiClient api, String backupId, String state) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> response = api.get("/api/backups/" + backupId);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ApiClient.json(response).get("state").asString()).isEqualTo(state);
        });
    }

    private static BackupCompleted completed(UUID id, String prefix, Instant completedAt) {
        return ItEvents.adhocCompleted(id, "chinook", prefix, completedAt);
    }

    private static BackupVerified verified(UUID id, String prefix) {
        return ItEvents.verified(id, "chinook", prefix, Outcome.PASSED, Tier.ADHOC, Instant.now(), Instant.now(), null);
    }
}
