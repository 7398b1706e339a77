package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ManifestSigningKeys;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreRequested;
import io.bulwark.contracts.RestoreState;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole pipeline on real components ({@link EndToEndStack}, shared with the other end-to-end classes): Kafka and
 * S3Proxy in this JVM, the machine's PostgreSQL for the services' state, the Chinook source, a flawed source and the
 * restores' destination ({@value #DESTINATION}), the five service jars as child JVMs, and a webhook receiver for the
 * notifier. Backups are verified, then restored the event-driven way: the scheduler's API, Kafka, the verifier.
 */
@ExtendWith(EndToEndStack.Resolver.class)
class EndToEndIT {

    private static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(3);
    private static final Set<String> FINAL_STATES = SchedulerClient.FINAL_STATES;
    /** The configured restore destination: the machine's PostgreSQL. */
    private static final String DESTINATION = EndToEndStack.DESTINATION;
    /** A new database a restore names by default: {@code <source db>_restored_<UTC yyyyMMdd'T'HHmmss'Z'>}. */
    private static final String RESTORED_SUFFIX = "_restored_\\d{8}T\\d{6}Z";

    static EndToEndStack e2e;
    static PostgresDatabases pg;
    static List<String> webhookBodies;
    static List<String> restoredDatabases;
    static String sourceDb;
    static String flawedDb;
    static Stack stack;
    static SchedulerClient scheduler;
    static KafkaTopics topics;
    static UUID chinookBackup;
    static SchedulerClient.BackupStatus chinookStatus;
    static UUID flawedBackup;
    static SchedulerClient.BackupStatus flawedStatus;

    @BeforeAll
    static void backUpChinookAndTheFlawedSource(EndToEndStack shared) {
        e2e = shared;
        pg = shared.pg;
        webhookBodies = shared.webhookBodies;
        restoredDatabases = shared.restoredPostgres;
        sourceDb = shared.sourceDb();
        flawedDb = shared.flawedDb();
        stack = shared.stack();
        scheduler = stack.schedulerClient();
        topics = new KafkaTopics(stack);

        chinookBackup = scheduler.requestBackup("chinook", "e2e");
        flawedBackup = scheduler.requestBackup("flawed", "e2e");
        chinookStatus = e2e.awaitFinal(chinookBackup, BACKUP_TIMEOUT);
        flawedStatus = e2e.awaitFinal(flawedBackup, BACKUP_TIMEOUT);
    }

    @AfterAll
    static void closeTopics() {
        if (topics != null) {
            topics.close();
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

        // the stack runs signed: the dump-worker signed the manifest the verifier trusted
        String manifestKey = report.manifestKey();
        byte[] manifest = Reports.read(stack.s3Client(), Stack.BUCKET, manifestKey);
        byte[] signature = Reports.read(stack.s3Client(), Stack.BUCKET, ObjectKeys.signatureKey(manifestKey));
        assertThat(ManifestSigningKeys.load(
                                null, stack.manifestKeyFile().toString(), null, List.of(), name -> null, "test")
                        .check(manifest, signature))
                .as("manifest.json.sig checks with the stack's key")
                .isNull();
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
        topics.publish(
                Topics.BACKUP_COMPLETED,
                tampered.targetId(),
                EventJson.toBytes(tampered),
                EventHeaders.cloudEventHeaders(tampered, "/bulwark/end-to-end-test"));

        SchedulerClient.BackupStatus status = e2e.awaitFinal(tamperedId, BACKUP_TIMEOUT);
        assertThat(status.state()).as(status.json()).isEqualTo("VERIFICATION_FAILED");
        VerificationReport tamperedReport =
                Reports.parse(Reports.read(stack.s3Client(), Stack.BUCKET, status.reportKey()));
        assertThat(tamperedReport.checks())
                .as("the signed manifest is trusted; the altered artifact fails its checksum")
                .anySatisfy(c -> {
                    assertThat(c.name()).isEqualTo("checksum");
                    assertThat(c.status()).isEqualTo(CheckStatus.FAILED);
                });

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (webhookBodies.stream().noneMatch(b -> b.contains(tamperedId.toString()))
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(webhookBodies).as("webhook notifications").anyMatch(b -> b.contains(tamperedId.toString()));
    }

    @Test
    void aVerifiedBackupRestoresThroughTheApiIntoANewDatabaseWithTheSourcesExactCountsAndItsReportStored()
            throws Exception {
        assertThat(chinookStatus.state())
                .as("needs the verified Chinook backup")
                .isEqualTo("VERIFIED");

        SchedulerClient.RestoreStatus requested =
                scheduler.requestRestore(chinookBackup, SchedulerClient.RestoreRequest.into(DESTINATION));
        assertThat(requested.state()).isEqualTo("REQUESTED");
        SchedulerClient.RestoreStatus done = awaitRestore(requested.restoreId());

        assertThat(done.state()).as(done.json()).isEqualTo("SUCCEEDED");
        assertThat(done.backupId()).isEqualTo(chinookBackup);
        String restoredDb = done.database();
        assertThat(restoredDb).as(done.json()).matches(sourceDb + RESTORED_SUFFIX);
        assertThat(pg.exists(restoredDb)).as("database %s", restoredDb).isTrue();
        assertThat(tablesOf(restoredDb))
                .as("the restored database's tables")
                .containsExactlyInAnyOrderElementsOf(tablesOf(sourceDb));
        assertThat(pg.chinookRowCounts(restoredDb))
                .as("exact row counts of %s", restoredDb)
                .isEqualTo(pg.chinookRowCounts(sourceDb));

        String folder = ObjectKeys.restorePrefix(chinookStatus.prefix(), done.restoreId());
        assertThat(folder).isEqualTo(chinookStatus.prefix() + "restores/" + done.restoreId() + "/");
        assertThat(done.reportKey()).isEqualTo(folder + ObjectKeys.RESTORE_JSON);
        assertThat(done.reportPageKey()).isEqualTo(folder + ObjectKeys.RESTORE_HTML);
        assertThat(e2e.objectsUnder(folder))
                .containsExactlyInAnyOrder(folder + ObjectKeys.RESTORE_JSON, folder + ObjectKeys.RESTORE_HTML);
        RestoreReport report = Reports.parseRestore(Reports.read(stack.s3Client(), Stack.BUCKET, done.reportKey()));
        assertThat(report.state()).as(Reports.renderRestore(report)).isEqualTo(RestoreState.SUCCEEDED);
        assertThat(report.destination().destinationId()).isEqualTo(DESTINATION);
        assertThat(report.destination().database()).isEqualTo(restoredDb);
        assertThat(report.destination().created()).isTrue();
        assertThat(report.rows()).hasSize(11).allMatch(TableRows::matches);
        assertThat(new String(
                        Reports.read(stack.s3Client(), Stack.BUCKET, done.reportPageKey()), StandardCharsets.UTF_8))
                .contains(restoredDb);
    }

    @Test
    void aPartialRestoreBringsBackOnlyTheTablesAskedFor() {
        assertThat(chinookStatus.state())
                .as("needs the verified Chinook backup")
                .isEqualTo("VERIFIED");
        String database = "e2e_partial_" + UUID.randomUUID().toString().substring(0, 8);
        restoredDatabases.add(database);

        SchedulerClient.RestoreStatus done = awaitRestore(scheduler
                .requestRestore(
                        chinookBackup,
                        SchedulerClient.RestoreRequest.into(DESTINATION)
                                .database(database)
                                .tables(List.of("public.album", "public.artist")))
                .restoreId());

        assertThat(done.state()).as(done.json()).isEqualTo("SUCCEEDED");
        assertThat(done.database()).isEqualTo(database);
        assertThat(tablesOf(database)).containsExactlyInAnyOrder("public.album", "public.artist");
        assertThat(pg.countRows(database, "public.album")).isEqualTo(pg.countRows(sourceDb, "public.album"));
        assertThat(pg.countRows(database, "public.artist")).isEqualTo(pg.countRows(sourceDb, "public.artist"));
        RestoreReport report = Reports.parseRestore(Reports.read(stack.s3Client(), Stack.BUCKET, done.reportKey()));
        assertThat(report.tables()).containsExactly("public.album", "public.artist");
        assertThat(report.rows())
                .extracting(t -> t.schema() + "." + t.name())
                .containsExactlyInAnyOrder("public.album", "public.artist");
    }

    @Test
    void aNonEmptyDatabaseIsRefusedWith409WithoutReplaceAndConfirmationAndNothingIsWritten() {
        assertThat(chinookStatus.state())
                .as("needs the verified Chinook backup")
                .isEqualTo("VERIFIED");
        String busy = pg.createUnique("e2e_busy");
        restoredDatabases.add(busy);
        pg.execute(busy, "CREATE TABLE keep (id int PRIMARY KEY); INSERT INTO keep VALUES (1), (2), (3);");
        List<UUID> requestsBefore = restoreRequestIds();

        assertThatThrownBy(() -> scheduler.requestRestore(
                        chinookBackup,
                        SchedulerClient.RestoreRequest.into(DESTINATION).database(busy)))
                .isInstanceOfSatisfying(SchedulerClient.SchedulerException.class, e -> {
                    assertThat(e.status()).as(e.getMessage()).isEqualTo(409);
                    assertThat(e.detail()).contains("database " + busy).contains("exists and is not empty");
                });
        assertThatThrownBy(() -> scheduler.requestRestore(
                        chinookBackup,
                        SchedulerClient.RestoreRequest.into(DESTINATION)
                                .database(busy)
                                .replacing(null)))
                .as("replace without the database's name repeated as confirm")
                .isInstanceOfSatisfying(
                        SchedulerClient.SchedulerException.class,
                        e -> assertThat(e.status()).as(e.getMessage()).isEqualTo(400));

        assertThat(tablesOf(busy)).as("the refused database's tables").containsExactly("public.keep");
        assertThat(pg.countRows(busy, "public.keep")).isEqualTo(3);
        assertThat(restoreRequestIds()).as("restore requests published").isEqualTo(requestsBefore);
    }

    @Test
    void theBackupsOwnSourceDatabaseIsRefusedWith409() {
        assertThat(chinookStatus.state())
                .as("needs the verified Chinook backup")
                .isEqualTo("VERIFIED");
        Map<String, Long> before = pg.chinookRowCounts(sourceDb);
        List<UUID> requestsBefore = restoreRequestIds();

        assertThatThrownBy(() -> scheduler.requestRestore(
                        chinookBackup,
                        SchedulerClient.RestoreRequest.into(DESTINATION).database(sourceDb)))
                .isInstanceOfSatisfying(SchedulerClient.SchedulerException.class, e -> {
                    assertThat(e.status()).as(e.getMessage()).isEqualTo(409);
                    assertThat(e.detail()).contains("is the backup's own source database");
                });

        assertThat(pg.chinookRowCounts(sourceDb)).isEqualTo(before);
        assertThat(restoreRequestIds()).as("restore requests published").isEqualTo(requestsBefore);
    }

    @Test
    void anHonestBackupOfAFlawedSourcePassesNamingTheSourcesFlawsAndRestores() {
        assertThat(flawedStatus.state()).as(flawedStatus.json()).isEqualTo("VERIFIED");
        VerificationReport verification =
                Reports.parse(Reports.read(stack.s3Client(), Stack.BUCKET, flawedStatus.reportKey()));
        assertThat(verification.outcome()).as(Reports.render(verification)).isEqualTo(Outcome.PASSED);
        assertSourceHealthNamesTheFlaws(verification.checks());
        assertThat(verification.checks())
                .filteredOn(c -> c.name().equals("foreign-keys") || c.name().equals("sequences"))
                .extracting(CheckResult::status)
                .as("the source's own flaws, restored faithfully, are no failure of the backup")
                .containsExactly(CheckStatus.PASSED, CheckStatus.PASSED);

        SchedulerClient.RestoreStatus done = awaitRestore(scheduler
                .requestRestore(flawedBackup, SchedulerClient.RestoreRequest.into(DESTINATION))
                .restoreId());

        assertThat(done.state()).as(done.json()).isEqualTo("SUCCEEDED");
        assertThat(done.database()).matches(flawedDb + RESTORED_SUFFIX);
        assertThat(pg.countRows(done.database(), "public.child")).isEqualTo(4);
        assertThat(pg.countRows(done.database(), "public.ticket")).isEqualTo(3);
        RestoreReport report = Reports.parseRestore(Reports.read(stack.s3Client(), Stack.BUCKET, done.reportKey()));
        assertThat(report.state()).as(Reports.renderRestore(report)).isEqualTo(RestoreState.SUCCEEDED);
        assertSourceHealthNamesTheFlaws(report.checks());
    }

    private static void assertSourceHealthNamesTheFlaws(List<CheckResult> checks) {
        assertThat(checks)
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

    /** Follows a restore until it ended; its new database, if any, is dropped after the class. */
    private static SchedulerClient.RestoreStatus awaitRestore(UUID restoreId) {
        SchedulerClient.RestoreStatus done = scheduler
                .awaitRestore(restoreId, RESTORE_TIMEOUT, Duration.ofMillis(250), null)
                .orElseThrow(() -> new AssertionError("the scheduler never showed restore " + restoreId));
        if (done.database() != null && !done.database().equals(sourceDb)) {
            restoredDatabases.add(done.database());
        }
        assertThat(done.isFinal())
                .as("restore %s within %s: %s", restoreId, RESTORE_TIMEOUT, done.json())
                .isTrue();
        return done;
    }

    private static List<UUID> restoreRequestIds() {
        return topics.events(Topics.RESTORE_REQUESTED, RestoreRequested.class).stream()
                .map(RestoreRequested::restoreId)
                .toList();
    }

    /** The {@code schema.table} names of a database's own tables. */
    private static List<String> tablesOf(String database) {
        List<String> tables = new ArrayList<>();
        try (Connection c = pg.connect(database);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                        + " WHERE table_type = 'BASE TABLE'"
                        + " AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of " + database + ": " + e.getMessage(), e);
        }
        return tables;
    }

    @Test
    void noConfiguredSecretAppearsInALogAnEventAManifestAReportOrANotification() throws Exception {
        // runs after the backups completed (the stack's start waits for them); the restores of other tests may still
        // add lines, which is fine: this asserts what was written up to now
        Map<String, String> secrets = e2e.configuredSecrets();
        Path workDir = e2e.workDir();
        List<String> leaks = new ArrayList<>();
        List<Path> objectFiles = new ArrayList<>();
        // service logs, Kafka's log segments (every event) and the S3 server's files (the bucket's objects, manifests
        // and reports among them, as stored), skipping the configuration that holds the secrets by design and Kafka's
        // offset and time indexes (fixed-width offsets, positions and timestamps, no record content; each is
        // preallocated to segment.index.bytes, 10 MB, so that reading them would be most of the scan)
        try (var files = Files.walk(workDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = workDir.relativize(file);
                String name = file.getFileName().toString();
                if (relative.startsWith("secrets")
                        || relative.toString().equals("bulwark.yml")
                        || relative.toString().equals(Stack.ADMIN_TOKEN_FILE)
                        || (relative.startsWith("kafka") && (name.endsWith(".index") || name.endsWith(".timeindex")))) {
                    continue;
                }
                if (relative.startsWith("s3")) {
                    objectFiles.add(relative);
                }
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                secrets.forEach((what, secret) -> {
                    if (text.contains(secret)) {
                        leaks.add(what + " in " + relative);
                    }
                });
            }
        }
        // notifications
        for (String body : webhookBodies) {
            secrets.forEach((what, secret) -> {
                if (body.contains(secret)) {
                    leaks.add(what + " in a webhook notification");
                }
            });
        }
        assertThat(objectFiles)
                .as("the bucket's manifests and verification reports were scanned")
                .anyMatch(f -> f.getFileName().toString().equals(ObjectKeys.MANIFEST))
                .anyMatch(f -> f.getFileName().toString().equals(ObjectKeys.VERIFICATION_JSON));
        assertThat(webhookBodies).as("notifications were scanned").isNotEmpty();
        assertThat(leaks)
                .as("configured secrets found outside the configuration")
                .isEmpty();
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
        // signed with the stack's key, as only a holder of the key could: the altered byte is what must fail
        byte[] signature = ManifestSigningKeys.load(
                        null, stack.manifestKeyFile().toString(), null, List.of(), name -> null, "test")
                .sign(json);
        s3.putObject(PutObjectArgs.builder().bucket(bucket).object(ObjectKeys.signatureKey(key)).stream(
                        new ByteArrayInputStream(signature), (long) signature.length, -1L)
                .contentType(ManifestSigningKeys.CONTENT_TYPE)
                .build());
        s3.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(
                        new ByteArrayInputStream(json), (long) json.length, -1L)
                .contentType(ManifestJson.CONTENT_TYPE)
                .build());
    }

    private static BackupCompleted completedEvent(UUID backupId) {
        Map<String, Object> props = new HashMap<>(stack.kafkaAdminProperties());
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
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
}
