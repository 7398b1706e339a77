package io.bulwark.dumpworker;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Topics;
import io.bulwark.dumpworker.adapter.storage.ObjectStoreAttemptLedger;
import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.service.consumer.ConsumerOutages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An object-store outage longer than the dump-worker's own retries, on real components (an embedded KRaft Kafka
 * broker, S3Proxy stopped and started again on the same port and folder, the machine's PostgreSQL and {@code
 * pg_dump}): the store goes away in the middle of a dump, after the attempt was counted, and stays away through
 * several deliveries of the request, each spending the worker's retries ({@code storage.retry-attempts} 2). With
 * {@code max-attempts} 1, an outage that counted as an attempt would end the backup {@code ATTEMPTS_EXHAUSTED}. The
 * backup must instead complete exactly once when the store is back, with no {@code BackupFailed} and nothing on
 * {@code bulwark.backup.requested.dlq}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
            "bulwark.dump-worker.max-attempts=1",
            "bulwark.dump-worker.progress-interval=100ms",
            "bulwark.dump-worker.storage.retry-attempts=2",
            "bulwark.dump-worker.storage.initial-backoff=100ms",
            "bulwark.dump-worker.storage.max-backoff=200ms",
            "bulwark.dump-worker.storage.open-duration=1s",
            "bulwark.consumers.outage.initial-interval=200ms",
            "bulwark.consumers.outage.max-interval=1s"
        })
@EmbeddedKafka(
        partitions = 1,
        topics = {
            Topics.BACKUP_REQUESTED,
            Topics.BACKUP_COMPLETED,
            Topics.BACKUP_FAILED,
            Topics.BACKUP_PROGRESS,
            "bulwark.backup.requested.dlq"
        })
@DirtiesContext
class StorageOutageIT {

    private static final PostgresDatabases POSTGRES = PostgresDatabases.local();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TARGET = "it-outage";
    private static final String GROUP = "bulwark-dump-worker";

    @TempDir
    static Path s3Dir;

    @TempDir
    static Path binDir;

    private static S3ProxyServer s3;
    private static String sourceDb;
    private static Path pgDumpWrapper;

    @Autowired
    MinioObjectStore store;

    @Autowired
    ConsumerOutages outages;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @BeforeAll
    static void startComponents() throws Exception {
        s3 = S3ProxyServer.start(s3Dir, "bulwark-outage");
        sourceDb = POSTGRES.createUnique("bulwark_dumpworker_outage");
        POSTGRES.execute(
                sourceDb,
                "CREATE TABLE note (id int, body text);"
                        + " INSERT INTO note SELECT g, md5(g::text) FROM generate_series(1, 20000) g;");
        pgDumpWrapper = writePgDumpWrapper(binDir);
    }

    @AfterAll
    static void stopComponents() {
        POSTGRES.drop(sourceDb);
        s3.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("bulwark.storage.endpoint", () -> s3.endpoint());
        registry.add("bulwark.storage.access-key", () -> s3.accessKey());
        registry.add("bulwark.storage.secret-key", () -> s3.secretKey());
        registry.add("bulwark.storage.bucket", () -> s3.bucket());
        registry.add("bulwark.storage.region", () -> s3.region());
        registry.add("bulwark.dump-worker.pg-dump-program", () -> pgDumpWrapper.toString());
        registry.add("bulwark.targets." + TARGET + ".host", POSTGRES::host);
        registry.add("bulwark.targets." + TARGET + ".port", POSTGRES::port);
        registry.add("bulwark.targets." + TARGET + ".database", () -> sourceDb);
        registry.add("bulwark.targets." + TARGET + ".username", POSTGRES::username);
    }

    @Test
    void aStoreDownLongerThanTheRetriesInTheMiddleOfADumpIsWaitedOutAndTheBackupCompletesOnce() throws Exception {
        Path gate = Files.createFile(binDir.resolve("gate"));
        Path started = binDir.resolve("started");
        String requestId = UUID.randomUUID().toString();
        RequestTopic.publish(brokers, TARGET, "{\"requestId\":\"" + requestId + "\",\"targetId\":\"" + TARGET + "\"}");

        // the attempt is counted and the dump runs (held at the gate) when the store goes away
        Awaitility.await("the dump started").atMost(WAIT).until(() -> Files.exists(started));
        assertThat(store.list(ObjectStoreAttemptLedger.PREFIX)).hasSize(1);
        int port = s3.port();
        s3.close();
        Files.delete(gate);

        // the consumer waits on the same record: several deliveries, each spending the worker's retries
        ConsumerOutages.Binding binding = outages.binding(Topics.BACKUP_REQUESTED, GROUP);
        Awaitility.await("several deliveries of the request failing on the store")
                .atMost(WAIT)
                .until(() -> binding.waiting() && binding.failedAttempts() >= 3);
        assertThat(records(Topics.BACKUP_FAILED))
                .as("no BackupFailed during the outage")
                .isEmpty();
        assertThat(records(Topics.BACKUP_COMPLETED)).isEmpty();

        s3 = S3ProxyServer.start(s3Dir, s3.bucket(), s3.accessKey(), s3.secretKey(), port);

        Awaitility.await("the backup completed once the store is back")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        !matching(records(Topics.BACKUP_COMPLETED), requestId).isEmpty());
        List<ConsumerRecord<String, byte[]>> completions = matching(records(Topics.BACKUP_COMPLETED), requestId);
        assertThat(completions).hasSize(1);
        BackupCompleted completed = EventJson.read(completions.getFirst().value(), BackupCompleted.class);
        assertThat(store.list(completed.prefix()))
                .containsExactly(completed.artifact().key(), completed.manifestKey());
        assertThat(store.list(ObjectStoreAttemptLedger.PREFIX)).isEmpty();
        assertThat(records(Topics.BACKUP_FAILED)).as("no BackupFailed").isEmpty();
        assertThat(records(Topics.deadLetter(Topics.BACKUP_REQUESTED)))
                .as("nothing dead-lettered")
                .isEmpty();
        Awaitility.await("the consumer no longer waiting").atMost(WAIT).until(() -> !binding.waiting());
    }

    /**
     * A {@code pg_dump} stand-in: the real one, whose output stops after its first 64 KiB (the multipart upload
     * has not sent anything yet: a part is 16 MiB) until the file {@code gate} is gone; {@code started} marks that
     * point.
     */
    private static Path writePgDumpWrapper(Path dir) throws Exception {
        Path script = dir.resolve("pg_dump");
        Files.writeString(script, """
                #!/bin/sh
                if [ "$1" = "--version" ]; then exec pg_dump --version; fi
                pg_dump "$@" | {
                  dd bs=65536 count=1 2>/dev/null
                  touch '%1$s/started'
                  while [ -e '%1$s/gate' ]; do sleep 0.1; done
                  cat
                }
                """.formatted(dir));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** Every record of {@code topic} up to its end at the time of the call. */
    private List<ConsumerRecord<String, byte[]>> records(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(WAIT);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end within " + WAIT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
        }
        return found;
    }

    private static List<ConsumerRecord<String, byte[]>> matching(
            List<ConsumerRecord<String, byte[]>> records, String text) {
        return records.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(text))
                .toList();
    }
}
