package io.bulwark.dumpworker;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupProgressed;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.Topics;
import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.embedded.S3ProxyServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dump-worker end to end on real components: an embedded KRaft Kafka broker, S3Proxy and the
 * machine's PostgreSQL with real {@code pg_dump}, {@code zstd} and {@code pg_restore}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
            "spring.cloud.stream.bindings.backupRequested-in-0.consumer.back-off-initial-interval=100",
            "bulwark.storage.part-size=5MB"
        })
@EmbeddedKafka(
        partitions = 3,
        topics = {Topics.BACKUP_REQUESTED, Topics.BACKUP_COMPLETED, Topics.BACKUP_FAILED, "bulwark.backup.requested.dlq"
        })
class DumpWorkerIT {

    private static final PostgresDatabases POSTGRES = PostgresDatabases.local();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path s3Dir;

    @TempDir
    static Path binDir;

    private static S3ProxyServer s3;
    private static String sourceDb;
    private static String brokenDb;
    private static String slowDb;
    private static Path pgDumpWrapper;

    @Autowired
    MinioObjectStore store;

    @Autowired
    @Qualifier("requestConsumerHealthIndicator")
    HealthIndicator requestConsumer;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @BeforeAll
    static void startComponents() throws Exception {
        s3 = S3ProxyServer.start(s3Dir, "bulwark-it");
        brokenDb = POSTGRES.createUnique("bulwark_dumpworker_broken");
        slowDb = POSTGRES.createUnique("bulwark_dumpworker_slow");
        POSTGRES.execute(
                slowDb,
                "CREATE TABLE note (id int, body text);"
                        + " INSERT INTO note SELECT g, md5(g::text) FROM generate_series(1, 20000) g;");
        pgDumpWrapper = writePgDumpWrapper(binDir, brokenDb, slowDb);
        sourceDb = POSTGRES.createUnique("bulwark_dumpworker_it");
        POSTGRES.execute(sourceDb, """
                CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
                CREATE TABLE customer (id serial PRIMARY KEY, name text NOT NULL, feeling mood);
                CREATE TABLE invoice (id bigint PRIMARY KEY, customer_id int REFERENCES customer(id), total numeric);
                CREATE TABLE reading (id int, taken date NOT NULL) PARTITION BY RANGE (taken);
                CREATE TABLE reading_2025 PARTITION OF reading FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                CREATE TABLE reading_2026 PARTITION OF reading FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                CREATE VIEW big_invoice AS SELECT * FROM invoice WHERE total > 100;
                CREATE MATERIALIZED VIEW invoice_sum AS SELECT sum(total) AS s FROM invoice;
                INSERT INTO customer (name, feeling) SELECT 'c' || g, 'ok' FROM generate_series(1, 120) g;
                INSERT INTO invoice SELECT g, 1 + g % 120, g * 1.5 FROM generate_series(1, 5000) g;
                INSERT INTO reading SELECT g, DATE '2025-03-01' + (g % 500) FROM generate_series(1, 2000) g;
                """);
    }

    @AfterAll
    static void stopComponents() {
        POSTGRES.drop(sourceDb);
        POSTGRES.drop(brokenDb);
        POSTGRES.drop(slowDb);
        s3.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("bulwark.storage.endpoint", () -> s3.endpoint());
        registry.add("bulwark.storage.access-key", () -> s3.accessKey());
        registry.add("bulwark.storage.secret-key", () -> s3.secretKey());
        registry.add("bulwark.storage.bucket", () -> s3.bucket());
        registry.add("bulwark.storage.region", () -> s3.region());
        registry.add("bulwark.targets.it-src.host", POSTGRES::host);
        registry.add("bulwark.targets.it-src.port", POSTGRES::port);
        registry.add("bulwark.targets.it-src.database", () -> sourceDb);
        registry.add("bulwark.targets.it-src.username", POSTGRES::username);
        registry.add("bulwark.targets.it-src.dump-timeout", () -> "5m");
        registry.add("bulwark.dump-worker.pg-dump-program", () -> pgDumpWrapper.toString());
        registry.add("bulwark.targets.it-broken.host", POSTGRES::host);
        registry.add("bulwark.targets.it-broken.port", POSTGRES::port);
        registry.add("bulwark.targets.it-broken.database", () -> brokenDb);
        registry.add("bulwark.targets.it-broken.username", POSTGRES::username);
        registry.add("bulwark.targets.it-slow.host", POSTGRES::host);
        registry.add("bulwark.targets.it-slow.port", POSTGRES::port);
        registry.add("bulwark.targets.it-slow.database", () -> slowDb);
        registry.add("bulwark.targets.it-slow.username", POSTGRES::username);
        registry.add("bulwark.dump-worker.progress-interval", () -> "100ms");
        registry.add("bulwark.targets.it-wrongdb.host", POSTGRES::host);
        registry.add("bulwark.targets.it-wrongdb.port", POSTGRES::port);
        registry.add("bulwark.targets.it-wrongdb.database", () -> "bulwark_no_such_database");
        registry.add("bulwark.targets.it-wrongdb.username", POSTGRES::username);
    }

    @Test
    void theRequestConsumerReportsUpOnceItHasStarted() {
        // the consumer starts after the application is ready and the JIT compilers settled (the warm-up is on here)
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(requestConsumer.health().getStatus()).isEqualTo(Status.UP));
        assertThat(requestConsumer.health().getDetails()).containsEntry("binding", "backupRequested-in-0");
    }

    @Test
    void aPlainJsonRequestFromAnotherSystemEndsAsAVerifiableArtifact(@TempDir Path work) throws Exception {
        String requestId = UUID.randomUUID().toString();
        RequestTopic.publish(brokers, "it-src", "{\"requestId\":\"" + requestId + "\",\"targetId\":\"it-src\"}");

        ConsumerRecord<String, byte[]> record =
                await(Topics.BACKUP_COMPLETED, r -> new String(r.value(), StandardCharsets.UTF_8).contains(requestId));
        assertThat(record.key()).isEqualTo("it-src");
        assertThat(header(record, EventHeaders.CE_TYPE)).isEqualTo(Topics.BACKUP_COMPLETED);
        assertThat(header(record, EventHeaders.CE_SOURCE)).isEqualTo("/bulwark/dump-worker");
        BackupCompleted completed = EventJson.read(record.value(), BackupCompleted.class);
        assertThat(completed.backupId()).hasToString(requestId);
        assertThat(completed.prefix()).startsWith("it-src/").endsWith("_" + requestId.substring(0, 8) + "/");
        assertThat(completed.artifact().key()).isEqualTo(completed.prefix() + ObjectKeys.PG_CUSTOM_ZSTD);
        assertThat(completed.artifact().codecs()).containsExactly("zstd");
        assertThat(completed.sourceStatistics().tables()).isEqualTo(5);

        assertThat(store.list(completed.prefix()))
                .containsExactly(completed.artifact().key(), completed.manifestKey());
        Manifest manifest = ManifestJson.load(store, completed.manifestKey());
        assertThat(manifest.backupId()).hasToString(requestId);
        assertThat(manifest.rowCountMethod())
                .contains("pg_export_snapshot", "--snapshot")
                .isNotBlank();
        assertThat(manifest.source().snapshotId()).isNotBlank();
        assertThat(manifest.tool().version()).startsWith("pg_dump (PostgreSQL)");
        assertThat(manifest.inventory().tables())
                .containsExactly(
                        new TableInfo("public", "customer", POSTGRES.countRows(sourceDb, "public.customer")),
                        new TableInfo("public", "invoice", POSTGRES.countRows(sourceDb, "public.invoice")),
                        new TableInfo("public", "reading", POSTGRES.countRows(sourceDb, "public.reading"), true),
                        new TableInfo("public", "reading_2025", POSTGRES.countRows(sourceDb, "public.reading_2025")),
                        new TableInfo("public", "reading_2026", POSTGRES.countRows(sourceDb, "public.reading_2026")));
        assertThat(manifest.inventory().views()).containsExactly("public.big_invoice");
        assertThat(manifest.inventory().materializedViews()).containsExactly("public.invoice_sum");
        assertThat(ManifestJson.toBytes(manifest))
                .asString(StandardCharsets.UTF_8)
                .doesNotContain(s3.secretKey());

        Path zst = work.resolve("dump.pgcustom.zst");
        try (InputStream in = store.get(completed.artifact().key())) {
            Files.copy(in, zst, StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.size(zst)).isEqualTo(completed.artifact().storedBytes());
        Path dump = work.resolve("dump.pgcustom");
        assertThat(run(work, "/usr/bin/zstd", "-d", "-q", zst.toString(), "-o", dump.toString()))
                .isZero();
        assertThat(Files.size(dump)).isEqualTo(completed.artifact().rawBytes());
        Path list = work.resolve("list.txt");
        assertThat(run(work, "pg_restore", "--list", "--file=" + list, dump.toString()))
                .isZero();
        assertThat(Files.readString(list)).contains("TABLE DATA public invoice", "TABLE DATA public reading_2025");
    }

    @Test
    void aMissingDatabaseEndsAsBackupFailedWithNothingStored() throws Exception {
        String requestId = UUID.randomUUID().toString();
        RequestTopic.publish(
                brokers,
                "it-wrongdb",
                "{\"requestId\":\"" + requestId + "\",\"targetId\":\"it-wrongdb\",\"label\":\"manual\"}");

        ConsumerRecord<String, byte[]> record =
                await(Topics.BACKUP_FAILED, r -> new String(r.value(), StandardCharsets.UTF_8).contains(requestId));
        BackupFailed failed = EventJson.read(record.value(), BackupFailed.class);
        assertThat(failed.reason()).isEqualTo(FailureReason.DATABASE_MISSING);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(failed.message()).contains("bulwark_no_such_database");
        assertThat(header(record, EventHeaders.CE_TYPE)).isEqualTo(Topics.BACKUP_FAILED);
        assertThat(store.list("it-wrongdb/")).isEmpty();
    }

    @Test
    void aDumpToolFailingAfterSeveralMegabytesAbortsTheUploadAndReportsItsStderr() throws Exception {
        String requestId = UUID.randomUUID().toString();
        RequestTopic.publish(brokers, "it-broken", "{\"requestId\":\"" + requestId + "\",\"targetId\":\"it-broken\"}");

        BackupFailed failed = EventJson.read(
                await(Topics.BACKUP_FAILED, r -> new String(r.value(), StandardCharsets.UTF_8).contains(requestId))
                        .value(),
                BackupFailed.class);
        assertThat(failed.reason()).isEqualTo(FailureReason.PERMISSION_DENIED);
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.message()).contains("permission denied for table secret");
        assertThat(failed.retryable()).isFalse();
        assertThat(store.list("it-broken/")).isEmpty();
    }

    /**
     * A {@code pg_dump} stand-in: the real one for every database but {@code brokenDb}, for which it
     * writes 7 MiB (more than one 5 MiB part, so the multipart upload has begun) and then fails the way
     * {@code pg_dump} does when the role may not read a table; for {@code slowDb} the real dump, paused
     * for a second after its first 64 KiB, so that it runs long enough to report progress.
     */
    private static Path writePgDumpWrapper(Path dir, String brokenDb, String slowDb) throws Exception {
        Path script = dir.resolve("pg_dump");
        Files.writeString(script, """
                #!/bin/sh
                if [ "$1" = "--version" ]; then exec pg_dump --version; fi
                if [ "$PGDATABASE" = "%s" ]; then
                  head -c 7340032 /dev/urandom
                  echo "pg_dump: error: query failed: ERROR:  permission denied for table secret" >&2
                  exit 1
                fi
                if [ "$PGDATABASE" = "%s" ]; then
                  pg_dump "$@" | { dd bs=65536 count=1 2>/dev/null; sleep 1; cat; }
                  exit $?
                fi
                exec pg_dump "$@"
                """.formatted(brokenDb, slowDb));
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void aLongDumpPublishesProgressBeforeItCompletes() throws Exception {
        String requestId = UUID.randomUUID().toString();
        RequestTopic.publish(brokers, "it-slow", "{\"requestId\":\"" + requestId + "\",\"targetId\":\"it-slow\"}");

        BackupCompleted completed = EventJson.read(
                await(Topics.BACKUP_COMPLETED, r -> new String(r.value(), StandardCharsets.UTF_8).contains(requestId))
                        .value(),
                BackupCompleted.class);
        List<BackupProgressed> progress = awaitCount(
                        Topics.BACKUP_PROGRESS,
                        r -> new String(r.value(), StandardCharsets.UTF_8).contains(requestId),
                        3)
                .stream()
                .map(r -> EventJson.read(r.value(), BackupProgressed.class))
                .toList();
        assertThat(progress).allSatisfy(p -> {
            assertThat(p.targetId()).isEqualTo("it-slow");
            assertThat(p.bytesRead()).isBetween(0L, completed.artifact().rawBytes());
            assertThat(p.elapsedMillis()).isPositive();
        });
        assertThat(progress).anySatisfy(p -> assertThat(p.bytesRead()).isPositive());
        assertThat(completed.artifact().rawBytes()).isGreaterThan(65536);
    }

    @Test
    void anUnknownTargetEndsAsBackupFailedUnknownTarget() throws Exception {
        String requestId = UUID.randomUUID().toString();
        RequestTopic.publish(brokers, "nobody", "{\"requestId\":\"" + requestId + "\",\"targetId\":\"nobody\"}");
        BackupFailed failed = EventJson.read(
                await(Topics.BACKUP_FAILED, r -> new String(r.value(), StandardCharsets.UTF_8).contains(requestId))
                        .value(),
                BackupFailed.class);
        assertThat(failed.reason()).isEqualTo(FailureReason.UNKNOWN_TARGET);
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void aMalformedMessageGoesToTheDeadLetterTopicAndTheNextOneIsStillProcessed() throws Exception {
        String marker = "not-json-" + UUID.randomUUID();
        RequestTopic.publish(brokers, "it-src", "{" + marker);
        ConsumerRecord<String, byte[]> dead = await(
                Topics.deadLetter(Topics.BACKUP_REQUESTED),
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker));
        assertThat(dead.value()).asString(StandardCharsets.UTF_8).isEqualTo("{" + marker);

        String requestId = UUID.randomUUID().toString();
        RequestTopic.publish(
                brokers, "it-src", "{\"requestId\":\"" + requestId + "\",\"targetId\":\"it-src\",\"tier\":\"DAILY\"}");
        BackupCompleted completed = EventJson.read(
                await(Topics.BACKUP_COMPLETED, r -> new String(r.value(), StandardCharsets.UTF_8).contains(requestId))
                        .value(),
                BackupCompleted.class);
        assertThat(completed.prefix()).contains("/daily_");
    }

    @Test
    void aRequestDeliveredTwiceNamesOneBackup() throws Exception {
        String requestId = UUID.randomUUID().toString();
        String json = "{\"requestId\":\"" + requestId + "\",\"targetId\":\"it-src\",\"label\":\"twice\"}";
        RequestTopic.publish(brokers, "it-src", json);
        BackupCompleted first = EventJson.read(
                await(Topics.BACKUP_COMPLETED, r -> new String(r.value(), StandardCharsets.UTF_8).contains(requestId))
                        .value(),
                BackupCompleted.class);
        RequestTopic.publish(brokers, "it-src", json);
        List<ConsumerRecord<String, byte[]>> both = awaitCount(
                Topics.BACKUP_COMPLETED, r -> new String(r.value(), StandardCharsets.UTF_8).contains(requestId), 2);
        BackupCompleted second = EventJson.read(both.get(1).value(), BackupCompleted.class);
        assertThat(second.eventId()).isEqualTo(first.eventId());
        assertThat(second.prefix()).isEqualTo(first.prefix());
        assertThat(store.list("it-src/").stream().filter(k -> k.contains("_" + requestId.substring(0, 8) + "/")))
                .hasSize(2);
    }

    private ConsumerRecord<String, byte[]> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        return awaitCount(topic, match, 1).getFirst();
    }

    private List<ConsumerRecord<String, byte[]>> awaitCount(
            String topic, Predicate<ConsumerRecord<String, byte[]>> match, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(r)) {
                        found.add(r);
                    }
                }
                if (found.size() >= count) {
                    return found;
                }
            }
        }
        throw new AssertionError("expected " + count + " matching record(s) on " + topic + " within " + WAIT
                + " but found " + found.size());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int run(Path dir, String... argv) throws Exception {
        Process p = new ProcessBuilder(argv)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out-" + UUID.randomUUID() + ".log").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
