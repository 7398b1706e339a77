package io.bulwark.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCopyUpdated;
import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.CopyState;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.embedded.KafkaEventClients;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.retention.adapter.scheduling.CopyJob;
import io.bulwark.retention.adapter.storage.S3CopyStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * 3-2-1 copies end to end on real components: two S3Proxy servers (the primary store and the copy store {@code
 * offsite}, a second server on its own port and folder), PostgreSQL and an embedded KRaft broker. The copy store is
 * down while the first backups are verified; once it comes up on the same port, the copy job catches up and every
 * backup is copied once, with the artifact's SHA-256 matching; the copy store's own retention then removes copies
 * independently of the primary store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EmbeddedKafka(
        partitions = 1,
        topics = {
            Topics.BACKUP_VERIFIED,
            Topics.BACKUP_VERIFIED + Topics.DLQ_SUFFIX,
            Topics.BACKUP_DELETED,
            Topics.BACKUP_COPY
        },
        bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
class CopiesIT {

    private static final String TARGET = "chinook";
    private static final String COPY = "offsite";
    private static final String COPY_BUCKET = "bulwark-offsite";
    private static final String COPY_ACCESS = "offsite-access";
    private static final String COPY_SECRET = "offsite-secret-0123456789";
    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

    private static RetentionItComponents components;
    private static Path copyDir;
    private static Path keyDir;
    private static int copyPort;
    private static S3ProxyServer copyServer;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CopyJob copyJob;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void components(DynamicPropertyRegistry registry) throws IOException, SQLException {
        components = RetentionItComponents.start("retention_copies_it_", registry);
        copyDir = Files.createTempDirectory("retention-copies-it-offsite");
        keyDir = Files.createTempDirectory("retention-copies-it-keys");
        Path accessFile = Files.writeString(keyDir.resolve("access"), COPY_ACCESS + "\n");
        Path secretFile = Files.writeString(keyDir.resolve("secret"), COPY_SECRET + "\n");
        try (ServerSocket socket = new ServerSocket(0)) {
            copyPort = socket.getLocalPort();
        }
        String copy = "bulwark.copies." + COPY;
        registry.add(copy + ".endpoint", () -> "http://127.0.0.1:" + copyPort);
        registry.add(copy + ".bucket", () -> COPY_BUCKET);
        registry.add(copy + ".access-key-file", accessFile::toString);
        registry.add(copy + ".secret-key-file", secretFile::toString);
        registry.add(copy + ".part-size", () -> "5MB");
        registry.add(copy + ".retention.keep-last", () -> "3");
        registry.add("bulwark.copies.retry-interval", () -> "1s");
        registry.add("bulwark.targets." + TARGET + ".retention.keep-last", () -> "4");
        registry.add(
                "spring.cloud.stream.bindings.backupVerified-in-0.consumer.back-off-initial-interval", () -> "100");
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        if (copyServer != null) {
            copyServer.close();
        }
        FileSystemUtils.deleteRecursively(copyDir.toFile());
        FileSystemUtils.deleteRecursively(keyDir.toFile());
        if (components != null) {
            components.close();
        }
    }

    @Test
    void copiesEveryVerifiedBackupOnceAfterTheCopyStoreComesUpAndAppliesTheCopyStoresOwnRetention() throws Exception {
        S3ProxyServer s3 = components.s3();
        ObjectStore primary = new MinioObjectStore(
                ObjectStoreSettings.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.bucket()));
        Random random = new Random(42);
        List<Backup> backups = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            // day 2's artifact is larger than the copy store's part size: a multipart upload of a known length
            int size = day == 2 ? 6 * 1024 * 1024 + 123 : 50_000 + day;
            backups.add(store(primary, day, random, size));
        }

        try (KafkaProducer<String, byte[]> producer = KafkaEventClients.producer(broker.getBrokersAsString());
                KafkaConsumer<byte[], byte[]> copyEvents =
                        KafkaEventClients.consumer(broker.getBrokersAsString(), "copies-it", Topics.BACKUP_COPY);
                KafkaConsumer<byte[], byte[]> deletedEvents =
                        KafkaEventClients.consumer(broker.getBrokersAsString(), "copies-it", Topics.BACKUP_DELETED)) {
            // The copy store is down: each copy is attempted, FAILS and is announced FAILED once per backup.
            for (Backup backup : backups) {
                KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, backup.event());
            }
            List<BackupCopyUpdated> failed = events(KafkaEventClients.pollUntil(copyEvents, 4, Duration.ofSeconds(60)));
            assertThat(failed).extracting(BackupCopyUpdated::state).containsOnly(CopyState.FAILED);
            assertThat(failed)
                    .extracting(BackupCopyUpdated::backupId)
                    .containsExactlyInAnyOrderElementsOf(ids(backups));
            assertThat(failed).allSatisfy(e -> assertThat(e.detail()).contains("copy store"));
            await().atMost(Duration.ofSeconds(30)).until(() -> minAttempts() >= 2);
            assertThat(states()).containsOnlyKeys(ids(backups)).containsValues("FAILED");
            assertThat(uploads()).isZero();

            // Day 3's artifact is in the copy store already (same bytes, put there while the service cannot see the
            // store: through a server on another port over the same folder): it is not uploaded again.
            Backup preCopied = backups.get(3);
            try (S3ProxyServer aside = S3ProxyServer.start(copyDir, COPY_BUCKET, COPY_ACCESS, COPY_SECRET, 0)) {
                new MinioObjectStore(ObjectStoreSettings.of(aside.endpoint(), COPY_ACCESS, COPY_SECRET, COPY_BUCKET))
                        .putBytes(preCopied.artifactKey(), preCopied.artifact(), "application/octet-stream");
            }
            copyServer = S3ProxyServer.start(copyDir, COPY_BUCKET, COPY_ACCESS, COPY_SECRET, copyPort);
            ObjectStore copyStore = new MinioObjectStore(
                    ObjectStoreSettings.of(copyServer.endpoint(), COPY_ACCESS, COPY_SECRET, COPY_BUCKET));

            // The copy store is up (same port): the retry job catches up, each backup COPIED exactly once.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> states().values().stream().allMatch("COPIED"::equals));
            List<BackupCopyUpdated> copied = events(KafkaEventClients.pollUntil(copyEvents, 4, Duration.ofSeconds(30)));
            assertThat(copied).extracting(BackupCopyUpdated::state).containsOnly(CopyState.COPIED);
            assertThat(copied)
                    .extracting(BackupCopyUpdated::backupId)
                    .containsExactlyInAnyOrderElementsOf(ids(backups));
            for (Backup backup : backups) {
                BackupCopyUpdated event = copied.stream()
                        .filter(e -> e.backupId().equals(backup.id()))
                        .findFirst()
                        .orElseThrow();
                assertThat(event.sha256()).isEqualTo(backup.sha256());
                assertThat(event.copyId()).isEqualTo(COPY);
                assertThat(event.objects()).isEqualTo(3);
                assertThat(copyStore.list(backup.prefix())).isEqualTo(primary.list(backup.prefix()));
                assertThat(sha256(copyStore.get(backup.artifactKey()))).isEqualTo(backup.sha256());
                assertThat(copyStore.get(backup.manifestKey()).readAllBytes())
                        .isEqualTo(primary.get(backup.manifestKey()).readAllBytes());
            }
            // 4 backups x 3 objects, less the artifact that was there already: every object uploaded once.
            assertThat(uploads()).isEqualTo(11.0);
            assertThat(jdbc.sql("SELECT sha256 FROM retention.copies WHERE backup_id = ?")
                            .param(backups.get(2).id())
                            .query(String.class)
                            .single())
                    .isEqualTo(backups.get(2).sha256());

            // Redelivered events and more runs of the job copy nothing again and announce nothing again.
            for (Backup backup : backups) {
                KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, backup.event());
            }
            copyJob.trigger();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> uploads() == 11.0);
            assertThat(copyEvents.poll(Duration.ofSeconds(2)))
                    .as("no event announced twice")
                    .isEmpty();

            // A fifth backup: the primary (keep-last 4) deletes day 0, whose copy stays until its own policy lets it
            // go; the copy store (keep-last 3) then removes the copies of days 0 and 1, manifest first.
            Backup fifth = store(primary, 4, random, 70_000);
            backups.add(fifth);
            KafkaEventClients.send(producer, Topics.BACKUP_VERIFIED, fifth.event());
            assertThat(KafkaEventClients.pollUntil(deletedEvents, 1, Duration.ofSeconds(60)))
                    .extracting(
                            r -> EventJson.read(r.value(), BackupDeleted.class).backupId())
                    .containsExactly(backups.get(0).id());
            assertThat(primary.list(backups.get(0).prefix())).isEmpty();
            BackupCopyUpdated fifthCopied = events(KafkaEventClients.pollUntil(copyEvents, 1, Duration.ofSeconds(30)))
                    .getFirst();
            assertThat(fifthCopied.backupId()).isEqualTo(fifth.id());
            assertThat(fifthCopied.state()).isEqualTo(CopyState.COPIED);
            assertThat(copyStore.list(backups.get(0).prefix()))
                    .as("the copy outlives the primary")
                    .hasSize(3);

            copyJob.expireNow();
            List<BackupCopyUpdated> deleted =
                    events(KafkaEventClients.pollUntil(copyEvents, 2, Duration.ofSeconds(30)));
            assertThat(deleted).extracting(BackupCopyUpdated::state).containsOnly(CopyState.DELETED);
            assertThat(deleted)
                    .extracting(BackupCopyUpdated::backupId)
                    .containsExactlyInAnyOrder(
                            backups.get(0).id(), backups.get(1).id());
            assertThat(deleted).allSatisfy(e -> {
                assertThat(e.objects()).isEqualTo(3);
                assertThat(e.detail()).contains("keep-last=3");
            });
            assertThat(copyStore.list(backups.get(0).prefix())).isEmpty();
            assertThat(copyStore.list(backups.get(1).prefix())).isEmpty();
            assertThat(primary.list(backups.get(1).prefix()))
                    .as("the primary keeps day 1")
                    .hasSize(3);
            for (int day = 2; day <= 4; day++) {
                assertThat(copyStore.list(backups.get(day).prefix())).hasSize(3);
            }
            assertThat(states().get(backups.get(0).id())).isEqualTo("DELETED");
            copyJob.expireNow();
            assertThat(copyEvents.poll(Duration.ofSeconds(2)))
                    .as("a copy is deleted once")
                    .isEmpty();
        }
    }

    /** One backup stored in the primary: artifact, manifest naming its SHA-256, and a PASSED verification.json. */
    private record Backup(
            UUID id, String prefix, String artifactKey, byte[] artifact, String sha256, BackupVerified event) {
        String manifestKey() {
            return ObjectKeys.manifestKey(prefix);
        }
    }

    private static Backup store(ObjectStore primary, int day, Random random, int size) throws Exception {
        UUID backupId = UUID.randomUUID();
        Instant completedAt = T0.plus(Duration.ofDays(day));
        String prefix = ObjectKeys.backupPrefix(TARGET, "nightly", completedAt, backupId);
        byte[] artifact = new byte[size];
        random.nextBytes(artifact);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artifact));
        String artifactKey = ObjectKeys.pgDumpKey(prefix);
        primary.putBytes(artifactKey, artifact, "application/octet-stream");
        Manifest manifest = new Manifest(
                Manifest.SCHEMA_VERSION,
                backupId,
                backupId,
                TARGET,
                "nightly",
                Tier.DAILY,
                Trigger.SCHEDULED,
                completedAt.minusSeconds(60),
                completedAt,
                new Manifest.Source("postgresql", "15.20", 150020, "127.0.0.1", 5432, TARGET, null),
                new Manifest.Tool("pg_dump", "pg_dump (PostgreSQL) 15.20", "custom"),
                new ArtifactRef(
                        primary.bucket(), artifactKey, "pg_dump-custom", List.of("zstd"), size, size, sha256, sha256),
                SchemaInventory.ofTables(List.of()),
                "count(*)");
        ManifestJson.store(primary, ObjectKeys.manifestKey(prefix), manifest);
        BackupVerified event = new BackupVerified(
                UUID.randomUUID(),
                completedAt.plusSeconds(600),
                BackupVerified.SCHEMA_VERSION,
                backupId,
                TARGET,
                Outcome.PASSED,
                List.of(new CheckResult("checksum", CheckStatus.PASSED, "", 5)),
                null,
                "local",
                null,
                prefix,
                completedAt,
                Tier.DAILY);
        VerificationReport report = new VerificationReport(
                VerificationReport.SCHEMA_VERSION,
                backupId,
                TARGET,
                Outcome.PASSED,
                event.checks(),
                List.of(),
                null,
                "local",
                null,
                null,
                null,
                null,
                event.occurredAt());
        primary.putBytes(ObjectKeys.verificationKey(prefix), EventJson.toBytes(report), "application/json");
        return new Backup(backupId, prefix, artifactKey, artifact, sha256, event);
    }

    private static List<BackupCopyUpdated> events(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream()
                .filter(r -> r.topic().equals(Topics.BACKUP_COPY))
                .map(r -> EventJson.read(r.value(), BackupCopyUpdated.class))
                .toList();
    }

    private static List<UUID> ids(List<Backup> backups) {
        return backups.stream().map(Backup::id).toList();
    }

    private Map<UUID, String> states() {
        return jdbc
                .sql("SELECT backup_id, state FROM retention.copies WHERE copy_id = ?")
                .param(COPY)
                .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private int minAttempts() {
        return jdbc.sql("SELECT coalesce(min(attempts), 0) FROM retention.copies")
                .query(Integer.class)
                .single();
    }

    private double uploads() {
        return meters.counter(S3CopyStore.UPLOADS, "copy", COPY).count();
    }

    private static String sha256(InputStream in) throws Exception {
        try (in) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
