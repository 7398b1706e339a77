package io.bulwark.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Topics;
import io.bulwark.embedded.QuietLogging;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpEngine;
import io.bulwark.engines.DumpOptions;
import io.bulwark.engines.DumpSession;
import io.bulwark.engines.mariadb.MariaDbDumpTool;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.testsupport.MariaDbDatabases;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile MariaDB backups through the verifier's real path (S3Proxy, embedded Kafka, a {@code local} MariaDB sandbox):
 * a real {@code mariadb-dump} of a crafted source on the machine's MariaDB, whose trigger and view read a secret file
 * with {@code LOAD_FILE}, and the same dump with a hand-written tail that tries {@code LOAD DATA LOCAL INFILE} of the
 * secret or {@code INTO OUTFILE} into a world-writable folder outside the sandbox (an artifact is hostile input
 * anyway; {@code mariadb-dump} never writes those). Each verification is recorded as not PASSED with a restore that did
 * not pass, no file appears outside the sandbox, the secret is in no event and no report, and no sandbox or {@code
 * mariadbd} is left.
 */
@SpringBootTest(
        classes = VerifierApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.min-partition-count=1")
@EmbeddedKafka(
        partitions = 1,
        topics = {Topics.BACKUP_COMPLETED, Topics.BACKUP_VERIFIED},
        bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
class HostileMariaDbVerifierIT {

    private static final String BUCKET = "bulwark";
    private static final String TARGET = "hostile";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final MariaDbDatabases SOURCE = MariaDbDatabases.local();

    private static SandboxWorkDir work;
    private static S3ProxyServer s3;
    private static MinioObjectStore store;
    private static String sourceDb;
    private static String plainDb;
    private static Path secret;
    private static String secretText;
    private static Path escape;

    @Autowired
    EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startStoreAndHostileSource() throws Exception {
        QuietLogging.apply();
        work = SandboxWorkDir.create("verifier-hostile-mariadb-it");
        Files.setPosixFilePermissions(work.root(), PosixFilePermissions.fromString("rwx--x--x"));
        s3 = S3ProxyServer.start(work.root().resolve("s3"), BUCKET);
        store = new MinioObjectStore(ObjectStoreSettings.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), BUCKET));
        secretText = "bulwark-secret-" + MariaDbDatabases.randomHex(12);
        secret = work.root().resolve("secret.txt");
        Files.writeString(secret, secretText);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        escape = Files.createDirectory(work.root().resolve("escape"));
        Files.setAttribute(escape, "unix:mode", 01777);
        plainDb = SOURCE.createUnique("sandbox_maria_plain");
        SOURCE.execute(
                plainDb,
                "CREATE TABLE loot (id INT PRIMARY KEY, s TEXT);\n"
                        + "INSERT INTO loot VALUES (1, 'one'), (2, 'two');\n");
        sourceDb = SOURCE.createUnique("sandbox_maria_hostile");
        SOURCE.execute(
                sourceDb,
                "CREATE TABLE loot (id INT PRIMARY KEY, s TEXT);\n"
                        + "INSERT INTO loot VALUES (1, 'one'), (2, 'two');\n"
                        + "CREATE TRIGGER grab BEFORE INSERT ON loot FOR EACH ROW SET NEW.s = LOAD_FILE('" + secret
                        + "');\n"
                        + "CREATE VIEW peek AS SELECT LOAD_FILE('" + secret + "') AS s;\n");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("bulwark.storage.endpoint", () -> s3.endpoint());
        registry.add("bulwark.storage.access-key", () -> s3.accessKey());
        registry.add("bulwark.storage.secret-key", () -> s3.secretKey());
        registry.add("bulwark.storage.bucket", () -> BUCKET);
        registry.add("bulwark.verifier.sandbox.kind", () -> "local");
        registry.add("bulwark.verifier.sandbox.work-dir", () -> work.sandboxes().toString());
        registry.add("bulwark.verifier.sandbox.restore-timeout", () -> "2m");
        registry.add("bulwark.verifier.retry.initial-backoff", () -> "10ms");
        registry.add("bulwark.verifier.retry.max-backoff", () -> "50ms");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try {
            if (sourceDb != null) {
                SOURCE.drop(sourceDb);
            }
            if (plainDb != null) {
                SOURCE.drop(plainDb);
            }
        } finally {
            if (s3 != null) {
                s3.close();
            }
            if (work != null) {
                work.delete();
            }
        }
    }

    @AfterEach
    void nothingEscaped() throws Exception {
        work.assertNoSandboxLeft();
        try (Stream<Path> files = Files.list(escape)) {
            assertThat(files).as("files written outside the sandbox").isEmpty();
        }
        String sandboxes = work.sandboxes().toString();
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains(sandboxes)))
                .as("processes of a sandbox still running")
                .isEmpty();
    }

    @Test
    void loadFileInATriggerAndAViewOfARealDumpIsARestoreErrorNeverAPass() throws Exception {
        BackupVerified event = verify(sourceDb, "INSERT INTO `loot` (`id`) VALUES (3);\n");
        assertRefused(event, "LOAD_FILE");
        assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void loadDataLocalInfileOfASecretIsARestoreErrorNeverAPass() throws Exception {
        BackupVerified event = verify(plainDb, "LOAD DATA LOCAL INFILE '" + secret + "' INTO TABLE `loot` (`s`);\n");
        assertRefused(event, "LOAD DATA");
    }

    @Test
    void intoOutfileOutsideTheSandboxIsARestoreErrorNeverAPass() throws Exception {
        BackupVerified event =
                verify(plainDb, "SELECT `s` FROM `loot` INTO OUTFILE '" + escape.resolve("stolen.txt") + "';\n");
        assertRefused(event, "INTO OUTFILE");
    }

    /** Dumps {@code database} with {@code tail} appended to the artifact, and verifies it. */
    private BackupVerified verify(String database, String tail) throws Exception {
        BackupCapture.Backup backup = BackupCapture.capture(
                store,
                TARGET,
                new WithTail(new MariaDbDumpTool(new ProcessRunner()), tail),
                SOURCE.connectionSpec(database),
                CodecChain.zstd());
        return new VerifierTopics(broker.getBrokersAsString(), WAIT).verify(backup.completed());
    }

    private void assertRefused(BackupVerified event, String what) throws Exception {
        assertThat(event.outcome()).as(event.checks().toString()).isNotEqualTo(Outcome.PASSED);
        assertThat(event.checks())
                .filteredOn(c -> c.name().equals("restore"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isIn(CheckStatus.FAILED, CheckStatus.ERROR);
                    assertThat(c.detail()).contains(what).contains("refused");
                });
        assertThat(event.checks()).extracting(CheckResult::detail).noneMatch(d -> d != null && d.contains(secretText));
        assertThat(event.reportKey()).as("the verdict is recorded").isNotNull();
        try (InputStream in = store.get(event.reportKey())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).doesNotContain(secretText);
        }
    }

    /** A dump engine whose artifact is the real dump followed by {@code tail}. */
    private record WithTail(DumpEngine dump, String tail) implements DumpEngine {

        @Override
        public String engine() {
            return dump.engine();
        }

        @Override
        public String format() {
            return dump.format();
        }

        @Override
        public String fileExtension() {
            return dump.fileExtension();
        }

        @Override
        public DumpSession open(ConnectionSpec spec, DumpOptions options) {
            DumpSession session = dump.open(spec, options);
            InputStream stdout = new SequenceInputStream(
                    session.stdout(), new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)));
            return (DumpSession) java.lang.reflect.Proxy.newProxyInstance(
                    DumpSession.class.getClassLoader(),
                    new Class<?>[] {DumpSession.class},
                    (proxy, method, args) ->
                            method.getName().equals("stdout") ? stdout : invoke(method, session, args));
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
