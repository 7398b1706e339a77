package io.bulwark.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.contracts.AlertChanged;
import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertState;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import io.bulwark.contracts.VerificationReport;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Alerts end to end on real components (embedded Kafka, the machine's PostgreSQL): a target whose RPO is two seconds
 * and whose only verified backup is an hour old gets one RPO_BREACH alert on {@code bulwark.alert}, listed by {@code
 * GET /api/alerts}; a newer BackupVerified projected by the scheduler resolves it, once. The evaluation runs every
 * 300 ms on its timer; nothing but the events drives it.
 */
@SchedulerIntegrationTest
@TestPropertySource(
        properties = {
            "bulwark.scheduler.reverify-errors.enabled=false",
            "bulwark.targets.chinook.engine=postgresql",
            "bulwark.targets.chinook.rpo=PT2S",
            "bulwark.alerts.evaluate-interval=300ms",
            "bulwark.console.public-url=http://bulwark.test/"
        })
class AlertsIT extends SchedulerItClients {

    private static final SchedulerItDatabase DATABASE = new SchedulerItDatabase("alerts_it_");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        DATABASE.register(registry);
    }

    @Test
    void anRpoBreachOpensOnceAndResolvesAfterANewerVerifiedBackup() {
        verifiedBackup("chinook", Instant.now().minus(Duration.ofHours(1)));

        List<AlertChanged> events = awaitAlerts(
                all -> all.stream().anyMatch(e -> e.kind() == AlertKind.RPO_BREACH && e.state() == AlertState.OPEN));
        AlertChanged open = events.stream()
                .filter(e -> e.kind() == AlertKind.RPO_BREACH && e.state() == AlertState.OPEN)
                .findFirst()
                .orElseThrow();
        assertThat(open.targetId()).isEqualTo("chinook");
        // the target may breach before the old backup is projected (never verified, watched for more than 2 s)
        assertThat(open.summary())
                .matches("chinook: no verified backup (for (59m|1h)|in \\d+s of watching); RPO is 2s");
        assertThat(open.link()).isEqualTo("http://bulwark.test/console/");

        // once projected, the open alert carries the old backup's figures (no new event: the same condition)
        JsonNode listed = await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> ApiClient.json(api.get("/api/alerts?state=open&targetId=chinook")),
                        page -> page.get("items").size() == 1
                                && page.get("items")
                                        .get(0)
                                        .get("summary")
                                        .asString()
                                        .matches("chinook: no verified backup for (59m|1h); RPO is 2s"));
        assertThat(listed.get("items").get(0).get("alertId").asString())
                .isEqualTo(open.alertId().toString());
        assertThat(listed.get("items").get(0).get("kind").asString()).isEqualTo("RPO_BREACH");
        assertThat(listed.get("items").get(0).get("severity").asString()).isEqualTo("CRITICAL");

        // the gauge counts it (read from the table at most every 5 s)
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/actuator/prometheus")
                        .body()
                        .lines()
                        .anyMatch(l -> l.startsWith("bulwark_alerts_open{")
                                && l.contains("kind=\"RPO_BREACH\"")
                                && l.endsWith(" 1.0")));

        // taken 3 s ahead of now: fresh for the next 5 s, whatever the projection's delay on a slow machine
        verifiedBackup("chinook", Instant.now().plusSeconds(3));

        List<AlertChanged> after = awaitAlerts(all ->
                all.stream().anyMatch(e -> e.alertId().equals(open.alertId()) && e.state() == AlertState.RESOLVED));
        List<AlertChanged> ofThisAlert =
                after.stream().filter(e -> e.alertId().equals(open.alertId())).toList();
        assertThat(ofThisAlert).extracting(AlertChanged::state).containsExactly(AlertState.OPEN, AlertState.RESOLVED);
        assertThat(ApiClient.json(api.get("/api/alerts?state=resolved"))
                        .get("items")
                        .get(0)
                        .get("alertId")
                        .asString())
                .isEqualTo(open.alertId().toString());
        assertThat(api.get("/api/alerts?state=maybe").statusCode()).isEqualTo(400);
    }

    /** Reads {@code bulwark.alert} from the start until the events read so far satisfy {@code done}. */
    private List<AlertChanged> awaitAlerts(Predicate<List<AlertChanged>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "alerts-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<AlertChanged> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.ALERT));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    events.add(EventJson.read(record.value(), AlertChanged.class));
                }
                if (done.test(events)) {
                    return events;
                }
            }
        }
        throw new AssertionError("no matching alerts on " + Topics.ALERT + " within " + TIMEOUT + ": " + events);
    }

    /** Publishes a backup's request, completion at {@code completedAt} and PASSED verification. */
    private void verifiedBackup(String target, Instant completedAt) {
        UUID id = UUID.randomUUID();
        String prefix = target + "/alerts/" + id + "/";
        topics.publish(
                Topics.BACKUP_REQUESTED,
                ItEvents.requested(id, target, Trigger.MANUAL, null, completedAt.minusSeconds(60)));
        topics.publish(
                Topics.BACKUP_COMPLETED,
                ItEvents.completed(
                        id,
                        target,
                        prefix,
                        Tier.DAILY,
                        Trigger.MANUAL,
                        ItEvents.dump(prefix + "dump.zst", 1000, 3000),
                        completedAt,
                        Duration.ofMillis(1000)));
        topics.publish(
                Topics.BACKUP_VERIFIED,
                ItEvents.verified(
                        id,
                        target,
                        prefix,
                        Outcome.PASSED,
                        Tier.DAILY,
                        completedAt.plusSeconds(1),
                        completedAt,
                        new VerificationReport.Timings(100, 2000, 50, 4000)));
    }
}
