package io.bulwark.scheduler;

import static io.bulwark.scheduler.ApiClient.assertProblem;
import static io.bulwark.scheduler.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/schedules} on a real scheduler (embedded Kafka, the machine's PostgreSQL in a database of its own): the
 * configured schedules as reconciled at start-up, creating, replacing and deleting API schedules, the problem answers
 * of bad input and of changes to configured schedules, enabling and disabling, the next runs, and running a schedule
 * now (a BackupRequested on the topic).
 */
@SchedulerIntegrationTest
@TestPropertySource(
        properties = {
            "bulwark.scheduler.missed-run-policy=SKIP",
            "bulwark.targets.chinook.engine=postgresql",
            "bulwark.targets.chinook.schedules.nightly.cron=0 2 * * *",
            "bulwark.targets.chinook.schedules.nightly.zone=Europe/Berlin",
            "bulwark.targets.chinook.schedules.nightly.tier=WEEKLY",
            "bulwark.targets.chinook.schedules.nightly.label=night",
            "bulwark.targets.chinook.schedules.nightly.missed-run-policy=RUN_ONCE",
            "bulwark.targets.other.engine=postgresql",
            "bulwark.targets.other.schedules.hourly.cron=@hourly"
        })
class ScheduleApiIT {

    private static final SchedulerItDatabase DATABASE = new SchedulerItDatabase("sched_schedule_api_it_");

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private ApiClient api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        DATABASE.register(registry);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void configuredSchedulesAreListedAsConfigWithTheirOwnOrTheGlobalMissedRunPolicy() {
        HttpResponse<String> all = api.get("/api/schedules");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        json(all)
                .get("items")
                .forEach(s -> names.add(
                        s.get("targetId").asString() + "/" + s.get("name").asString()));
        assertThat(names).contains("chinook/nightly", "other/hourly");

        JsonNode nightly = json(api.get("/api/schedules/chinook/nightly"));
        assertThat(nightly.get("source").asString()).isEqualTo("CONFIG");
        assertThat(nightly.get("cron").asString()).isEqualTo("0 2 * * *");
        assertThat(nightly.get("zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(nightly.get("tier").asString()).isEqualTo("WEEKLY");
        assertThat(nightly.get("label").asString()).isEqualTo("night");
        assertThat(nightly.get("missedRunPolicy").asString()).isEqualTo("RUN_ONCE");
        assertThat(Instant.parse(nightly.get("nextRunAt").asString())).isAfter(Instant.now());
        for (String field : List.of("lastRunAt", "lastBackupId", "createdAt", "updatedAt", "enabled")) {
            assertThat(nightly.has(field)).as(field).isTrue();
        }
        assertThat(json(api.get("/api/schedules/other/hourly"))
                        .get("missedRunPolicy")
                        .asString())
                .isEqualTo("SKIP");
        assertThat(json(api.get("/api/schedules?targetId=other")).get("items")).hasSize(1);
    }

    @Test
    void anApiScheduleIsCreatedReadReplacedListedInTheNextRunsAndDeleted() {
        HttpResponse<String> created =
                api.post("/api/schedules", "{\"targetId\": \"other\", \"name\": \"crud\", \"cron\": \"15 3 * * *\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/schedules/other/crud");
        JsonNode body = json(created);
        assertThat(body.get("source").asString()).isEqualTo("API");
        assertThat(body.get("zone").asString()).isEqualTo("UTC");
        assertThat(body.get("tier").asString()).isEqualTo("DAILY");
        assertThat(body.get("enabled").asBoolean()).isTrue();
        assertThat(Instant.parse(body.get("nextRunAt").asString()).toString()).endsWith("T03:15:00Z");

        assertProblem(
                api.post("/api/schedules", "{\"targetId\": \"other\", \"name\": \"crud\", \"cron\": \"@daily\"}"),
                409,
                null);

        HttpResponse<String> replaced = api.put(
                "/api/schedules/other/crud",
                "{\"cron\": \"0 4 * * *\", \"zone\": \"Europe/Berlin\", \"tier\": \"MONTHLY\", \"label\": \"m\"}");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        JsonNode after = json(api.get("/api/schedules/other/crud"));
        assertThat(after.get("cron").asString()).isEqualTo("0 4 * * *");
        assertThat(after.get("tier").asString()).isEqualTo("MONTHLY");
        assertThat(after.get("label").asString()).isEqualTo("m");
        assertThat(Instant.parse(after.get("nextRunAt").asString()).toString()).matches(".*T0[23]:00:00Z");

        JsonNode next = json(api.get("/api/schedules/next?targetId=other&limit=5"));
        List<Instant> at = new ArrayList<>();
        List<String> names = new ArrayList<>();
        next.get("items").forEach(run -> {
            at.add(Instant.parse(run.get("at").asString()));
            names.add(run.get("name").asString());
            assertThat(run.get("targetId").asString()).isEqualTo("other");
            assertThat(run.has("cron") && run.has("zone") && run.has("tier")).isTrue();
        });
        assertThat(at).hasSize(5).isSorted();
        assertThat(names).contains("hourly");
        assertProblem(api.get("/api/schedules/next?limit=0"), 400, "limit");

        assertThat(api.delete("/api/schedules/other/crud").statusCode()).isEqualTo(204);
        assertProblem(api.get("/api/schedules/other/crud"), 404, null);
        assertProblem(api.delete("/api/schedules/other/crud"), 404, null);
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheField() {
        assertThat(assertProblem(
                        api.post("/api/schedules", "{\"targetId\":\"other\",\"name\":\"bad\",\"cron\":\"61 * * * *\"}"),
                        400,
                        "cron"))
                .contains("61 * * * *");
        assertThat(assertProblem(
                        api.post(
                                "/api/schedules",
                                "{\"targetId\":\"other\",\"name\":\"bad\",\"cron\":\"@daily\",\"zone\":\"Mars/Base\"}"),
                        400,
                        "zone"))
                .contains("Mars/Base");
        assertThat(assertProblem(
                        api.post("/api/schedules", "{\"targetId\":\"nope\",\"name\":\"bad\",\"cron\":\"@daily\"}"),
                        400,
                        "targetId"))
                .contains("target 'nope' is not configured");
        assertProblem(
                api.post("/api/schedules", "{\"targetId\":\"other\",\"name\":\"Bad!\",\"cron\":\"@daily\"}"),
                400,
                "name");
        assertProblem(
                api.post(
                        "/api/schedules",
                        "{\"targetId\":\"other\",\"name\":\"bad\",\"cron\":\"@daily\",\"label\":\"No Label\"}"),
                400,
                "label");
        assertProblem(
                api.post(
                        "/api/schedules", "{\"targetId\":\"other\",\"name\":\"bad\",\"cron\":\"@daily\",\"tier\":1.5}"),
                400,
                "tier");
        assertProblem(api.get("/api/schedules/other/bad"), 404, null);
    }

    @Test
    void aConfiguredScheduleIsNotReplacedOrDeletedButIsDisabledEnabledAndRunNow() {
        assertThat(assertProblem(api.put("/api/schedules/other/hourly", "{\"cron\": \"@daily\"}"), 409, null))
                .contains("declared in configuration");
        assertThat(assertProblem(api.delete("/api/schedules/other/hourly"), 409, null))
                .contains("declared in configuration");

        HttpResponse<String> disabled = api.post("/api/schedules/chinook/nightly/disable", "");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(json(disabled).get("enabled").asBoolean()).isFalse();
        assertThat(json(disabled).get("nextRunAt").isNull()).isTrue();
        assertThat(json(api.get("/api/schedules/next?targetId=chinook")).get("items"))
                .isEmpty();

        HttpResponse<String> run = api.post("/api/schedules/chinook/nightly/run", "");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        String backupId = json(run).get("backupId").asString();
        assertThat(run.headers().firstValue("Location")).hasValue("/api/backups/" + backupId);
        assertThat(json(run).get("trigger").asString()).isEqualTo("SCHEDULED");
        assertThat(json(run).get("state").asString()).isEqualTo("REQUESTED");

        ConsumerRecord<String, byte[]> record = new TopicClient(brokers, Duration.ofSeconds(60))
                .await(
                        Topics.BACKUP_REQUESTED,
                        r -> backupId.equals(EventJson.read(r.value(), BackupRequested.class)
                                .requestId()
                                .toString()));
        BackupRequested requested = EventJson.read(record.value(), BackupRequested.class);
        assertThat(requested.trigger()).isEqualTo(Trigger.SCHEDULED);
        assertThat(requested.scheduleId()).isEqualTo("nightly");
        assertThat(requested.tier()).isEqualTo(Tier.WEEKLY);
        assertThat(requested.label()).isEqualTo("night");
        assertThat(json(api.get("/api/schedules/chinook/nightly"))
                        .get("lastBackupId")
                        .asString())
                .isEqualTo(backupId);

        HttpResponse<String> enabled = api.post("/api/schedules/chinook/nightly/enable", "");
        assertThat(enabled.statusCode()).isEqualTo(200);
        assertThat(json(enabled).get("enabled").asBoolean()).isTrue();
        assertThat(Instant.parse(json(enabled).get("nextRunAt").asString())).isAfter(Instant.now());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode audit = json(api.get("/api/audit?limit=200"));
            List<String> rows = new ArrayList<>();
            audit.get("items")
                    .forEach(row -> rows.add(row.get("method").asString() + " "
                            + row.get("path").asString() + " "
                            + row.get("targetId").asString("-") + " "
                            + row.get("status").asInt()));
            assertThat(rows)
                    .contains(
                            "POST /api/schedules/chinook/nightly/disable chinook 200",
                            "DELETE /api/schedules/other/hourly other 409");
        });

        assertProblem(api.post("/api/schedules/chinook/nosuch/run", ""), 404, null);
    }
}
