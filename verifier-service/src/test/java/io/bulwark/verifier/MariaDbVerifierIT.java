package io.bulwark.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.embedded.QuietLogging;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.engines.mariadb.MariaDbDumpTool;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.testsupport.MariaDbDatabases;
import java.io.InputStream;
import java.time.Duration;
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
 * The verifier on a MariaDB backup, end to end on real components: Chinook (MySQL edition) with a view, a trigger, a
 * procedure and an event on the machine's MariaDB, dumped by {@code mariadb-dump} through zstd into S3Proxy with its
 * manifest, then restored by the verifier into a {@code local} MariaDB sandbox (an ephemeral {@code mariadbd} from
 * the machine's binaries) and checked.
 */
@SpringBootTest(
        classes = VerifierApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.min-partition-count=1")
@EmbeddedKafka(
        partitions = 1,
        topics = {Topics.BACKUP_COMPLETED, Topics.BACKUP_VERIFIED},
        bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
class MariaDbVerifierIT {

    private static final String BUCKET = "bulwark";
    private static final String TARGET = "shop";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final MariaDbDatabases SOURCE = MariaDbDatabases.local();

    private static SandboxWorkDir work;
    private static S3ProxyServer s3;
    private static MinioObjectStore store;
    private static String sourceDb;

    @Autowired
    EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startStoreAndSourceDatabase() throws Exception {
        QuietLogging.apply();
        work = SandboxWorkDir.create("verifier-mariadb-it");
        s3 = S3ProxyServer.start(work.root().resolve("s3"), BUCKET);
        store = new MinioObjectStore(ObjectStoreSettings.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), BUCKET));
        sourceDb = SOURCE.createUnique("verifier_mariadb_it");
        SOURCE.loadChinook(sourceDb);
        SOURCE.execute(sourceDb, """
                CREATE TABLE InvoiceAudit (AuditId INT AUTO_INCREMENT PRIMARY KEY, InvoiceId INT NOT NULL,
                  Total DECIMAL(10,2) NOT NULL);
                CREATE VIEW LongTrack AS SELECT TrackId, Name FROM Track WHERE Milliseconds > 600000;
                CREATE TRIGGER invoice_audit AFTER INSERT ON Invoice FOR EACH ROW
                  INSERT INTO InvoiceAudit (InvoiceId, Total) VALUES (NEW.InvoiceId, NEW.Total);
                CREATE PROCEDURE add_invoice(IN customer INT, IN amount DECIMAL(10,2))
                  BEGIN
                    INSERT INTO Invoice (InvoiceId, CustomerId, InvoiceDate, Total)
                      SELECT MAX(InvoiceId) + 1, customer, NOW(), amount FROM Invoice;
                  END;
                CREATE EVENT purge_invoice_audit ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM InvoiceAudit;
                CALL add_invoice(1, 9.99);
                CREATE FUNCTION invoice_total(customer INT) RETURNS DECIMAL(10,2) READS SQL DATA
                  RETURN (SELECT COALESCE(SUM(Total), 0) FROM Invoice WHERE CustomerId = customer);
                CREATE TABLE Place (PlaceId INT AUTO_INCREMENT PRIMARY KEY, Label VARCHAR(100) NOT NULL,
                  Location POINT NOT NULL, Tags SET('a','b','c'), Kind ENUM('x','y') NOT NULL DEFAULT 'x',
                  LabelUpper VARCHAR(100) AS (UPPER(Label)) STORED, Built YEAR, Photo BLOB,
                  SPATIAL INDEX (Location), FULLTEXT INDEX (Label)) ENGINE=InnoDB;
                INSERT INTO Place (Label, Location, Tags, Kind, Built, Photo)
                  SELECT CONCAT('place ''', TrackId, ''';\\n'), POINT(TrackId, TrackId / 2), 'a,c', 'y',
                    2000 + TrackId % 20, UNHEX('DEADBEEF000A0D27')
                  FROM Track ORDER BY TrackId LIMIT 500;
                CREATE TABLE Visit (VisitId INT NOT NULL, VisitedOn DATE NOT NULL, PRIMARY KEY (VisitId, VisitedOn))
                  PARTITION BY RANGE (YEAR(VisitedOn))
                  (PARTITION p2025 VALUES LESS THAN (2026), PARTITION pmax VALUES LESS THAN MAXVALUE);
                INSERT INTO Visit SELECT TrackId, DATE '2025-06-01' + INTERVAL (TrackId % 400) DAY FROM Track;
                """);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("bulwark.storage.endpoint", () -> s3.endpoint());
        registry.add("bulwark.storage.access-key", () -> s3.accessKey());
        registry.add("bulwark.storage.secret-key", () -> s3.secretKey());
        registry.add("bulwark.storage.bucket", () -> BUCKET);
        registry.add("bulwark.verifier.sandbox.work-dir", () -> work.sandboxes().toString());
        registry.add("bulwark.verifier.sandbox.restore-timeout", () -> "5m");
        registry.add("bulwark.verifier.retry.initial-backoff", () -> "10ms");
        registry.add("bulwark.verifier.retry.max-backoff", () -> "50ms");
        registry.add("bulwark.targets.shop.verification.critical-tables[0]", () -> sourceDb + ".Invoice");
        registry.add("bulwark.targets.shop.verification.rto", () -> "30m");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try {
            if (sourceDb != null) {
                SOURCE.drop(sourceDb);
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
    void noSandboxIsLeftBehind() throws Exception {
        work.assertNoSandboxLeft();
    }

    @Test
    void aMariaDbDumpIsRestoredIntoALocalMariaDbSandboxAndPassesWithEveryTablesCount() throws Exception {
        BackupCapture.Backup backup = BackupCapture.capture(
                store,
                TARGET,
                new MariaDbDumpTool(new ProcessRunner()),
                SOURCE.connectionSpec(sourceDb),
                CodecChain.zstd());
        assertThat(backup.artifactKey()).endsWith("/dump.sql.zst");
        assertThat(backup.manifest().inventory().views()).containsExactly(sourceDb + ".LongTrack");
        assertThat(backup.manifest().inventory().triggers()).containsExactly(sourceDb + ".Invoice.invoice_audit");
        assertThat(backup.manifest().inventory().functions())
                .containsExactly(sourceDb + ".add_invoice()", sourceDb + ".invoice_total()");
        assertThat(backup.manifest().inventory().events()).containsExactly(sourceDb + ".purge_invoice_audit");

        BackupVerified event = new VerifierTopics(broker.getBrokersAsString(), WAIT).verify(backup.completed());

        assertThat(event.outcome()).as(event.checks().toString()).isEqualTo(Outcome.PASSED);
        assertThat(event.checks())
                .filteredOn(c -> !c.name().equals("large-objects") && !c.name().equals("source-health"))
                .extracting(CheckResult::status)
                .containsOnly(CheckStatus.PASSED);
        assertThat(event.checks())
                .filteredOn(c -> c.name().equals("large-objects") || c.name().equals("source-health"))
                .extracting(CheckResult::status)
                .as("MariaDB has no large objects; this manifest records no source health")
                .containsExactly(CheckStatus.SKIPPED, CheckStatus.SKIPPED);
        assertThat(event.checks())
                .extracting(CheckResult::name)
                .contains(
                        "manifest",
                        "sandbox",
                        "checksum",
                        "restore",
                        "tables",
                        "row-counts",
                        "schema",
                        "large-objects",
                        "foreign-keys",
                        "indexes",
                        "sequences",
                        "source-health",
                        "critical-tables",
                        "rto");
        assertThat(event.checks()).extracting(CheckResult::name).containsSubsequence("checksum", "archive", "restore");
        assertThat(event.checks())
                .filteredOn(c -> c.name().equals("archive"))
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("mariadb-dump header: -- MariaDB dump"));
        assertThat(event.checks())
                .filteredOn(c -> c.name().equals("sequences"))
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.PASSED));
        assertThat(event.checks())
                .filteredOn(c -> c.name().equals("sandbox"))
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("local MariaDB"));
        assertThat(event.sandboxKind()).isEqualTo("local");
        assertThat(event.reportKey()).isEqualTo(backup.prefix() + ObjectKeys.VERIFICATION_JSON);

        VerificationReport report;
        try (InputStream in = store.get(event.reportKey())) {
            report = EventJson.read(in.readAllBytes(), VerificationReport.class);
        }
        assertThat(report.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(report.tables())
                .extracting(TableRows::name)
                .containsExactlyInAnyOrderElementsOf(backup.manifest().inventory().tables().stream()
                        .map(TableInfo::name)
                        .toList())
                .containsAll(MariaDbDatabases.CHINOOK_TABLES)
                .contains("InvoiceAudit");
        assertThat(report.tables()).allMatch(TableRows::matches);
        for (TableRows table : report.tables()) {
            assertThat(table.restoredRows())
                    .as("restored rows of %s", table.name())
                    .isEqualTo(SOURCE.countRows(sourceDb, table.name()));
        }
        assertThat(report.tables())
                .filteredOn(t -> t.name().equals("Invoice"))
                .singleElement()
                .satisfies(t -> assertThat(t.sourceRows()).isEqualTo(413));
        assertThat(report.sandboxServerVersion()).contains("MariaDB");
    }
}
