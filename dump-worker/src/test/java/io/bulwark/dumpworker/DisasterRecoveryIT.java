package io.bulwark.dumpworker;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.Topics;
import io.bulwark.dumpworker.adapter.storage.ObjectStoreAttemptLedger;
import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.engines.mariadb.MariaDbInspector;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.testsupport.GnuPgHome;
import io.bulwark.testsupport.MariaDbDatabases;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Disaster recovery as the README's "Restoring by hand" describes it, on real components: the dump-worker's
 * Spring context, an embedded KRaft Kafka broker, S3Proxy, Chinook on the machine's PostgreSQL and MariaDB. Each
 * artifact is downloaded, its {@code sha256sum} compared with {@code artifact.sha256} of {@code manifest.json},
 * and restored with nothing but {@code gpg}, {@code zstd}/{@code gzip}, {@code pg_restore} and {@code mariadb}
 * in a {@code bash -o pipefail} pipeline; the restored database then holds every table with the manifest's row
 * count. The MariaDB target is dumped by an account with exactly the README's grants.
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
class DisasterRecoveryIT {

    private static final PostgresDatabases POSTGRES = PostgresDatabases.local();
    private static final MariaDbDatabases MARIADB = MariaDbDatabases.local();
    private static final ProcessRunner PROCESSES = new ProcessRunner();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(3);

    /** A view, a trigger, a procedure (called twice, so the trigger fires) and an event on top of Chinook. */
    private static final String MARIADB_OBJECTS = """
            CREATE TABLE InvoiceAudit (AuditId INT AUTO_INCREMENT PRIMARY KEY, InvoiceId INT NOT NULL,
              Total DECIMAL(10,2) NOT NULL, AuditedAt DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP);
            CREATE VIEW LongTrack AS SELECT TrackId, Name, Milliseconds FROM Track WHERE Milliseconds > 600000;
            CREATE TRIGGER invoice_audit AFTER INSERT ON Invoice FOR EACH ROW
              INSERT INTO InvoiceAudit (InvoiceId, Total) VALUES (NEW.InvoiceId, NEW.Total);
            CREATE PROCEDURE add_invoice(IN customer INT, IN amount DECIMAL(10,2))
              BEGIN
                INSERT INTO Invoice (InvoiceId, CustomerId, InvoiceDate, Total)
                  SELECT MAX(InvoiceId) + 1, customer, NOW(), amount FROM Invoice;
              END;
            CREATE EVENT purge_invoice_audit ON SCHEDULE EVERY 1 DAY DISABLE
              DO DELETE FROM InvoiceAudit WHERE AuditedAt < NOW() - INTERVAL 10 YEAR;
            CALL add_invoice(1, 9.99);
            CALL add_invoice(2, 19.99);
            """;

    @TempDir
    static Path dir;

    private static S3ProxyServer s3;
    private static GnuPgHome gnupg;
    private static GnuPgHome.KeyPair opsKey;
    private static String pgSource;
    private static String mariaSource;
    private static final Map<String, String> backupUsers = new HashMap<>();
    private static final Map<String, Path> passwordFiles = new HashMap<>();
    private static final List<String> pgRestored = new ArrayList<>();
    private static final List<String> mariaRestored = new ArrayList<>();
    private static String passphrase;
    private static Path passphraseFile;

    @Autowired
    MinioObjectStore store;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @BeforeAll
    static void startComponents() throws Exception {
        s3 = S3ProxyServer.start(dir.resolve("s3"), "bulwark-dr");
        gnupg = GnuPgHome.create(dir.resolve("keys"));
        opsKey = gnupg.generateKey("ops");
        pgSource = POSTGRES.createUnique("bulwark_dr_pg");
        POSTGRES.loadChinook(pgSource);
        mariaSource = MARIADB.createUnique("bulwark_dr_my");
        MARIADB.loadChinook(mariaSource);
        MARIADB.execute(mariaSource, MARIADB_OBJECTS);
        String on = "`" + mariaSource + "`.*";
        // exactly the README's grants ("The backup user")
        createBackupUser("least", "GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON " + on, "GRANT SELECT ON `mysql`.`proc`");
        createBackupUser("noview", "GRANT SELECT, TRIGGER, EVENT ON " + on, "GRANT SELECT ON `mysql`.`proc`");
        createBackupUser("notrigger", "GRANT SELECT, SHOW VIEW, EVENT ON " + on, "GRANT SELECT ON `mysql`.`proc`");
        passphrase = "dr passphrase \"#' " + MariaDbDatabases.randomHex(8);
        passphraseFile = secretFile("backup-passphrase", passphrase);
    }

    private static void createBackupUser(String role, String... grants) throws Exception {
        String user = "bulwark_dr_" + role + "_" + MariaDbDatabases.randomHex(3);
        String password = "p\"w\\o#r d'" + MariaDbDatabases.randomHex(8);
        MARIADB.createUser(user, password, grants);
        backupUsers.put(role, user);
        passwordFiles.put(role, secretFile("password-" + role, password));
    }

    private static Path secretFile(String name, String secret) throws Exception {
        Path file = Files.createFile(
                dir.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, secret + "\n");
    }

    @AfterAll
    static void cleanUp() {
        List<Runnable> steps = new ArrayList<>();
        pgRestored.forEach(db -> steps.add(() -> POSTGRES.drop(db)));
        mariaRestored.forEach(db -> steps.add(() -> MARIADB.drop(db)));
        backupUsers.values().forEach(user -> steps.add(() -> MARIADB.dropUser(user)));
        if (pgSource != null) {
            steps.add(() -> POSTGRES.drop(pgSource));
        }
        if (mariaSource != null) {
            steps.add(() -> MARIADB.drop(mariaSource));
        }
        if (gnupg != null) {
            steps.add(gnupg::close);
        }
        if (s3 != null) {
            steps.add(s3::close);
        }
        steps.add(PROCESSES::close);
        RuntimeException first = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("bulwark.storage.endpoint", () -> s3.endpoint());
        registry.add("bulwark.storage.access-key", () -> s3.accessKey());
        registry.add("bulwark.storage.secret-key", () -> s3.secretKey());
        registry.add("bulwark.storage.bucket", () -> s3.bucket());
        registry.add("bulwark.storage.region", () -> s3.region());
        postgresTarget(registry, "dr-pg-gpg", "zstd");
        registry.add(
                "bulwark.targets.dr-pg-gpg.encryption.recipients[0]",
                () -> opsKey.publicKey().toString());
        postgresTarget(registry, "dr-pg-gzip", "gzip");
        postgresTarget(registry, "dr-label", "gzip");
        mariaDbTarget(registry, "dr-my-pass", "least");
        registry.add("bulwark.targets.dr-my-pass.encryption.passphrase-file", () -> passphraseFile.toString());
        mariaDbTarget(registry, "dr-my-noview", "noview");
        mariaDbTarget(registry, "dr-my-notrigger", "notrigger");
    }

    private static void postgresTarget(DynamicPropertyRegistry registry, String id, String compression) {
        String p = "bulwark.targets." + id + ".";
        registry.add(p + "host", POSTGRES::host);
        registry.add(p + "port", POSTGRES::port);
        registry.add(p + "database", () -> pgSource);
        registry.add(p + "username", POSTGRES::username);
        registry.add(p + "compression", () -> compression);
    }

    private static void mariaDbTarget(DynamicPropertyRegistry registry, String id, String user) {
        String p = "bulwark.targets." + id + ".";
        registry.add(p + "engine", () -> "mariadb");
        registry.add(p + "host", () -> MARIADB.connectionSpec(mariaSource).host());
        registry.add(p + "port", () -> MARIADB.connectionSpec(mariaSource).port());
        registry.add(p + "database", () -> mariaSource);
        registry.add(p + "username", () -> backupUsers.get(user));
        registry.add(p + "password-file", () -> passwordFiles.get(user).toString());
        registry.add(p + "compression", () -> "zstd");
    }

    @Test
    void aPostgresBackupEncryptedToAPublicKeyRestoresWithGpgZstdAndPgRestoreAlone() throws Exception {
        Downloaded backup = backUp("dr-pg-gpg");

        assertThat(backup.manifest().artifact().codecs()).containsExactly("zstd", "openpgp");
        assertThat(backup.completed().artifact().codecs()).containsExactly("zstd", "openpgp");
        assertThat(backup.dump().getFileName()).hasToString("dump.pgcustom.zst.gpg");
        assertThat(backup.manifest().artifact().key()).endsWith(".pgcustom.zst.gpg");
        assertThat(run("gpg --batch --list-packets " + q(backup.dump())).stdout())
                .as("encrypted to the ops key, no passphrase")
                .contains("keyid " + opsKeyEncryptionSubkeyId())
                .doesNotContain("symkey enc packet");

        String restored = freshPostgresDatabase();
        ProcessRunner.Result restore = run("cd " + q(backup.dir()) + " && gpg --batch --decrypt dump.pgcustom.zst.gpg"
                + " | zstd -d | pg_restore --no-owner -d " + q(postgresUrl(restored)));

        assertThat(restore.exitCode()).as(restore.stderr()).isZero();
        assertThat(restore.stderr()).contains("encrypted with", "ops@example.invalid");
        assertPostgresRowCountsMatch(backup.manifest(), restored);
    }

    @Test
    void aMariaDbBackupByTheLeastPrivilegedUserEncryptedWithAPassphraseRestoresWithGpgZstdAndMariadbAlone()
            throws Exception {
        Downloaded backup = backUp("dr-my-pass");

        assertThat(backup.manifest().artifact().codecs()).containsExactly("zstd", "openpgp");
        assertThat(backup.dump().getFileName()).hasToString("dump.sql.zst.gpg");
        assertThat(backup.manifest().artifact().key()).endsWith(".sql.zst.gpg");
        assertThat(backup.manifest().source().engine()).isEqualTo("mariadb");
        assertThat(backup.manifest().tool().name()).isIn("mariadb-dump", "mysqldump");
        assertThat(backup.manifest().inventory().tables())
                .extracting(TableInfo::name)
                .containsAll(MariaDbDatabases.CHINOOK_TABLES)
                .contains("InvoiceAudit");
        for (TableInfo table : backup.manifest().inventory().tables()) {
            assertThat(table.rows())
                    .as("manifest count of %s against the source's COUNT(*)", table.name())
                    .isEqualTo(MARIADB.countRows(mariaSource, table.name()));
        }

        String restored = "bulwark_dr_my_restored_" + MariaDbDatabases.randomHex(4);
        mariaRestored.add(restored);
        String mariadb = "mariadb -h 127.0.0.1 -P 3306 -u root ";
        ProcessRunner.Result restore = run("cd " + q(backup.dir()) + " && " + mariadb + "-e "
                + q("CREATE DATABASE " + restored) + " && gpg --batch --pinentry-mode loopback --passphrase-file "
                + q(passphraseFile) + " --decrypt dump.sql.zst.gpg | zstd -d | " + mariadb + restored);

        assertThat(restore.exitCode()).as(restore.stderr()).isZero();
        for (TableInfo table : backup.manifest().inventory().tables()) {
            assertThat(MARIADB.countRows(restored, table.name()))
                    .as("restored rows of %s", table.name())
                    .isEqualTo(table.rows());
        }
        SchemaInventory inventory;
        try (Connection c = MARIADB.connect(restored)) {
            inventory = new MariaDbInspector().inventory(c, restored);
        }
        assertThat(inventory.views()).containsExactly(restored + ".LongTrack");
        assertThat(inventory.triggers()).containsExactly(restored + ".Invoice.invoice_audit");
        assertThat(inventory.functions()).containsExactly(restored + ".add_invoice()");
        assertThat(inventory.events()).containsExactly(restored + ".purge_invoice_audit");
        assertThat(inventory)
                .as("the restored database's inventory is the manifest's, renamed")
                .isEqualTo(renamed(backup.manifest().inventory(), mariaSource, restored));
        MARIADB.execute(restored, "CALL add_invoice(3, 1.00)");
        assertThat(MARIADB.countRows(restored, "InvoiceAudit"))
                .as("the restored procedure and trigger work")
                .isEqualTo(3);
    }

    @Test
    void aGzipBackupRestoresWithGzipAndPgRestoreAlone() throws Exception {
        Downloaded backup = backUp("dr-pg-gzip");

        assertThat(backup.manifest().artifact().codecs()).containsExactly("gzip");
        assertThat(backup.dump().getFileName()).hasToString("dump.pgcustom.gz");
        assertThat(backup.manifest().artifact().key()).endsWith(".gz");

        String restored = freshPostgresDatabase();
        ProcessRunner.Result restore = run("cd " + q(backup.dir()) + " && gzip -d < dump.pgcustom.gz"
                + " | pg_restore --no-owner -d " + q(postgresUrl(restored)));

        assertThat(restore.exitCode()).as(restore.stderr()).isZero();
        assertPostgresRowCountsMatch(backup.manifest(), restored);
    }

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({"dr-my-noview, SHOW VIEW", "dr-my-notrigger, TRIGGER"})
    void aBackupUserLackingAPrivilegeEndsPermissionDeniedNamingItWithNothingStored(String target, String privilege)
            throws Exception {
        String requestId = UUID.randomUUID().toString();
        RequestTopic.publish(brokers, target, "{\"requestId\":\"" + requestId + "\",\"targetId\":\"" + target + "\"}");

        BackupFailed failed = EventJson.read(
                await(Topics.BACKUP_FAILED, mentioning(requestId)).value(), BackupFailed.class);
        assertThat(failed.reason()).isEqualTo(FailureReason.PERMISSION_DENIED);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("the backup user lacks", privilege);
        backupUsers
                .keySet()
                .forEach(role -> assertThat(failed.message()).doesNotContain(readSecret(passwordFiles.get(role))));
        assertThat(store.list(target + "/")).isEmpty();
        assertThat(store.incompleteUploads(target + "/")).isEmpty();
        assertThat(store.exists(ObjectStoreAttemptLedger.key(target, UUID.fromString(requestId))))
                .isFalse();
    }

    @Test
    void aRequestWithAnInvalidLabelIsAnsweredInvalidRequestAndDeadLetteredWithNothingUploaded() throws Exception {
        String requestId = UUID.randomUUID().toString();
        String json = "{\"requestId\":\"" + requestId + "\",\"targetId\":\"dr-label\",\"label\":\"Bad Label!\"}";
        RequestTopic.publish(brokers, "dr-label", json);

        BackupFailed failed = EventJson.read(
                await(Topics.BACKUP_FAILED, mentioning(requestId)).value(), BackupFailed.class);
        assertThat(failed.reason()).isEqualTo(FailureReason.INVALID_REQUEST);
        assertThat(failed.targetId()).isEqualTo("dr-label");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.message()).contains("label");
        ConsumerRecord<String, byte[]> dead = await(Topics.deadLetter(Topics.BACKUP_REQUESTED), mentioning(requestId));
        assertThat(dead.value()).asString(StandardCharsets.UTF_8).isEqualTo(json);
        assertThat(store.list("dr-label/")).isEmpty();
        assertThat(store.list("")).noneMatch(key -> key.contains(requestId.substring(0, 8)));
        assertThat(store.incompleteUploads("dr-label/")).isEmpty();
    }

    /** What a DR operator has after {@code mc cp --recursive} of one backup's folder. */
    private record Downloaded(BackupCompleted completed, Path dir, Path dump, Manifest manifest) {}

    /**
     * Requests a backup of {@code target}, awaits its {@code BackupCompleted}, downloads every object of its
     * prefix into a fresh folder and checks, as the README says, {@code sha256sum} of the dump against {@code
     * artifact.sha256} of {@code manifest.json}, and that the manifest holds no secret.
     */
    private Downloaded backUp(String target) throws Exception {
        String requestId = UUID.randomUUID().toString();
        RequestTopic.publish(
                brokers,
                target,
                "{\"requestId\":\"" + requestId + "\",\"targetId\":\"" + target + "\",\"label\":\"dr\"}");
        BackupCompleted completed = EventJson.read(
                await(Topics.BACKUP_COMPLETED, mentioning(requestId)).value(), BackupCompleted.class);

        Path local = Files.createDirectory(dir.resolve("download-" + requestId.substring(0, 8)));
        List<String> keys = store.list(completed.prefix());
        assertThat(keys).containsExactlyInAnyOrder(completed.artifact().key(), completed.manifestKey());
        for (String key : keys) {
            try (InputStream in = store.get(key)) {
                Files.copy(in, local.resolve(key.substring(completed.prefix().length())));
            }
        }
        Path dump = local.resolve(
                completed.artifact().key().substring(completed.prefix().length()));
        byte[] manifestJson = Files.readAllBytes(local.resolve(ObjectKeys.MANIFEST));
        JsonNode node = EventJson.mapper().readTree(manifestJson);
        String sha256sum = run("cd " + q(local) + " && sha256sum " + q(dump.getFileName()))
                .stdout()
                .split("\\s+")[0];
        assertThat(sha256sum)
                .as("sha256sum of the stored bytes is artifact.sha256 of manifest.json")
                .isEqualTo(node.path("artifact").path("sha256").asString())
                .isEqualTo(completed.artifact().sha256())
                .hasSize(64);
        assertThat(Files.size(dump)).isEqualTo(completed.artifact().storedBytes());

        String text = new String(manifestJson, StandardCharsets.UTF_8);
        assertThat(text)
                .doesNotContain(s3.secretKey())
                .doesNotContain(passphrase)
                .doesNotContainIgnoringCase("passw");
        passwordFiles.values().forEach(file -> assertThat(text).doesNotContain(readSecret(file)));
        assertThat(text).doesNotContain("BEGIN PGP");
        return new Downloaded(completed, local, dump, ManifestJson.read(manifestJson));
    }

    private void assertPostgresRowCountsMatch(Manifest manifest, String restored) {
        assertThat(manifest.inventory().tables())
                .extracting(TableInfo::name)
                .containsExactlyInAnyOrderElementsOf(PostgresDatabases.CHINOOK_TABLES);
        assertThat(manifest.inventory().totalRows()).isEqualTo(15_607);
        for (TableInfo table : manifest.inventory().tables()) {
            String qualified = "\"" + table.schema() + "\".\"" + table.name() + "\"";
            assertThat(table.rows())
                    .as("manifest count of %s against the source", qualified)
                    .isEqualTo(POSTGRES.countRows(pgSource, qualified));
            assertThat(POSTGRES.countRows(restored, qualified))
                    .as("restored rows of %s", qualified)
                    .isEqualTo(table.rows());
        }
    }

    private static String freshPostgresDatabase() {
        String name = POSTGRES.createUnique("bulwark_dr_pg_restored");
        pgRestored.add(name);
        return name;
    }

    private static String postgresUrl(String database) {
        return "postgresql://" + POSTGRES.username() + "@" + POSTGRES.host() + ":" + POSTGRES.port() + "/" + database;
    }

    /** The key id (16 hex digits, as {@code gpg --list-packets} prints it) of the ops key's encryption subkey. */
    private static String opsKeyEncryptionSubkeyId() {
        return gnupg.gpg("--with-colons", "--list-keys", opsKey.email())
                .stdout()
                .lines()
                .filter(l -> l.startsWith("sub:") && l.split(":")[11].contains("e"))
                .map(l -> l.split(":")[4])
                .findFirst()
                .orElseThrow();
    }

    /** {@code inventory} with every name qualified by database {@code from} qualified by {@code to} instead. */
    private static SchemaInventory renamed(SchemaInventory inventory, String from, String to) {
        UnaryOperator<List<String>> rename = names -> names.stream()
                .map(n -> n.startsWith(from + ".") ? to + n.substring(from.length()) : n)
                .toList();
        return new SchemaInventory(
                inventory.tables().stream()
                        .map(t -> new TableInfo(
                                t.schema().equals(from) ? to : t.schema(), t.name(), t.rows(), t.partitioned()))
                        .toList(),
                rename.apply(inventory.views()),
                rename.apply(inventory.materializedViews()),
                rename.apply(inventory.sequences()),
                rename.apply(inventory.functions()),
                rename.apply(inventory.indexes()),
                rename.apply(inventory.constraints()),
                rename.apply(inventory.triggers()),
                rename.apply(inventory.policies()),
                rename.apply(inventory.events()),
                rename.apply(inventory.extensions()));
    }

    /** Runs {@code script} with {@code bash -o pipefail -c}, {@code GNUPGHOME} the test's keyring. */
    private static ProcessRunner.Result run(String script) {
        ProcessRunner.Result result = PROCESSES.run(
                new ProcessRunner.Command(List.of("bash", "-o", "pipefail", "-c", script), gnupg.env(), TOOL_TIMEOUT));
        assertThat(result.timedOut()).as("%s timed out", script).isFalse();
        return result;
    }

    /** {@code value} single-quoted for bash. */
    private static String q(Object value) {
        return "'" + value.toString().replace("'", "'\\''") + "'";
    }

    private static String readSecret(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Predicate<ConsumerRecord<String, byte[]>> mentioning(String text) {
        return r -> new String(r.value(), StandardCharsets.UTF_8).contains(text);
    }

    private ConsumerRecord<String, byte[]> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dr-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(r)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + WAIT);
    }
}
