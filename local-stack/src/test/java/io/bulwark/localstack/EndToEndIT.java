package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.embedded.PostgresDatabases;
import io.minio.CopyObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.SourceObject;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on real components: Kafka and S3Proxy in this JVM, the machine's PostgreSQL for the services'
 * state and the Chinook source, the five service jars as child JVMs, and a webhook receiver for the notifier.
 */
class EndToEndIT {

    private static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(6);
    private static final Set<String> FINAL_STATES = SchedulerClient.FINAL_STATES;

    @TempDir
    static Path workDir;

    static final PostgresDatabases pg = PostgresDatabases.local();
    static final List<String> webhookBodies = new CopyOnWriteArrayList<>();
    static HttpServer webhook;
    static String stateDb;
    static String sourceDb;
    static Stack stack;
    static SchedulerClient scheduler;
    static UUID chinookBackup;
    static SchedulerClient.BackupStatus chinookStatus;

    @BeforeAll
    static void startStackAndBackUpChinook() throws Exception {
        Path home = repositoryRoot();
        assertThat(Stack.missingJars(home))
                .as("service jars are built before local-stack (./mvnw -B -DskipTests install)")
                .isEmpty();
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                webhookBodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();

        stateDb = pg.createUnique("e2e_state");
        sourceDb = pg.createUnique("e2e_chinook");
        pg.loadChinook(sourceDb);

        PostgresLocation state = new PostgresLocation(pg.host(), pg.port(), stateDb, pg.username(), null);
        stack = Stack.start(new Stack.Settings(
                workDir,
                home,
                false,
                state,
                "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook",
                List.of(),
                Duration.ofMinutes(5),
                System.out));
        stack.startServices(List.of(
                new ConfigFile.Target("chinook", state.withDatabase(sourceDb).toDatabaseLocation(), null)));
        scheduler = new SchedulerClient(stack.schedulerUrl());

        chinookBackup = scheduler.requestBackup("chinook", "e2e");
        chinookStatus = scheduler
                .await(chinookBackup, FINAL_STATES, BACKUP_TIMEOUT)
                .orElseThrow(() -> new AssertionError("the scheduler never showed backup " + chinookBackup));
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
        if (webhook != null) {
            webhook.stop(0);
        }
        if (stateDb != null) {
            pg.drop(stateDb);
        }
        if (sourceDb != null) {
            pg.drop(sourceDb);
        }
    }

    @Test
    void aRequestedChinookBackupIsVerifiedWithEveryTablesRowCount() {
        assertThat(chinookStatus.state()).as(chinookStatus.json()).isEqualTo("VERIFIED");
        assertThat(chinookStatus.reportKey()).as(chinookStatus.json()).isNotBlank();

        VerificationReport report =
                Reports.parse(Reports.read(stack.s3Client(), Stack.BUCKET, chinookStatus.reportKey()));

        assertThat(report.backupId()).isEqualTo(chinookBackup);
        assertThat(report.outcome()).as(Reports.render(report)).isEqualTo(Outcome.PASSED);
        assertThat(report.tables()).hasSize(11);
        Map<String, Long> actual = pg.chinookRowCounts(sourceDb);
        for (TableRows t : report.tables()) {
            assertThat(t.restoredRows()).as(t.name()).isEqualTo(t.sourceRows());
            assertThat(t.sourceRows()).as(t.name()).isEqualTo(actual.get(t.name()));
        }
        assertThat(report.timings().restoreMillis()).isPositive();
    }

    @Test
    void anArtifactWithOneByteChangedFailsVerificationAndIsNotified() throws Exception {
        assertThat(chinookStatus.state())
                .as("needs the verified Chinook backup")
                .isEqualTo("VERIFIED");
        BackupCompleted original = completedEvent(chinookBackup);
        UUID tamperedId = UUID.randomUUID();
        String prefix = ObjectKeys.backupPrefix(original.targetId(), "tampered", Instant.now(), tamperedId);
        String dumpKey = copyWithOneByteChanged(original, prefix);
        copyManifestPointingAt(original, tamperedId, dumpKey, ObjectKeys.manifestKey(prefix));

        BackupCompleted tampered = new BackupCompleted(
                UUID.randomUUID(),
                Instant.now(),
                BackupCompleted.SCHEMA_VERSION,
                tamperedId,
                tamperedId,
                original.targetId(),
                "tampered",
                original.tier(),
                original.trigger(),
                prefix,
                new ArtifactRef(
                        original.artifact().bucket(),
                        dumpKey,
                        original.artifact().format(),
                        original.artifact().codecs(),
                        original.artifact().storedBytes(),
                        original.artifact().rawBytes(),
                        original.artifact().sha256(),
                        original.artifact().rawSha256()),
                ObjectKeys.manifestKey(prefix),
                original.sourceStatistics(),
                original.startedAt(),
                original.completedAt(),
                original.dumpMillis());
        publish(tampered);

        SchedulerClient.BackupStatus status = scheduler
                .await(tamperedId, FINAL_STATES, BACKUP_TIMEOUT)
                .orElseThrow(() -> new AssertionError("the scheduler never showed backup " + tamperedId));
        assertThat(status.state()).as(status.json()).isEqualTo("VERIFICATION_FAILED");

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (webhookBodies.stream().noneMatch(b -> b.contains(tamperedId.toString()))
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(webhookBodies).as("webhook notifications").anyMatch(b -> b.contains(tamperedId.toString()));
    }

    private static String copyWithOneByteChanged(BackupCompleted original, String prefix) throws Exception {
        MinioClient s3 = stack.s3Client();
        String bucket = original.artifact().bucket();
        String dumpKey = null;
        for (Result<Item> r : s3.listObjects(ListObjectsArgs.builder()
                .bucket(bucket)
                .prefix(original.prefix())
                .recursive(true)
                .build())) {
            String key = r.get().objectName();
            String name = key.substring(original.prefix().length());
            if (name.startsWith("verification.") || name.equals(ObjectKeys.MANIFEST)) {
                continue;
            }
            String copy = ObjectKeys.inPrefix(prefix, name);
            if (key.equals(original.artifact().key())) {
                byte[] dump = Reports.read(s3, bucket, key);
                dump[dump.length / 2] ^= 0x01;
                s3.putObject(PutObjectArgs.builder().bucket(bucket).object(copy).stream(
                                new ByteArrayInputStream(dump), (long) dump.length, -1L)
                        .build());
                dumpKey = copy;
            } else {
                s3.copyObject(CopyObjectArgs.builder()
                        .bucket(bucket)
                        .object(copy)
                        .source(SourceObject.builder()
                                .bucket(bucket)
                                .object(key)
                                .build())
                        .build());
            }
        }
        assertThat(dumpKey).as("the original backup's dump object").isNotNull();
        return dumpKey;
    }

    /**
     * Writes the original manifest under the new prefix with the new backup's identity and its dump's new key; the
     * recorded sizes and checksums stay those of the genuine dump.
     */
    private static void copyManifestPointingAt(BackupCompleted original, UUID backupId, String dumpKey, String key)
            throws Exception {
        MinioClient s3 = stack.s3Client();
        String bucket = original.artifact().bucket();
        Manifest m = ManifestJson.read(Reports.read(s3, bucket, original.manifestKey()));
        ArtifactRef a = m.artifact();
        Manifest copy = new Manifest(
                m.schemaVersion(),
                backupId,
                backupId,
                m.targetId(),
                "tampered",
                m.tier(),
                m.trigger(),
                m.startedAt(),
                m.completedAt(),
                m.source(),
                m.tool(),
                new ArtifactRef(
                        a.bucket(),
                        dumpKey,
                        a.format(),
                        a.codecs(),
                        a.storedBytes(),
                        a.rawBytes(),
                        a.sha256(),
                        a.rawSha256()),
                m.inventory(),
                m.rowCountMethod());
        byte[] json = ManifestJson.toBytes(copy);
        s3.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(
                        new ByteArrayInputStream(json), (long) json.length, -1L)
                .contentType(ManifestJson.CONTENT_TYPE)
                .build());
    }

    private static BackupCompleted completedEvent(UUID backupId) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.BACKUP_COMPLETED));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<UUID> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    BackupCompleted e = EventJson.read(r.value(), BackupCompleted.class);
                    if (e.backupId().equals(backupId)) {
                        return e;
                    }
                    seen.add(e.backupId());
                }
            }
            throw new AssertionError(
                    "no BackupCompleted for " + backupId + " on " + Topics.BACKUP_COMPLETED + "; saw " + seen);
        }
    }

    private static void publish(BackupCompleted event) throws Exception {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(Topics.BACKUP_COMPLETED, event.targetId(), EventJson.toBytes(event));
            EventHeaders.cloudEventHeaders(event, "/bulwark/end-to-end-test")
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    private static Path repositoryRoot() {
        String basedir = System.getProperty("basedir");
        Path module = basedir == null
                ? Path.of("").toAbsolutePath()
                : Path.of(basedir).toAbsolutePath();
        return module.getParent();
    }
}
