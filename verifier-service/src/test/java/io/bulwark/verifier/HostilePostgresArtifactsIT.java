package io.bulwark.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.CaptureStream;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.EventHeaders;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.SourceHealth;
import io.bulwark.contracts.SourceStatistics;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.embedded.QuietLogging;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.engines.postgres.LocalPostgresInstance;
import io.bulwark.engines.postgres.PgDumpSession;
import io.bulwark.engines.postgres.PgDumpTool;
import io.bulwark.engines.postgres.PostgresConnectionSpec;
import io.bulwark.engines.postgres.PostgresInspector;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.SandboxAccount;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile artifacts stay harmless: a source built by {@code scripts/hostile-postgres.sh}, whose CHECK constraints and
 * index expression try {@code COPY ... TO PROGRAM}, {@code pg_read_binary_file('/proc/self/environ')} and of a file
 * outside the sandbox, and {@code lo_export}, all into a world-writable (1777) escape folder, is backed up with the
 * real {@code pg_dump} and verified by the real verifier in a {@code local} sandbox (unprivileged OS account, restore
 * as the unprivileged role). Nothing appears in the escape folder or elsewhere outside the sandbox folder, the
 * sandbox's OS account cannot read the verifier's secret file, no process of that account outlives the sandbox, the
 * machine's PostgreSQL gets no role or database of the sandbox, and the verdict is a recorded restore failure, never
 * a PASS.
 */
@SpringBootTest(
        classes = VerifierApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.min-partition-count=1")
@EmbeddedKafka(
        partitions = 1,
        topics = {Topics.BACKUP_COMPLETED, Topics.BACKUP_VERIFIED, Topics.VERIFICATION_REQUESTED},
        bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
class HostilePostgresArtifactsIT {

    private static final String BUCKET = "bulwark";
    private static final String TARGET = "hostile";
    private static final Duration WAIT = Duration.ofSeconds(180);
    /** An OS account of this test's own, so that no other sandbox's processes are counted; removed afterwards. */
    private static final String OS_USER = "bulwark-sbx-hostile";

    private static Path root;
    private static Path workDir;
    private static Path escapeDir;
    private static Path secretFile;
    private static String secret;
    private static boolean accountCreatedHere;
    private static S3ProxyServer s3;
    private static MinioObjectStore store;
    private static final PostgresDatabases SOURCE = PostgresDatabases.local();
    private static String sourceDb;

    @Autowired
    EmbeddedKafkaBroker broker;

    @BeforeAll
    static void createTheHostileSourceTheStoreAndASecret() throws Exception {
        QuietLogging.apply();
        accountCreatedHere = !SandboxAccount.exists(OS_USER);
        root = Files.createTempDirectory("hostile-pg-it");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        workDir = Files.createDirectories(root.resolve("sandboxes"));
        escapeDir = Files.createDirectories(root.resolve("escape"));
        Files.setPosixFilePermissions(escapeDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setAttribute(escapeDir, "unix:mode", 01777);
        Path secrets = Files.createDirectory(
                root.resolve("secrets"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        secret = "bulwark-hostile-it-secret-" + UUID.randomUUID();
        secretFile = Files.createFile(
                secrets.resolve("target.password"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(secretFile, secret);
        sourceDb = "sandbox_pg_hostile_" + UUID.randomUUID().toString().substring(0, 8);
        Process script = new ProcessBuilder(
                        "bash",
                        repositoryRoot().resolve("scripts/hostile-postgres.sh").toString(),
                        sourceDb,
                        escapeDir.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor()).as(out).isZero();
        s3 = S3ProxyServer.start(root.resolve("s3"), BUCKET);
        store = new MinioObjectStore(ObjectStoreSettings.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), BUCKET));
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("scripts/hostile-postgres.sh"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("the repository root, holding scripts/hostile-postgres.sh")
                .isNotNull();
        return dir;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("bulwark.storage.endpoint", () -> s3.endpoint());
        registry.add("bulwark.storage.access-key", () -> s3.accessKey());
        registry.add("bulwark.storage.secret-key", () -> s3.secretKey());
        registry.add("bulwark.storage.bucket", () -> BUCKET);
        registry.add("bulwark.verifier.sandbox.work-dir", () -> workDir.toString());
        registry.add("bulwark.verifier.sandbox.os-user", () -> OS_USER);
        registry.add("bulwark.verifier.sandbox.restore-timeout", () -> "5m");
        registry.add("bulwark.verifier.retry.initial-backoff", () -> "10ms");
        registry.add("bulwark.verifier.retry.max-backoff", () -> "50ms");
        registry.add("bulwark.verifier.retry.attempts", () -> "1");
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
        if (accountCreatedHere && SandboxAccount.exists(OS_USER)) {
            new ProcessBuilder("userdel", OS_USER).inheritIO().start().waitFor();
        }
    }

    @Test
    void everyEscapeIsBlockedAndTheVerdictIsARecordedRestoreFailure() throws Exception {
        Instant started = Instant.now();
        Backup backup = captureBackup(sourceDb);

        BackupVerified event;
        byte[] eventBytes;
        try (KafkaConsumer<String, byte[]> verified = subscribe(Topics.BACKUP_VERIFIED)) {
            publish(backup.completed());
            ConsumerRecord<String, byte[]> record =
                    awaitVerified(verified, backup.completed().backupId());
            eventBytes = record.value();
            event = EventJson.read(eventBytes, BackupVerified.class);
        }

        assertThat(event.outcome()).as(event.checks().toString()).isEqualTo(Outcome.FAILED);
        assertThat(event.checks())
                .filteredOn(c -> c.name().equals("restore"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isIn(CheckStatus.FAILED, CheckStatus.ERROR);
                    assertThat(c.detail()).containsIgnoringCase("permission denied");
                });
        byte[] reportBytes;
        try (InputStream in = store.get(event.reportKey())) {
            reportBytes = in.readAllBytes();
        }
        assertThat(EventJson.read(reportBytes, VerificationReport.class).outcome())
                .isEqualTo(Outcome.FAILED);

        try (Stream<Path> escaped = Files.list(escapeDir)) {
            assertThat(escaped)
                    .as("files the artifact wrote outside its sandbox")
                    .isEmpty();
        }
        assertThat(filesOfTheSandboxAccountOutside(workDir))
                .as("files of " + OS_USER + " outside the sandbox folder")
                .isEmpty();
        assertThat(awaitNoProcessOf(OS_USER, Duration.ofSeconds(15)))
                .as("processes of " + OS_USER + " left after the sandbox closed")
                .isEmpty();
        try (Stream<Path> left = Files.list(workDir)) {
            // the PostgreSQL sandboxes' initdb template stays for the next sandbox
            assertThat(left.filter(p -> !p.getFileName().toString().startsWith(LocalPostgresInstance.TEMPLATE_PREFIX)))
                    .as("sandbox directories left in %s", workDir)
                    .isEmpty();
        }

        assertThat(runAs(OS_USER, "cat", secretFile.toString()))
                .as("the sandbox account reads the verifier's secret file")
                .isNotZero();
        assertThat(runAs(OS_USER, "ls", secretFile.getParent().toString()))
                .as("the sandbox account lists the verifier's secrets folder")
                .isNotZero();
        List<String> secrets = new ArrayList<>(List.of(secret, s3.secretKey()));
        for (String name : List.of("AWS_SECRET_ACCESS_KEY", "BULWARK_IT_SECRET", "PGPASSWORD")) {
            if (System.getenv(name) != null) {
                secrets.add(System.getenv(name));
            }
        }
        String recorded =
                new String(eventBytes, StandardCharsets.UTF_8) + new String(reportBytes, StandardCharsets.UTF_8);
        assertThat(secrets).noneMatch(recorded::contains);

        assertThat(queryLong("postgres", "SELECT count(*) FROM pg_roles WHERE rolname = 'bulwark_restore'"))
                .as("the sandbox's restore role on the machine's server")
                .isZero();
        assertThat(queryLong(
                        "postgres",
                        "SELECT count(*) FROM pg_database WHERE datname = 'restore' OR datname LIKE 'bulwark-pg-%'"))
                .as("a sandbox database on the machine's server")
                .isZero();
        assertThat(queryLong(sourceDb, "SELECT count(*) FROM pg_largeobject_metadata"))
                .as("large objects made in the source itself")
                .isZero();
        assertThat(started).isBefore(Instant.now());
    }

    /** Files owned by {@code OS_USER} in the folders anyone may write, or in this test's folder outside {@code dir}. */
    private static List<String> filesOfTheSandboxAccountOutside(Path dir) throws Exception {
        Process find = new ProcessBuilder(
                        "find",
                        "/tmp",
                        "/var/tmp",
                        "/dev/shm",
                        root.toString(),
                        "-xdev",
                        "-user",
                        OS_USER,
                        "-not",
                        "-path",
                        dir + "/*")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(find.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        find.waitFor();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    private static List<String> awaitNoProcessOf(String user, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<String> left;
        do {
            left = ProcessHandle.allProcesses()
                    .filter(p -> p.info().user().map(user::equals).orElse(false))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                    .toList();
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return left;
    }

    private static long queryLong(String database, String sql) throws SQLException {
        try (Connection c = SOURCE.connect(database);
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int runAs(String user, String... argv) throws Exception {
        List<String> command = new ArrayList<>(List.of("runuser", "-u", user, "--"));
        command.addAll(List.of(argv));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor();
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
