package io.bulwark.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import io.bulwark.service.security.ApiTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Two scheduler instances (two application contexts, each with its own HTTP port) on the same PostgreSQL database
 * and the same Kafka broker, both polling every 20 ms, with a schedule due every 2 seconds: every due time produces
 * exactly one BackupRequested. Polling that often, the two instances' polls of a due time lie within a few
 * milliseconds of each other, so without the ShedLock lock and the compare-and-set claim both would read the row
 * before either advanced it, and fire it twice.
 *
 * <p>A request is stamped ({@code requestedAt}) when it is made, a few milliseconds after its due time: the due time
 * it belongs to is its {@code requestedAt} rounded down to a multiple of 2 seconds (the due times of {@code *}{@code
 * /2 * * * * *}).
 */
@EmbeddedKafka(partitions = 1)
class ClusteredSchedulesIT {

    private static final String PG =
            System.getenv().getOrDefault("BULWARK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final int PERIOD_SECONDS = 2;
    private static final int DUE_TIMES = 5;

    @Test
    void twoInstancesFireEachDueTimeExactlyOnce(EmbeddedKafkaBroker broker) throws SQLException {
        String database = "sched_clustered_it_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        String target = "clustered-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1).substring(0, 8);
        admin("create database " + database);
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        try {
            instances.add(start(broker, database, target));
            instances.add(start(broker, database, target));
            Instant bothUp = Instant.now();

            Map<Long, List<Instant>> byDueTime = collect(broker, target, bothUp);

            assertThat(byDueTime)
                    .as("requests by due time (epoch second): %s", byDueTime)
                    .hasSizeGreaterThanOrEqualTo(DUE_TIMES)
                    .allSatisfy((due, requests) -> assertThat(requests)
                            .as("requests for due time %s", due)
                            .hasSize(1));
            List<Long> dueTimes = new ArrayList<>(byDueTime.keySet());
            for (int i = 1; i < dueTimes.size(); i++) {
                assertThat(dueTimes.get(i) - dueTimes.get(i - 1))
                        .as("consecutive due times %s", dueTimes)
                        .isEqualTo(PERIOD_SECONDS);
            }
        } finally {
            instances.forEach(ConfigurableApplicationContext::close);
            admin("drop database if exists " + database + " with (force)");
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, String database, String target) {
        String schedule = "bulwark.targets." + target + ".schedules.often.";
        // command-line arguments: they override application.yml (default properties would not)
        return new SpringApplicationBuilder(SchedulerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + PG + database,
                        "--spring.datasource.username=postgres",
                        "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                        "--spring.cloud.stream.kafka.binder.min-partition-count=1",
                        "--bulwark.security.tokens[0].name=it-admin",
                        "--bulwark.security.tokens[0].role=admin",
                        "--bulwark.security.tokens[0].sha256=" + ApiTokens.sha256Hex(ApiClient.ADMIN_TOKEN),
                        "--bulwark.scheduler.schedules.poll-interval=20ms",
                        "--bulwark.targets." + target + ".engine=postgresql",
                        "--" + schedule + "cron=*/" + PERIOD_SECONDS + " * * * * *",
                        "--" + schedule + "tier=WEEKLY");
    }

    /**
     * Reads the scheduled requests of {@code target} made after {@code since} until {@link #DUE_TIMES} due times were
     * seen, then one more period for late duplicates; the last, possibly incomplete due time is dropped.
     */
    private static Map<Long, List<Instant>> collect(EmbeddedKafkaBroker broker, String target, Instant since) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "sched-clustered-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        TreeMap<Long, List<Instant>> byDueTime = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Long settleUntil = null;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.BACKUP_REQUESTED));
            while (System.nanoTime() < deadline && (settleUntil == null || System.nanoTime() < settleUntil)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    BackupRequested request = EventJson.read(record.value(), BackupRequested.class);
                    if (!target.equals(request.targetId())
                            || request.trigger() != Trigger.SCHEDULED
                            || request.requestedAt().isBefore(since)) {
                        continue;
                    }
                    long second = request.requestedAt().getEpochSecond();
                    byDueTime
                            .computeIfAbsent(second - second % PERIOD_SECONDS, k -> new ArrayList<>())
                            .add(request.requestedAt());
                }
                if (settleUntil == null && byDueTime.size() > DUE_TIMES) {
                    settleUntil = System.nanoTime()
                            + Duration.ofSeconds(PERIOD_SECONDS).toNanos();
                }
            }
        }
        if (!byDueTime.isEmpty()) {
            byDueTime.pollLastEntry();
        }
        return byDueTime;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PG + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
