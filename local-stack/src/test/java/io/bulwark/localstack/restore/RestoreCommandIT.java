package io.bulwark.localstack.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreState;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.embedded.PostgresDatabases;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.mariadb.MariaDbDumpTool;
import io.bulwark.engines.postgres.PgDumpTool;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.localstack.LocalStack;
import io.bulwark.localstack.bench.DirectCapture;
import io.bulwark.pipeline.ReportStore;
import io.bulwark.testsupport.MariaDbDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./bulwark restore} run in-process ({@link LocalStack#commandLine()}) on real components: S3Proxy holding
 * real backups (a PostgreSQL database with a foreign key, serials, an identity column, a view and a second schema; a
 * MariaDB one with a foreign key, AUTO_INCREMENT and a view), dumped by {@code pg_dump} and {@code mariadb-dump}
 * through the capture stream the dump-worker uses; the machine's PostgreSQL and MariaDB as sources and destinations.
 */
class RestoreCommandIT {

    private static final String PG_TARGET = "itpg";
    private static final String MARIA_TARGET = "itmaria";
    private static final PostgresDatabases PG = PostgresDatabases.local();
    private static final MariaDbDatabases MARIA = MariaDbDatabases.local();

    @TempDir
    static Path shared;

    @TempDir
    Path work;

    private static S3ProxyServer s3;
    private static MinioObjectStore store;
    private static Path accessKeyFile;
    private static Path secretKeyFile;
    private static String pgSource;
    private static String mariaSource;
    private static DirectCapture.Backup pgVerified;
    private static DirectCapture.Backup pgUnverified;
    private static DirectCapture.Backup mariaBackup;

    private final List<String> pgCreated = new ArrayList<>();
    private final List<String> mariaCreated = new ArrayList<>();
    private String out;
    private String err;
    private boolean progressBar;

    @BeforeAll
    static void storeBackups() throws IOException {
        s3 = S3ProxyServer.start(shared.resolve("s3"), "bulwark");
        store = new MinioObjectStore(ObjectStoreSettings.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), "bulwark"));
        accessKeyFile = Files.writeString(shared.resolve("s3-access"), s3.accessKey() + "\n");
        secretKeyFile = Files.writeString(shared.resolve("s3-secret"), s3.secretKey() + "\n");

        pgSource = PG.createUnique("rsrc");
        PG.execute(pgSource, """
                CREATE TABLE customer (id serial PRIMARY KEY, name text NOT NULL);
                CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customer(id),
                                     amount numeric(10,2));
                CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 50;
                CREATE SCHEMA audit;
                CREATE TABLE audit.log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, msg text);
                INSERT INTO customer (name) SELECT 'customer ' || g FROM generate_series(1, 20) g;
                INSERT INTO orders (customer_id, amount) SELECT 1 + g % 20, g FROM generate_series(1, 100) g;
                INSERT INTO audit.log (msg) SELECT 'event ' || g FROM generate_series(1, 7) g;
                """);
        ProcessRunner runner = new ProcessRunner();
        PgDumpTool pgDump = new PgDumpTool(runner, PgDumpTool.DEFAULT_PROGRAM, Duration.ofMinutes(5));
        ConnectionSpec pgSpec = new ConnectionSpec(PG.host(), PG.port(), pgSource, PG.username(), PG.password());
        pgVerified = DirectCapture.capture(store, PG_TARGET, pgDump, pgSpec, CodecChain.zstd(3), Duration.ofMinutes(5));
        markPassed(pgVerified);
        pgUnverified =
                DirectCapture.capture(store, PG_TARGET, pgDump, pgSpec, CodecChain.zstd(3), Duration.ofMinutes(5));

        mariaSource = MARIA.createUnique("rsrc");
        MARIA.execute(mariaSource, """
                CREATE TABLE artist (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL);
                CREATE TABLE album (id INT AUTO_INCREMENT PRIMARY KEY, artist_id INT NOT NULL,
                                    title VARCHAR(100), FOREIGN KEY (artist_id) REFERENCES artist(id));
                CREATE VIEW artist_albums AS SELECT a.name, b.title FROM artist a JOIN album b ON b.artist_id = a.id;
                INSERT INTO artist (name) VALUES ('one'), ('two'), ('three');
                INSERT INTO album (artist_id, title) VALUES (1, 'a'), (1, 'b'), (2, 'c'), (3, 'd'), (3, 'e');
                """);
        mariaBackup = DirectCapture.capture(
                store,
                MARIA_TARGET,
                new MariaDbDumpTool(runner),
                MARIA.connectionSpec(mariaSource),
                CodecChain.zstd(3),
                Duration.ofMinutes(5));
        markPassed(mariaBackup);
    }

    @AfterAll
    static void dropSources() {
        if (pgSource != null) {
            PG.drop(pgSource);
        }
        if (mariaSource != null) {
            MARIA.drop(mariaSource);
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @AfterEach
    void dropRestored() {
        pgCreated.forEach(RestoreCommandIT::dropPg);
        mariaCreated.forEach(MARIA::drop);
    }

    @Test
    void restoresTheTargetsNewestVerifiedBackupIntoANewDatabaseAndProvesIt() throws IOException {
        Path reportFile = work.resolve("report.json");

        int code = restore(
                "--target",
                PG_TARGET,
                "--to",
                "postgresql://postgres@127.0.0.1:5432",
                "--report-json",
                reportFile.toString());

        RestoreReport report = read(reportFile);
        pgCreated.add(report.destination().database());
        assertThat(code).as(err).isZero();
        assertThat(report.state()).isEqualTo(RestoreState.SUCCEEDED);
        assertThat(report.backupId())
                .as("the verified backup, not the newer unverified one")
                .isEqualTo(pgVerified.manifest().backupId());
        assertThat(report.destination().database()).startsWith(pgSource + "_restored_");
        assertThat(report.destination().created()).isTrue();
        assertThat(report.checks())
                .extracting(c -> c.name() + " " + c.status())
                .contains(
                        "tables PASSED",
                        "row-counts PASSED",
                        "schema PASSED",
                        "foreign-keys PASSED",
                        "sequences PASSED")
                .noneMatch(c -> c.endsWith("FAILED") || c.endsWith("ERROR"));
        assertThat(pgCounts(report.destination().database())).isEqualTo(pgCounts(pgSource));
        assertThat(report.rows()).allMatch(TableRows::matches).hasSize(3);
        assertThat(out).contains("Restore SUCCEEDED").contains("public.orders");
        assertThat(store.list(pgVerified.prefix() + ObjectKeys.RESTORES))
                .as("restore.json stored beside the backup")
                .containsExactly(ObjectKeys.inPrefix(
                        ObjectKeys.restorePrefix(pgVerified.prefix(), report.restoreId()), ObjectKeys.RESTORE_JSON));
    }

    @Test
    void restoresOnlyTheTablesAskedForShowingTheProgressBar() throws IOException {
        String database = "rdst_partial_" + System.nanoTime();
        Path reportFile = work.resolve("partial.json");
        pgCreated.add(database);
        progressBar = true;

        int code = restore(
                "--backup",
                pgVerified.prefix(),
                "--to",
                "postgresql://postgres@127.0.0.1:5432/" + database,
                "--table",
                "public.customer",
                "--report-json",
                reportFile.toString());

        assertThat(code).as(err).isZero();
        assertThat(read(reportFile).tables()).containsExactly("public.customer");
        assertThat(pgCounts(database)).isEqualTo(Map.of("public.customer", 20L));
    }

    @Test
    void refusesANonEmptyDatabaseWithoutReplaceAndReplacesItWithConfirmation() throws IOException {
        String database = PG.createUnique("rdst_full");
        pgCreated.add(database);
        PG.execute(database, "CREATE TABLE keep_me (id int); INSERT INTO keep_me VALUES (1)");
        Path reportFile = work.resolve("refused.json");

        int refused = restore(
                "--backup",
                pgVerified.prefix(),
                "--to",
                "postgresql://postgres@127.0.0.1:5432",
                "--database",
                database,
                "--report-json",
                reportFile.toString());

        assertThat(refused).isEqualTo(RestoreExit.REFUSED);
        assertThat(read(reportFile).reason()).isEqualTo(RestoreFailureReason.DESTINATION_REFUSED);
        assertThat(err).contains("--replace --confirm " + database).doesNotContain("Exception");
        assertThat(pgCounts(database)).as("nothing written").isEqualTo(Map.of("public.keep_me", 1L));

        int replaced = restore(
                "--backup",
                pgVerified.prefix(),
                "--to",
                "postgresql://postgres@127.0.0.1:5432",
                "--database",
                database,
                "--replace",
                "--confirm",
                database);

        assertThat(replaced).as(err).isZero();
        assertThat(pgCounts(database)).isEqualTo(pgCounts(pgSource));
    }

    @Test
    void refusesAPasswordInTheUrlWithoutRepeatingIt() {
        int code = restore("--backup", pgVerified.prefix(), "--to", "postgresql://postgres:s3cr3t@127.0.0.1:5432");

        assertThat(code).isEqualTo(RestoreExit.REFUSED);
        assertThat(err)
                .contains(RestoreCredentials.RESTORE_PASSWORD_ENV)
                .contains("--password-file")
                .doesNotContain("s3cr3t");
    }

    @Test
    void restoresABackupThatIsNotVerifiedOnlyWithForce() throws IOException {
        String database = "rdst_forced_" + System.nanoTime();
        Path reportFile = work.resolve("forced.json");

        int refused =
                restore("--backup", pgUnverified.prefix(), "--to", "postgresql://postgres@127.0.0.1:5432/" + database);

        assertThat(refused).isEqualTo(RestoreExit.REFUSED);
        assertThat(err + out).contains("BACKUP_NOT_VERIFIED");
        assertThat(PG.exists(database)).isFalse();

        pgCreated.add(database);
        int forced = restore(
                "--backup",
                pgUnverified.manifest().backupId().toString(),
                "--to",
                "postgresql://postgres@127.0.0.1:5432/" + database,
                "--force",
                "--report-json",
                reportFile.toString());

        assertThat(forced).as(err).isZero();
        assertThat(read(reportFile).forced()).isTrue();
        assertThat(pgCounts(database)).isEqualTo(pgCounts(pgSource));
    }

    @Test
    void restoresAMariaDbBackupIntoADatabaseOfAnotherName() throws IOException {
        String database = "rdst_maria_" + System.nanoTime();
        mariaCreated.add(database);
        Path reportFile = work.resolve("maria.json");

        int code = restore(
                "--backup",
                mariaBackup.prefix(),
                "--to",
                "mysql://root@127.0.0.1:3306/" + database,
                "--report-json",
                reportFile.toString());

        RestoreReport report = read(reportFile);
        assertThat(code).as(err + out).isZero();
        assertThat(report.state()).isEqualTo(RestoreState.SUCCEEDED);
        assertThat(report.checks()).noneMatch(c -> c.status() == CheckStatus.FAILED || c.status() == CheckStatus.ERROR);
        assertThat(MARIA.countRows(database, "artist")).isEqualTo(3);
        assertThat(MARIA.countRows(database, "album")).isEqualTo(5);
        assertThat(MARIA.countRows(mariaSource, "album"))
                .as("the source untouched")
                .isEqualTo(5);
    }

    @Test
    void answersAMissingBackupWithThreeAndAnUnreachableStoreWithFour() {
        assertThat(restore(
                        "--backup",
                        PG_TARGET + "/2020/01/adhoc_20200101T000000Z_00000000/",
                        "--to",
                        "postgresql://postgres@127.0.0.1:5432"))
                .isEqualTo(RestoreExit.NOT_FOUND);
        assertThat(err).contains("BACKUP_NOT_FOUND");

        assertThat(LocalStack.commandLine()
                        .execute(
                                "restore",
                                "--s3-endpoint",
                                "http://127.0.0.1:1",
                                "--bucket",
                                "bulwark",
                                "--s3-access-key-file",
                                accessKeyFile.toString(),
                                "--s3-secret-key-file",
                                secretKeyFile.toString(),
                                "--target",
                                PG_TARGET,
                                "--to",
                                "postgresql://postgres@127.0.0.1:5432"))
                .isEqualTo(RestoreExit.UNREACHABLE);
    }

    /** Runs {@code restore} against the test's S3Proxy, with the key files, capturing its output. */
    private int restore(String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--s3-endpoint",
                s3.endpoint(),
                "--bucket",
                "bulwark",
                "--s3-access-key-file",
                accessKeyFile.toString(),
                "--s3-secret-key-file",
                secretKeyFile.toString()));
        all.addAll(List.of(args));
        if (!progressBar) {
            all.addFirst("restore");
        }
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cli = progressBar
                ? new CommandLine(new RestoreCommand(System::getenv, () -> true))
                : LocalStack.commandLine();
        cli.setOut(new PrintWriter(o, true));
        cli.setErr(new PrintWriter(e, true));
        int code = cli.execute(all.toArray(String[]::new));
        out = o.toString();
        err = e.toString();
        return code;
    }

    /** Drops a PostgreSQL database of any name (a restore's default name has upper-case letters). */
    private static void dropPg(String database) {
        PG.execute("postgres", "DROP DATABASE IF EXISTS \"" + database.replace("\"", "\"\"") + "\" WITH (FORCE)");
    }

    private static RestoreReport read(Path file) throws IOException {
        return EventJson.read(Files.readAllBytes(file), RestoreReport.class);
    }

    /** A PASSED verification.json for the backup, as the verifier stores it. */
    private static void markPassed(DirectCapture.Backup backup) {
        new ReportStore(store, null)
                .storeVerification(
                        backup.prefix(),
                        new VerificationReport(
                                VerificationReport.SCHEMA_VERSION,
                                backup.manifest().backupId(),
                                backup.manifest().targetId(),
                                Outcome.PASSED,
                                List.of(),
                                List.of(),
                                null,
                                "test",
                                backup.manifest().artifact().key(),
                                ObjectKeys.manifestKey(backup.prefix()),
                                null,
                                null,
                                Instant.now()));
    }

    /** Every ordinary table of {@code database} outside the system schemas with its exact row count. */
    private static Map<String, Long> pgCounts(String database) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = PG.connect(database);
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT schemaname || '.' || tablename FROM pg_tables"
                    + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
