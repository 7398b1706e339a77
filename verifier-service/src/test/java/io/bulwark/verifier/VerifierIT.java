package io.bulwark.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.CaptureStream;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.OpenPgpEncryption;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.SourceHealth;
import io.bulwark.contracts.SourceStatistics;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.contracts.VerificationRequested;
import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.embedded.QuietLogging;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.postgres.LocalPostgresInstance;
import io.bulwark.engines.postgres.PgDumpSession;
import io.bulwark.engines.postgres.PgDumpTool;
import io.bulwark.engines.postgres.PostgresConnectionSpec;
import io.bulwark.engines.postgres.PostgresInspector;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.testsupport.GnuPgHome;
import io.bulwark.verifier.adapter.sandbox.TinySources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The verifier end to end on real components: an embedded KRaft Kafka broker, S3Proxy, the machine's
 * PostgreSQL as the source (Chinook plus a partitioned table, views, a trigger, a custom type), real
 * {@code pg_dump} artifacts, and local sandboxes from the machine's server binaries.
 */
@SpringBootTest(
        classes = VerifierApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.min-partition-count=1")
@EmbeddedKafka(
        partitions = 1,
        topics = {Topics.BACKUP_COMPLETED, Topics.BACKUP_VERIFIED, Topics.VERIFICATION_REQUESTED},
        bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
class VerifierIT {

    private static final String BUCKET = "bulwark";
    private static final String TARGET = "chinook";
    private static final Duration WAIT = Duration.ofSeconds(120);

    private static Path root;
    private static Path workDir;
    private static S3ProxyServer s3;
    private static MinioObjectStore store;
    private static final PostgresDatabases SOURCE = PostgresDatabases.local();
    private static String sourceDb;

    @Autowired
    EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startStoreAndSourceDatabase() throws Exception {
        QuietLogging.apply();
        sourceDb = SOURCE.createUnique("verifier_it");
        SOURCE.loadChinook(sourceDb);
        SOURCE.execute(sourceDb, """
                CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
                CREATE TABLE feedback (id bigserial, m mood NOT NULL, at date NOT NULL, PRIMARY KEY (id, at))
                    PARTITION BY RANGE (at);
                CREATE TABLE feedback_2025 PARTITION OF feedback FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                CREATE TABLE feedback_2026 PARTITION OF feedback FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                INSERT INTO feedback (m, at)
                    SELECT (ARRAY['sad','ok','happy'])[1 + g % 3]::mood, date '2025-06-01' + (g % 400)
                    FROM generate_series(1, 1500) g;
                CREATE VIEW long_tracks AS SELECT * FROM track WHERE milliseconds > 600000;
                CREATE MATERIALIZED VIEW genre_counts AS
                    SELECT genre_id, count(*) AS n FROM track GROUP BY genre_id;
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN NEW.at := coalesce(NEW.at, current_date); RETURN NEW; END $$;
                CREATE TRIGGER feedback_touch BEFORE INSERT ON feedback_2026 FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE EXTENSION btree_gist;
                CREATE DOMAIN contact_email AS text CHECK (VALUE ~ '^[^@ ]+@[^@ ]+$');
                CREATE DOMAIN positive_price AS numeric(10, 2) CHECK (VALUE > 0);
                CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
                CREATE TABLE booking (
                    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    room int NOT NULL,
                    during tstzrange NOT NULL,
                    price positive_price NOT NULL,
                    contact contact_email,
                    span floatrange,
                    gross numeric GENERATED ALWAYS AS (price * 1.2) STORED,
                    EXCLUDE USING gist (room WITH =, during WITH &&));
                INSERT INTO booking (room, during, price, contact, span)
                    SELECT g % 7, tstzrange(timestamptz '2026-01-01 00:00+00' + (g / 7) * interval '3 days',
                               timestamptz '2026-01-01 00:00+00' + (g / 7) * interval '3 days' + interval '2 days'),
                           100 + g, 'guest' || g || '@example.com', floatrange(g, g + 0.5)
                    FROM generate_series(1, 700) g;
                ALTER TABLE booking ENABLE ROW LEVEL SECURITY;
                ALTER TABLE booking FORCE ROW LEVEL SECURITY;
                CREATE POLICY booking_open_rooms ON booking USING (room > 0);
                """);
        root = Files.createTempDirectory("verifier-it");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        workDir = Files.createDirectories(root.resolve("sandboxes"));
        s3 = S3ProxyServer.start(root.resolve("s3"), BUCKET);
        store = new MinioObjectStore(ObjectStoreSettings.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), BUCKET));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("bulwark.storage.endpoint", () -> s3.endpoint());
        registry.add("bulwark.storage.access-key", () -> s3.accessKey());
        registry.add("bulwark.storage.secret-key", () -> s3.secretKey());
        registry.add("bulwark.storage.bucket", () -> BUCKET);
        registry.add("bulwark.verifier.sandbox.work-dir", () -> workDir.toString());
        registry.add("bulwark.verifier.sandbox.restore-timeout", () -> "5m");
        registry.add("bulwark.verifier.retry.initial-backoff", () -> "10ms");
        registry.add("bulwark.verifier.retry.max-backoff", () -> "50ms");
        registry.add("bulwark.targets.chinook.verification.critical-tables[0]", () -> "public.track");
        registry.add("bulwark.targets.chinook.verification.critical-tables[1]", () -> "public.feedback_2025");
        registry.add("bulwark.targets.chinook.verification.assertions[0].name", () -> "tracks");
        registry.add("bulwark.targets.chinook.verification.assertions[0].sql", () -> "SELECT count(*) FROM track");
        registry.add("bulwark.targets.chinook.verification.assertions[0].expect", () -> "3503");
        registry.add("bulwark.targets.chinook.verification.rto", () -> "30m");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (sourceDb != null) {
            SOURCE.drop(sourceDb);
        }
        if (root != null) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @AfterEach
    void noSandboxIsLeftBehind() throws Exception {
        // the PostgreSQL sandboxes' initdb template stays for the next sandbox
        TinySources.assertWorkDirEmpty(workDir, LocalPostgresInstance.TEMPLATE_PREFIX);
    }

    @Test
    void anHonestBackupIsRestoredAndPassesWithEqualRowCountsOnceEvenWhenDeliveredTwice() throws Exception {
        Backup backup = captureBackup();

        try (KafkaConsumer<String, byte[]> verified = subscribe(Topics.BACKUP_VERIFIED)) {
            publish(backup.completed());
            ConsumerRecord<String, byte[]> record =
                    awaitVerified(verified, backup.completed().backupId());

            BackupVerified event = EventJson.read(record.value(), BackupVerified.class);
            assertThat(event.checks())
                    .filteredOn(c -> !c.name().equals("source-health"))
                    .extracting(CheckResult::status)
                    .containsOnly(CheckStatus.PASSED);
            assertThat(event.checks())
                    .filteredOn(c -> c.name().equals("source-health"))
                    .singleElement()
                    .as("this test's manifest records no source health, as an older dump-worker's")
                    .satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.SKIPPED));
            assertThat(event.checks())
                    .filteredOn(c -> c.name().equals("archive"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.detail()).matches("pg_restore --list read \\d+ TOC entries"));
            assertThat(event.outcome()).as(event.checks().toString()).isEqualTo(Outcome.PASSED);
            assertThat(event.checks())
                    .extracting(CheckResult::name)
                    .containsSubsequence("checksum", "archive", "restore")
                    .contains(
                            "checksum",
                            "restore",
                            "tables",
                            "row-counts",
                            "schema",
                            "large-objects",
                            "foreign-keys",
                            "indexes",
                            "sequences",
                            "source-health");
            assertThat(event.checks())
                    .filteredOn(c -> c.name().equals("large-objects"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.detail()).isEqualTo("0 large objects, as the manifest counts"));
            assertThat(event.reportKey()).isEqualTo(backup.prefix() + ObjectKeys.VERIFICATION_JSON);
            assertThat(event.reportPageKey()).isEqualTo(backup.prefix() + ObjectKeys.VERIFICATION_HTML);
            assertThat(event.prefix()).isEqualTo(backup.prefix());
            assertThat(event.tier()).isEqualTo(Tier.ADHOC);
            assertThat(event.backupCompletedAt()).isEqualTo(backup.completed().completedAt());
            assertThat(event.sandboxKind()).isEqualTo("local");
            assertThat(event.timings().restoreMillis()).isPositive();
            assertThat(record.key()).isEqualTo(TARGET);
            assertThat(header(record, EventHeaders.CE_TYPE)).isEqualTo(Topics.BACKUP_VERIFIED);
            assertThat(header(record, EventHeaders.CE_ID))
                    .isEqualTo(event.eventId().toString());
            assertThat(header(record, EventHeaders.CE_SOURCE)).isEqualTo("/bulwark/verifier-service");

            VerificationReport report;
            try (InputStream in = store.get(event.reportKey())) {
                report = EventJson.read(in.readAllBytes(), VerificationReport.class);
            }
            assertThat(report.outcome()).isEqualTo(Outcome.PASSED);
            String page;
            try (InputStream in = store.get(backup.prefix() + ObjectKeys.VERIFICATION_HTML)) {
                page = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertThat(page)
                    .contains("PASSED", backup.completed().backupId().toString(), "feedback_2025", "row-counts");
            assertThat(page).doesNotContain("<script", "http://", "https://");
            assertThat(report.tables())
                    .hasSize(backup.manifest().inventory().tables().size());
            assertThat(report.tables()).allMatch(TableRows::matches);
            assertThat(report.tables())
                    .extracting(TableRows::name)
                    .containsAll(PostgresDatabases.CHINOOK_TABLES)
                    .contains("feedback", "feedback_2025", "feedback_2026");
            assertThat(report.tables())
                    .filteredOn(t -> t.name().equals("track"))
                    .singleElement()
                    .satisfies(t -> assertThat(t.sourceRows()).isEqualTo(3503));
            assertThat(report.tables())
                    .filteredOn(t -> t.name().equals("booking"))
                    .singleElement()
                    .as("a table with RLS forced, domains, range types and an exclusion constraint")
                    .satisfies(t -> assertThat(t.restoredRows()).isEqualTo(700L));
            assertThat(backup.manifest().inventory().policies()).anyMatch(p -> p.contains("booking_open_rooms"));
            assertThat(backup.manifest().inventory().extensions()).anyMatch(e -> e.startsWith("btree_gist"));
            assertThat(backup.manifest().inventory().materializedViews()).anyMatch(v -> v.endsWith("genre_counts"));
            assertThat(report.sandboxServerVersion()).isNotBlank();
            assertThat(report.timings().totalMillis())
                    .isGreaterThanOrEqualTo(report.timings().restoreMillis());

            publish(backup.completed());
            BackupVerified again = EventJson.read(
                    awaitVerified(verified, backup.completed().backupId()).value(), BackupVerified.class);
            assertThat(again)
                    .as("a redelivered BackupCompleted gets the same verdict")
                    .isEqualTo(event);
        }
    }

    @Test
    void orphanRowsAndASequenceBehindItsColumnFailUnlessTheManifestRecordsThemAsTheSourcesOwn() throws Exception {
        String database = SOURCE.createUnique("verifier_it_orphans");
        try {
            SOURCE.execute(database, """
                    CREATE TABLE parent (id int PRIMARY KEY);
                    CREATE TABLE child (id int PRIMARY KEY, parent_id int);
                    INSERT INTO parent VALUES (1);
                    INSERT INTO child VALUES (1, 1), (2, NULL), (3, 7), (4, 8);
                    ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent
                        NOT VALID;
                    CREATE TABLE ticket (id serial PRIMARY KEY);
                    INSERT INTO ticket VALUES (1), (2), (3);
                    """);
            Backup backup = captureBackup(database);

            try (KafkaConsumer<String, byte[]> verified = subscribe(Topics.BACKUP_VERIFIED)) {
                publish(backup.completed());
                BackupVerified event = EventJson.read(
                        awaitVerified(verified, backup.completed().backupId()).value(), BackupVerified.class);

                assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(event.checks())
                        .filteredOn(c -> c.status() == CheckStatus.FAILED)
                        .extracting(CheckResult::name)
                        .as("the target's critical tables and assertion are Chinook's, absent here")
                        .containsExactly("foreign-keys", "sequences", "critical-tables", "assertion:tracks");
                assertThat(event.checks())
                        .filteredOn(
                                c -> c.name().equals("foreign-keys") || c.name().equals("sequences"))
                        .extracting(CheckResult::name, CheckResult::detail)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(
                                        "foreign-keys",
                                        "1 of 1 foreign keys have orphan rows:"
                                                + " public.child.child_parent_fk (2 orphan rows)"),
                                org.assertj.core.groups.Tuple.tuple(
                                        "sequences",
                                        "1 of 1 sequences would hand out a value already taken:"
                                                + " public.ticket_id_seq would hand out 1 but"
                                                + " max(public.ticket.id) = 3"));
                assertThat(event.checks())
                        .filteredOn(c -> c.name().equals("source-health"))
                        .extracting(CheckResult::status)
                        .as("without the source's health in the manifest every flaw fails, as before")
                        .containsExactly(CheckStatus.SKIPPED);
            }

            Backup withHealth = captureBackup(database, true);
            try (KafkaConsumer<String, byte[]> verified = subscribe(Topics.BACKUP_VERIFIED)) {
                publish(withHealth.completed());
                BackupVerified event = EventJson.read(
                        awaitVerified(verified, withHealth.completed().backupId())
                                .value(),
                        BackupVerified.class);

                assertThat(event.checks())
                        .filteredOn(c -> c.status() == CheckStatus.FAILED)
                        .extracting(CheckResult::name)
                        .as("the source's own flaws, restored faithfully, are no failure of the backup")
                        .containsExactly("critical-tables", "assertion:tracks");
                assertThat(event.checks())
                        .filteredOn(
                                c -> c.name().equals("foreign-keys") || c.name().equals("sequences"))
                        .extracting(CheckResult::status)
                        .containsExactly(CheckStatus.PASSED, CheckStatus.PASSED);
                assertThat(event.checks())
                        .filteredOn(c -> c.name().equals("source-health"))
                        .singleElement()
                        .satisfies(c -> {
                            assertThat(c.status()).isEqualTo(CheckStatus.WARNING);
                            assertThat(c.detail())
                                    .contains("the source itself has 2 orphan rows under public.child.child_parent_fk")
                                    .contains("the source's sequence public.ticket_id_seq would hand out 1, but"
                                            + " max(public.ticket.id) is already 3");
                        });
            }
        } finally {
            SOURCE.drop(database);
        }
    }

    @Test
    void anArtifactWithOneByteChangedFailsTheChecksum() throws Exception {
        Backup backup = captureBackup();
        byte[] stored;
        try (InputStream in = store.get(backup.artifactKey())) {
            stored = in.readAllBytes();
        }
        stored[stored.length / 2] ^= 0x01;
        store.putBytes(backup.artifactKey(), stored, "application/zstd");

        try (KafkaConsumer<String, byte[]> verified = subscribe(Topics.BACKUP_VERIFIED)) {
            publish(backup.completed());
            BackupVerified event = EventJson.read(
                    awaitVerified(verified, backup.completed().backupId()).value(), BackupVerified.class);

            assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
            CheckResult checksum = event.checks().stream()
                    .filter(c -> c.name().equals("checksum"))
                    .findFirst()
                    .orElseThrow();
            assertThat(checksum.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(checksum.detail()).contains(backup.manifest().artifact().sha256());
            assertThat(store.exists(backup.prefix() + ObjectKeys.VERIFICATION_JSON))
                    .isTrue();
        }
    }

    @Test
    void aVerificationRequestVerifiesAPassedBackupAnewAndReplacesItsReport() throws Exception {
        Backup backup = captureBackup();
        UUID backupId = backup.completed().backupId();
        try (KafkaConsumer<String, byte[]> verified = subscribe(Topics.BACKUP_VERIFIED)) {
            publish(backup.completed());
            BackupVerified first =
                    EventJson.read(awaitVerified(verified, backupId).value(), BackupVerified.class);
            assertThat(first.outcome()).as(first.checks().toString()).isEqualTo(Outcome.PASSED);

            byte[] stored;
            try (InputStream in = store.get(backup.artifactKey())) {
                stored = in.readAllBytes();
            }
            stored[stored.length / 2] ^= 0x01;
            store.putBytes(backup.artifactKey(), stored, "application/zstd");
            publish(
                    Topics.VERIFICATION_REQUESTED,
                    VerificationRequested.of(
                            backupId, TARGET, backup.prefix(), backup.prefix() + ObjectKeys.MANIFEST, "it"));

            BackupVerified again =
                    EventJson.read(awaitVerified(verified, backupId).value(), BackupVerified.class);
            assertThat(again.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(again.eventId()).isNotEqualTo(first.eventId());
            assertThat(again.tier()).isEqualTo(Tier.ADHOC);
            assertThat(again.checks())
                    .filteredOn(c -> c.name().equals("checksum"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.FAILED));
            try (InputStream in = store.get(again.reportKey())) {
                assertThat(EventJson.read(in.readAllBytes(), VerificationReport.class)
                                .outcome())
                        .isEqualTo(Outcome.FAILED);
            }
        }
    }

    @Test
    void aVerificationRequestForABackupWithoutManifestEndsFailed() throws Exception {
        UUID backupId = UUID.randomUUID();
        String prefix = ObjectKeys.backupPrefix(TARGET, "adhoc", Instant.now(), backupId);
        try (KafkaConsumer<String, byte[]> verified = subscribe(Topics.BACKUP_VERIFIED)) {
            publish(Topics.VERIFICATION_REQUESTED, VerificationRequested.of(backupId, TARGET, prefix, null, "it"));

            BackupVerified event =
                    EventJson.read(awaitVerified(verified, backupId).value(), BackupVerified.class);
            assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(event.checks())
                    .filteredOn(c -> c.name().equals("manifest"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.FAILED));
        }
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheNextOneIsVerified() throws Exception {
        Backup backup = captureBackup();
        try (KafkaConsumer<String, byte[]> dlq = subscribe(Topics.deadLetter(Topics.BACKUP_COMPLETED));
                KafkaConsumer<String, byte[]> verified = subscribe(Topics.BACKUP_VERIFIED);
                KafkaProducer<String, byte[]> producer = producer()) {
            byte[] garbage = "{\"backupId\": \"not-a-uuid\"".getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(Topics.BACKUP_COMPLETED, TARGET, garbage))
                    .get();
            publish(backup.completed());

            ConsumerRecord<String, byte[]> dead = awaitRecord(dlq, r -> true);
            assertThat(dead.value()).isEqualTo(garbage);
            BackupVerified event = EventJson.read(
                    awaitVerified(verified, backup.completed().backupId()).value(), BackupVerified.class);
            assertThat(event.outcome()).isEqualTo(Outcome.PASSED);
        }
    }

    @Test
    void anEncryptedArtifactIsAnErrorNotAFailureWhenTheVerifierHasNoDecryptionKey(@TempDir Path keys) throws Exception {
        OpenPgpEncryption toOps;
        try (GnuPgHome gnupg = GnuPgHome.create(keys)) {
            toOps = OpenPgpEncryption.toRecipients(
                    List.of(gnupg.generateKey("ops").publicKey()));
        }
        BackupCapture.Backup backup = BackupCapture.capture(
                store,
                TARGET,
                new PgDumpTool(new ProcessRunner(), PgDumpTool.DEFAULT_PROGRAM, Duration.ofMinutes(5)),
                new ConnectionSpec(SOURCE.host(), SOURCE.port(), sourceDb, SOURCE.username(), SOURCE.password()),
                CodecChain.zstd().encryptedWith(toOps));

        BackupVerified event = new VerifierTopics(broker.getBrokersAsString(), WAIT).verify(backup.completed());

        assertThat(event.outcome())
                .as("no verdict on a backup the verifier cannot open: %s", event.checks())
                .isEqualTo(Outcome.ERROR);
        assertThat(event.checks())
                .filteredOn(c -> c.name().equals("checksum"))
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.PASSED));
        assertThat(event.checks())
                .filteredOn(c -> c.name().equals("restore"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(CheckStatus.ERROR);
                    assertThat(c.detail())
                            .contains("no secret key given for any of the recipients "
                                    + toOps.recipientKeyIds().getFirst())
                            .contains("no decryption key is configured for it: bulwark.verifier.decryption");
                });
        assertThat(event.checks())
                .filteredOn(c -> c.name().equals("tables") || c.name().equals("row-counts"))
                .extracting(CheckResult::status)
                .containsExactly(CheckStatus.SKIPPED, CheckStatus.SKIPPED);
        try (InputStream in = store.get(event.reportKey())) {
            assertThat(EventJson.read(in.readAllBytes(), VerificationReport.class)
                            .outcome())
                    .isEqualTo(Outcome.ERROR);
        }
    }

    /** A real backup of the source: pg_dump at an exported snapshot, zstd, SHA-256, S3, manifest last. */
    private Backup captureBackup() throws IOException {
        return captureBackup(sourceDb);
    }

    private Backup captureBackup(String database) throws IOException {
        return captureBackup(database, false);
    }

    /**
     * A real backup of {@code database}; with {@code sourceHealth}, its manifest records the source's orphan rows and
     * sequence positions as the engines' inspector reads them, as a dump-worker that records source health does.
     */
    private Backup captureBackup(String database, boolean sourceHealth) throws IOException {
        UUID backupId = UUID.randomUUID();
        Instant startedAt = Instant.now();
        String prefix = ObjectKeys.backupPrefix(TARGET, "adhoc", startedAt, backupId);
        String artifactKey = prefix + ObjectKeys.PG_CUSTOM_ZSTD;
        PostgresConnectionSpec spec =
                new PostgresConnectionSpec(SOURCE.host(), SOURCE.port(), database, SOURCE.username(), null);
        PgDumpTool dumpTool = new PgDumpTool(new ProcessRunner(), PgDumpTool.DEFAULT_PROGRAM, Duration.ofMinutes(5));
        Manifest manifest;
        try (PgDumpSession session = dumpTool.open(spec)) {
            CaptureStream capture = new CaptureStream(session.stdout(), CodecChain.zstd(), session::awaitSuccess);
            store.putStream(artifactKey, capture, "application/zstd");
            ArtifactRef artifact = new ArtifactRef(
                    BUCKET,
                    artifactKey,
                    "pg_dump-custom",
                    capture.chain().codecs(),
                    capture.storedBytes(),
                    capture.rawBytes(),
                    capture.sha256(),
                    capture.rawSha256());
            manifest = new Manifest(
                    Manifest.SCHEMA_VERSION,
                    backupId,
                    backupId,
                    TARGET,
                    "adhoc",
                    Tier.ADHOC,
                    Trigger.MANUAL,
                    startedAt,
                    Instant.now(),
                    new Manifest.Source(
                            "postgresql",
                            session.serverVersion(),
                            session.serverVersionNum(),
                            spec.host(),
                            spec.port(),
                            database,
                            session.snapshotId()),
                    new Manifest.Tool("pg_dump", session.toolVersion(), "custom"),
                    artifact,
                    session.inventory(),
                    "exact count(*) in the dump's snapshot",
                    sourceHealth ? sourceHealth(spec) : null);
        }
        ManifestJson.store(store, prefix + ObjectKeys.MANIFEST, manifest);
        BackupCompleted completed = new BackupCompleted(
                UUID.randomUUID(),
                Instant.now(),
                BackupCompleted.SCHEMA_VERSION,
                backupId,
                backupId,
                TARGET,
                "adhoc",
                Tier.ADHOC,
                Trigger.MANUAL,
                prefix,
                manifest.artifact(),
                prefix + ObjectKeys.MANIFEST,
                new SourceStatistics(
                        "postgresql",
                        manifest.source().serverVersion(),
                        manifest.tool().version(),
                        manifest.inventory().tables().size(),
                        manifest.inventory().totalRows()),
                startedAt,
                manifest.completedAt(),
                1000);
        return new Backup(prefix, artifactKey, manifest, completed);
    }

    private static SourceHealth sourceHealth(PostgresConnectionSpec source) {
        PostgresInspector inspector = new PostgresInspector(Duration.ofMinutes(1));
        try (Connection connection = inspector.connect(source.toConnectionSpec())) {
            return new SourceHealth(
                    inspector.foreignKeyOrphans(connection, source.database()),
                    inspector.sequences(connection, source.database()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the source's health: " + e.getMessage(), e);
        }
    }

    private record Backup(String prefix, String artifactKey, Manifest manifest, BackupCompleted completed) {}

    private void publish(BackupCompleted event) throws Exception {
        publish(Topics.BACKUP_COMPLETED, event);
    }

    private void publish(String topic, BulwarkEvent event) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(topic, event.targetId(), EventJson.toBytes(event));
            EventHeaders.cloudEventHeaders(event, "/bulwark/dump-worker")
                    .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private KafkaConsumer<String, byte[]> subscribe(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "verifier-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static ConsumerRecord<String, byte[]> awaitVerified(KafkaConsumer<String, byte[]> consumer, UUID backupId) {
        return awaitRecord(consumer, r -> {
            try {
                return EventJson.read(r.value(), BackupVerified.class)
                        .backupId()
                        .equals(backupId);
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    private static ConsumerRecord<String, byte[]> awaitRecord(
            KafkaConsumer<String, byte[]> consumer,
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (match.test(record)) {
                    return record;
                }
                seen.add(new String(record.value(), StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("no matching record within " + WAIT + "; saw " + seen);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
