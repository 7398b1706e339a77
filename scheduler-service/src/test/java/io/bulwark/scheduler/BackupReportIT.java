package io.bulwark.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.contracts.DeletionReason;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.scheduler.adapter.scheduling.BackupReportPoller;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The periodic backup report end to end on real components: the scheduler projects the backup and restore events
 * published to the embedded Kafka broker into its own PostgreSQL database, {@code POST /api/reports} issues a report
 * and publishes exactly one {@code BackupReportIssued} on {@code bulwark.report}, and the report timer's ticks issue
 * the scheduled report of the current period once. The timer is disabled so that the test runs its ticks.
 */
@SchedulerIntegrationTest
@TestPropertySource(
        properties = {
            "bulwark.scheduler.reverify-errors.enabled=false",
            "bulwark.reports.enabled=false",
            "bulwark.console.public-url=http://bulwark.example:8080/",
            "bulwark.targets.chinook.engine=postgresql",
            "bulwark.targets.chinook.rto=PT30M",
            "bulwark.targets.ticker.engine=mariadb",
            "bulwark.targets.ticker.rpo=1h"
        })
class BackupReportIT extends SchedulerItClients {

    private static final SchedulerItDatabase DATABASE = new SchedulerItDatabase("reports_backup_report_it_");

    @Autowired
    BackupReportPoller poller;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        DATABASE.register(registry);
    }

    @Test
    void postIssuesOneReportWithTheProjectedFiguresAndATickIssuesThePeriodsReportOnce() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID second = backup("chinook", now.minus(Duration.ofHours(2)), 1200, 3000, Outcome.PASSED);
        backup("chinook", now.minus(Duration.ofHours(3)), 1000, 2000, Outcome.PASSED);
        failedBackup("chinook", now.minus(Duration.ofHours(1)));
        // taken before the period, deleted in it: stored at the period's start, not at its end
        UUID old = backup("chinook", now.minus(Duration.ofDays(8)), 700, 1000, Outcome.PASSED);
        topics.publish(
                Topics.BACKUP_DELETED,
                new BackupDeleted(
                        UUID.randomUUID(),
                        now.minus(Duration.ofDays(1)),
                        1,
                        old,
                        "chinook",
                        DeletionReason.RETENTION,
                        "keep-last 2",
                        "chinook/reports/" + old + "/",
                        3));
        // ticker: verified 2 h ago, over its 1 h RPO
        backup("ticker", now.minus(Duration.ofHours(2)).minusSeconds(60), 500, 1000, Outcome.PASSED);
        topics.publish(
                Topics.RESTORE_COMPLETED,
                RestoreItEvents.completed(
                        UUID.randomUUID(), second, RestoreItEvents.prefix("chinook", second) + "restore.json"));
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> ApiClient.json(api.get("/api/statistics?targetId=chinook&days=1")),
                        s -> s.get("series").size() == 3
                                && s.get("restoreMillis").get("count").asInt() == 3
                                && s.get("verifyMillis").get("count").asInt() == 2);
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> ApiClient.json(api.get("/api/backups/" + old))
                        .path("state")
                        .asString("")
                        .equals("DELETED"));
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> ApiClient.json(api.get("/api/statistics?targetId=ticker&days=1"))
                                .get("verifyMillis")
                                .get("count")
                                .asInt()
                        == 1);

        HttpResponse<String> posted = api.post("/api/reports", "");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode manual = ApiClient.json(posted);
        String manualId = manual.get("reportId").asString();
        assertThat(posted.headers().firstValue("Location")).contains("/api/reports/" + manualId);
        assertThat(manual.get("trigger").asString()).isEqualTo("MANUAL");
        assertThat(manual.get("publishedAt").isNull()).isFalse();
        assertThat(Duration.between(
                        Instant.parse(manual.get("periodStart").asString()),
                        Instant.parse(manual.get("periodEnd").asString())))
                .isEqualTo(Duration.ofDays(7));

        ConsumerRecord<String, byte[]> record = topics.await(
                Topics.REPORT,
                r -> EventJson.read(r.value(), BackupReportIssued.class)
                        .reportId()
                        .toString()
                        .equals(manualId));
        assertThat(record.key()).isEqualTo("_all");
        assertThat(TopicClient.header(record, EventHeaders.CE_TYPE)).isEqualTo(Topics.REPORT);
        BackupReportIssued event = EventJson.read(record.value(), BackupReportIssued.class);
        assertThat(event.eventId().toString()).isEqualTo(manual.get("eventId").asString());
        assertThat(event.link()).isEqualTo("http://bulwark.example:8080/console/");
        assertThat(event.targets())
                .extracting(BackupReportIssued.TargetSummary::targetId)
                .containsExactly("chinook", "ticker");
        BackupReportIssued.TargetSummary chinook = event.targets().get(0);
        assertThat(chinook.backupsTaken()).isEqualTo(2);
        assertThat(chinook.backupsVerified()).isEqualTo(2);
        assertThat(chinook.backupsFailed()).isEqualTo(1);
        assertThat(chinook.rpoSeconds()).isEqualTo(25 * 3600);
        assertThat(chinook.rpoMet()).isTrue();
        assertThat(chinook.latestVerifiedAt())
                .isEqualTo(now.minus(Duration.ofHours(2)).plusSeconds(60));
        assertThat(chinook.rtoSeconds()).isEqualTo(1800);
        // the passed verifications' 2 s and 3 s, the real restore's 8.12 s
        assertThat(chinook.restoreP95Seconds()).isEqualTo(8.12);
        assertThat(chinook.rtoMet()).isTrue();
        assertThat(chinook.storageBytes()).isEqualTo(2200);
        assertThat(chinook.storageGrowthBytes()).isEqualTo(2200 - 700);
        assertThat(chinook.openAlerts()).isZero();
        BackupReportIssued.TargetSummary ticker = event.targets().get(1);
        assertThat(ticker.backupsTaken()).isEqualTo(1);
        assertThat(ticker.rpoMet()).isFalse();
        assertThat(ticker.restoreP95Seconds()).isEqualTo(1.0);
        assertThat(ticker.storageBytes()).isEqualTo(500);
        JsonNode stored = ApiClient.json(api.get("/api/reports/" + manualId));
        assertThat(stored.get("targets").get(0).get("restoreP95Seconds").asDouble())
                .isEqualTo(8.12);

        // the timer's first tick issues the report of the week ending at the latest Monday 07:00 UTC, the second
        // tick nothing; a second POST is the barrier: every record before it is one of the three reports
        poller.tick();
        poller.tick();
        JsonNode barrier = ApiClient.json(api.post("/api/reports", ""));
        List<BackupReportIssued> published = readUntil(barrier.get("reportId").asString());
        assertThat(published)
                .extracting(BackupReportIssued::reportId)
                .extracting(UUID::toString)
                .doesNotHaveDuplicates()
                .hasSize(3)
                .contains(manualId, barrier.get("reportId").asString());
        BackupReportIssued scheduled = published.stream()
                .filter(r -> !r.reportId().toString().equals(manualId)
                        && !r.reportId()
                                .toString()
                                .equals(barrier.get("reportId").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(scheduled.periodEnd())
                .isBefore(Instant.now())
                .isAfter(Instant.now().minus(Duration.ofDays(7)));
        assertThat(scheduled.periodEnd().toString()).endsWith("T07:00:00Z");

        JsonNode list = ApiClient.json(api.get("/api/reports?limit=10"));
        assertThat(list.get("items").valueStream().map(r -> r.get("trigger").asString()))
                .containsExactly("MANUAL", "MANUAL", "SCHEDULE");
        assertThat(list.get("items").get(2).get("reportId").asString())
                .isEqualTo(scheduled.reportId().toString());
    }

    @Test
    void unknownReportsAndBadLimitsAreProblems() {
        assertThat(ApiClient.assertProblem(api.get("/api/reports/" + UUID.randomUUID()), 404, null))
                .startsWith("no backup report ");
        ApiClient.assertProblem(api.get("/api/reports?limit=0"), 400, "limit");
        ApiClient.assertProblem(api.get("/api/reports?limit=101"), 400, "limit");
    }

    /** Every report on the topic, in order, up to and including the one with id {@code lastReportId}. */
    private List<BackupReportIssued> readUntil(String lastReportId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "scheduler-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<BackupReportIssued> reports = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.REPORT));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    BackupReportIssued report = EventJson.read(r.value(), BackupReportIssued.class);
                    reports.add(report);
                    if (report.reportId().toString().equals(lastReportId)) {
                        return reports;
                    }
                }
            }
        }
        throw new AssertionError("report " + lastReportId + " not on " + Topics.REPORT + " after " + reports);
    }

    /** Publishes a backup's request, completion a minute later and verification two minutes later. */
    private UUID backup(String target, Instant at, long storedBytes, long restoreMillis, Outcome outcome) {
        return ItEvents.publishScheduledBackup(
                topics,
                target,
                "reports",
                at,
                storedBytes,
                1000,
                outcome,
                new VerificationReport.Timings(100, restoreMillis, 50, restoreMillis * 2));
    }

    private void failedBackup(String target, Instant at) {
        ItEvents.publishFailedBackup(topics, target, at);
    }
}
