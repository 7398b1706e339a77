package io.bulwark.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.VerificationReport;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/targets} and {@code GET /api/statistics} end to end on real components: an embedded KRaft Kafka
 * broker and the machine's PostgreSQL (a database of its own, dropped afterwards). The dump-worker and the verifier
 * are played by hand: their events are published to the real topics and the scheduler projects them.
 */
@SchedulerIntegrationTest
@TestPropertySource(
        properties = {
            "bulwark.scheduler.reverify-errors.enabled=false",
            "bulwark.targets.chinook.engine=postgresql",
            "bulwark.targets.chinook.rto=PT30M",
            "bulwark.targets.chinook.schedules.nightly.cron=0 2 * * *",
            "bulwark.targets.chinook.schedules.nightly.zone=Europe/Berlin",
            "bulwark.targets.hourly.engine=mariadb",
            "bulwark.targets.hourly.rpo=1h",
            "bulwark.targets.broken.engine=postgresql",
            "bulwark.targets.fresh.engine=postgresql"
        })
class StatisticsIT extends SchedulerItClients {

    private static final SchedulerItDatabase DATABASE = new SchedulerItDatabase("stats_statistics_it_");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        DATABASE.register(registry);
    }

    @Test
    void statisticsOfATargetFromTheProjectedEventsAndItsHealth() {
        Instant now = Instant.now();
        UUID first = backup("chinook", now.minus(Duration.ofHours(3)), 1000, 1000, 4000, 2000, Outcome.PASSED);
        UUID second = backup("chinook", now.minus(Duration.ofHours(2)), 3000, 1200, 6000, 3000, Outcome.PASSED);
        UUID failed = failedBackup("chinook", now.minus(Duration.ofHours(1)));
        UUID restore = UUID.randomUUID();
        topics.publish(
                Topics.RESTORE_COMPLETED,
                RestoreItEvents.completed(restore, second, RestoreItEvents.prefix("chinook", second) + "restore.json"));

        JsonNode stats = await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> ApiClient.json(api.get("/api/statistics?targetId=chinook&days=7")),
                        s -> s.get("series").size() == 3
                                && s.get("series")
                                        .get(2)
                                        .get("state")
                                        .asString()
                                        .equals("FAILED")
                                && s.get("restoreMillis").get("count").asInt() == 3
                                && s.get("verifyMillis").get("count").asInt() == 2);

        assertThat(stats.get("targetId").asString()).isEqualTo("chinook");
        assertThat(stats.get("days").asInt()).isEqualTo(7);
        assertThat(Duration.between(
                        Instant.parse(stats.get("from").asString()),
                        Instant.parse(stats.get("to").asString())))
                .isEqualTo(Duration.ofDays(7));
        for (String window : List.of("7d", "30d")) {
            JsonNode w = stats.get("windows").get(window);
            assertThat(w.get("backups").asInt()).as(window).isEqualTo(3);
            assertThat(w.get("succeeded").asInt()).isEqualTo(2);
            assertThat(w.get("failed").asInt()).isEqualTo(1);
            assertThat(w.get("successRate").asDouble()).isEqualTo(2.0 / 3);
            assertThat(w.get("verifications").asInt()).isEqualTo(2);
            assertThat(w.get("passed").asInt()).isEqualTo(2);
            assertThat(w.get("verificationPassRate").asDouble()).isEqualTo(1.0);
        }
        assertDurations(stats.get("dumpMillis"), 2, 1000, 3000, 2000);
        assertDurations(stats.get("verifyMillis"), 2, 4000, 6000, 2000);
        // the two passed verifications' 2000 and 3000 ms, then the real restore's 8120 ms
        assertDurations(stats.get("restoreMillis"), 3, 3000, 8120, 1000);
        assertThat(stats.get("artifactBytes").get("latest").asLong()).isEqualTo(1200);
        assertThat(stats.get("artifactBytes").get("p50").asLong()).isEqualTo(1000);
        assertThat(stats.get("artifactBytes").get("growthPercent").asDouble()).isEqualTo(20.0);
        assertThat(stats.get("storedBytes").asLong()).isEqualTo(2200);
        assertThat(stats.get("rtoMillis").asLong()).isEqualTo(1_800_000);
        assertThat(stats.get("rpoSeconds").asLong()).isEqualTo(25 * 3600);
        assertThat(stats.get("lastVerified").get("backupId").asString()).isEqualTo(second.toString());
        assertThat(stats.get("nextRuns").get(0).get("name").asString()).isEqualTo("nightly");
        assertThat(stats.get("nextRuns").get(0).get("targetId").asString()).isEqualTo("chinook");
        JsonNode series = stats.get("series");
        assertThat(series.valueStream().map(p -> p.get("backupId").asString()))
                .containsExactly(first.toString(), second.toString(), failed.toString());
        assertThat(series.get(0).get("dumpMillis").asLong()).isEqualTo(1000);
        assertThat(series.get(0).get("verifyMillis").asLong()).isEqualTo(4000);
        assertThat(series.get(0).get("restoreMillis").asLong()).isEqualTo(2000);
        assertThat(series.get(0).get("outcome").asString()).isEqualTo("PASSED");
        assertThat(series.get(0).get("targetId").asString()).isEqualTo("chinook");
        assertThat(series.get(2).get("storedBytes").isNull()).isTrue();

        JsonNode target = ApiClient.json(api.get("/api/targets/chinook"));
        assertThat(target.get("id").asString()).isEqualTo("chinook");
        assertThat(target.get("engine").asString()).isEqualTo("postgresql");
        assertThat(target.get("rpo").asString()).isEqualTo("PT25H");
        assertThat(target.get("rto").asString()).isEqualTo("PT30M");
        assertThat(target.get("rpoSeconds").asLong()).isEqualTo(90_000);
        assertThat(target.get("rtoSeconds").asLong()).isEqualTo(1800);
        assertThat(target.get("health").asString()).isEqualTo("GREEN");
        assertThat(target.get("healthReason").asString())
                .matches("last verified backup is (1h 59m|2h) old; RPO is 25h");
        assertThat(target.get("lastBackup").get("backupId").asString()).isEqualTo(failed.toString());
        assertThat(target.get("lastBackup").get("state").asString()).isEqualTo("FAILED");
        assertThat(target.get("lastVerified").get("backupId").asString()).isEqualTo(second.toString());
        assertThat(target.get("lastVerified").get("ageSeconds").asLong()).isBetween(7140L, 7260L);
        assertThat(target.get("storedBytes").asLong()).isEqualTo(2200);
        assertThat(target.get("backupCount").asLong()).isEqualTo(3);
        assertThat(target.get("nextRuns").get(0).get("name").asString()).isEqualTo("nightly");
        assertThat(Instant.parse(target.get("nextRuns").get(0).get("at").asString()))
                .isBetween(now, now.plus(Duration.ofDays(1)));
    }

    @Test
    void healthOfEveryConfiguredTarget() {
        Instant now = Instant.now();
        // taken (completed) 50 minutes ago: 83% of the 1h RPO
        backup("hourly", now.minus(Duration.ofMinutes(51)), 100, 10, 400, 200, Outcome.PASSED);
        backup("broken", now.minus(Duration.ofMinutes(10)), 100, 10, 400, 200, Outcome.FAILED);

        JsonNode items = await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> ApiClient.json(api.get("/api/targets")).get("items"),
                        list -> !health(list, "broken").equals("UNKNOWN")
                                && !health(list, "hourly").equals("UNKNOWN"));

        assertThat(items.valueStream().map(t -> t.get("id").asString()))
                .containsExactly("chinook", "hourly", "broken", "fresh");
        JsonNode hourly = target(items, "hourly");
        assertThat(hourly.get("health").asString()).isEqualTo("AMBER");
        assertThat(hourly.get("healthReason").asString()).startsWith("last verified backup is 50m");
        assertThat(hourly.get("rpoSeconds").asLong()).isEqualTo(3600);
        assertThat(hourly.get("rto").asString()).isEqualTo("PT1H");
        JsonNode broken = target(items, "broken");
        assertThat(broken.get("health").asString()).isEqualTo("RED");
        assertThat(broken.get("healthReason").asString())
                .contains("ended FAILED")
                .contains("checksum");
        assertThat(broken.get("lastVerified").isNull()).isTrue();
        JsonNode fresh = target(items, "fresh");
        assertThat(fresh.get("health").asString()).isEqualTo("UNKNOWN");
        assertThat(fresh.get("healthReason").asString()).isEqualTo("no verified backup yet");
        assertThat(fresh.get("lastBackup").isNull()).isTrue();
        assertThat(fresh.get("nextRuns")).isEmpty();

        JsonNode all = ApiClient.json(api.get("/api/statistics"));
        assertThat(all.get("targetId").isNull()).isTrue();
        assertThat(all.get("days").asInt()).isEqualTo(30);
        assertThat(all.get("rtoMillis").isNull()).isTrue();
        assertThat(all.get("series").valueStream().map(p -> p.get("targetId").asString()))
                .contains("hourly", "broken");
    }

    @Test
    void unknownTargetsAndBadDaysAreProblems() {
        assertThat(ApiClient.assertProblem(api.get("/api/targets/nosuchdb"), 404, null))
                .isEqualTo("target 'nosuchdb' is not configured");
        assertThat(ApiClient.assertProblem(api.get("/api/statistics?targetId=nosuchdb"), 404, null))
                .isEqualTo("target 'nosuchdb' is not configured");
        assertThat(ApiClient.assertProblem(api.get("/api/statistics?days=0"), 400, "days"))
                .contains("1..366");
        ApiClient.assertProblem(api.get("/api/statistics?days=367"), 400, "days");
        ApiClient.assertProblem(api.get("/api/statistics?days=many"), 400, "days");
        HttpResponse<String> anonymous = new ApiClient(port, null).get("/api/statistics");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static void assertDurations(JsonNode d, int count, long p50, long p95, long trend) {
        assertThat(d.get("count").asInt()).as("count of %s", d).isEqualTo(count);
        assertThat(d.get("p50").asLong()).as("p50 of %s", d).isEqualTo(p50);
        assertThat(d.get("p95").asLong()).as("p95 of %s", d).isEqualTo(p95);
        assertThat(d.get("trend").asLong()).as("trend of %s", d).isEqualTo(trend);
    }

    private static JsonNode target(JsonNode items, String id) {
        return items.valueStream()
                .filter(t -> t.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static String health(JsonNode items, String id) {
        return target(items, id).get("health").asString();
    }

    /**
     * Publishes a backup's request, completion and verification: requested at {@code at}, stored a minute later.
     *
     * @return the backup id
     */
    private UUID backup(
            String target,
            Instant at,
            long dumpMillis,
            long storedBytes,
            long verifyMillis,
            long restoreMillis,
            Outcome outcome) {
        return ItEvents.publishScheduledBackup(
                topics,
                target,
                "stats",
                at,
                storedBytes,
                dumpMillis,
                outcome,
                new VerificationReport.Timings(100, restoreMillis, 50, verifyMillis));
    }

    /** Publishes a backup's request and its failure: requested at {@code at}. */
    private UUID failedBackup(String target, Instant at) {
        return ItEvents.publishFailedBackup(topics, target, at);
    }
}
