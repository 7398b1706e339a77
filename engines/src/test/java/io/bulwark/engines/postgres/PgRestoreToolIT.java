package io.bulwark.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.Command;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Restores real {@code pg_dump} archives of a database on the machine's PostgreSQL into a sandbox. */
class PgRestoreToolIT {

    private static final String SOURCE_URL = "jdbc:postgresql://127.0.0.1:5432/";
    private static final ProcessRunner RUNNER = new ProcessRunner();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static String sourceDb;
    private static byte[] archive;
    private static Path work;
    private static LocalPostgresInstance sandbox;
    private static PgRestoreTool tool;

    @BeforeAll
    static void dumpASourceAndStartASandbox() throws Exception {
        sourceDb = "bulwark_restore_it_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(SOURCE_URL + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + sourceDb);
        }
        try (Connection c = DriverManager.getConnection(SOURCE_URL + sourceDb, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)");
            s.execute("INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 5000) g");
            s.execute("CREATE TABLE notes (id serial PRIMARY KEY, item int REFERENCES items, body text)");
            s.execute("INSERT INTO notes (item, body) SELECT g, repeat('x', g % 50) FROM generate_series(1, 700) g");
        }
        ProcessRunner.RunningProcess dump = RUNNER.start(Command.of(
                TIMEOUT, "pg_dump", "-Fc", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d", sourceDb));
        dump.stdin().close();
        archive = dump.stdout().readAllBytes();
        assertThat(dump.waitFor()).as(dump.stderr()).isZero();

        work = Files.createTempDirectory("pgrestore-it");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        sandbox = LocalPostgresInstance.startSandbox(work, LocalPostgresInstance.Options.sandbox(), RUNNER);
        tool = new PgRestoreTool(RUNNER, sandbox.binDir());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (sandbox != null) {
            sandbox.close();
        }
        LocalPostgresInstance.deleteTree(work);
        try (Connection c = DriverManager.getConnection(SOURCE_URL + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + sourceDb + " WITH (FORCE)");
        }
    }

    @Test
    void listsTheTableOfContentsFromTheHeadOfAnArchiveAlone() {
        PgRestoreTool.Listing whole = tool.list(archive, TIMEOUT);
        PgRestoreTool.Listing head = tool.list(Arrays.copyOf(archive, archive.length / 2), TIMEOUT);

        assertThat(whole.succeeded()).as(whole.error()).isTrue();
        assertThat(whole.entries()).isGreaterThanOrEqualTo(8);
        assertThat(head.entries()).isEqualTo(whole.entries());
    }

    @Test
    void aHeadThatEndsInsideTheTableOfContentsSaysSoAndGarbageIsNoArchive() {
        PgRestoreTool.Listing cut = tool.list(Arrays.copyOf(archive, 40), TIMEOUT);
        PgRestoreTool.Listing garbage = tool.list("not an archive at all, just text".getBytes(), TIMEOUT);

        assertThat(cut.succeeded()).isFalse();
        assertThat(cut.endOfInput()).isTrue();
        assertThat(cut.error()).contains("end of file");
        assertThat(garbage.succeeded()).isFalse();
        assertThat(garbage.endOfInput()).isFalse();
        assertThat(garbage.error()).contains("pg_restore");
    }

    @Test
    void restoresAnArchiveStreamedFromAnInputStreamIntoAnEmptyDatabase() throws Exception {
        sandbox.createDatabase("clean");

        RestoreOutcome result =
                tool.restore(new ByteArrayInputStream(archive), sandbox.connectionSpec("clean"), TIMEOUT);

        assertThat(result.succeeded()).as(result.failureDetail()).isTrue();
        assertThat(result.bytesFed()).isEqualTo(archive.length);
        assertThat(result.inputComplete()).isTrue();
        assertThat(result.elapsedMillis()).isPositive();
        try (Connection c = sandbox.connect("clean");
                Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM items")).isEqualTo(5000);
            assertThat(count(s, "SELECT count(*) FROM notes")).isEqualTo(700);
        }
    }

    @Test
    void goesOnAfterErrorsAndQuotesThemWithExitCodeOne() throws Exception {
        sandbox.createDatabase("clashing");
        try (Connection c = sandbox.connect("clashing");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (other_column int)");
        }

        RestoreOutcome result =
                tool.restore(new ByteArrayInputStream(archive), sandbox.connectionSpec("clashing"), TIMEOUT);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr())
                .contains("relation \"items\" already exists")
                .contains("errors ignored on restore");
        assertThat(result.failureDetail()).contains("pg_restore exit code 1").contains("already exists");
        assertThat(result.stderr()).doesNotContain(sandbox.password());
        try (Connection c = sandbox.connect("clashing");
                Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM notes")).isEqualTo(700);
        }
    }

    @Test
    void reportsAnArchiveThatIsNotOne() {
        sandbox.createDatabase("garbage");
        byte[] garbage = new byte[100_000];
        Arrays.fill(garbage, (byte) 'x');

        RestoreOutcome result =
                tool.restore(new ByteArrayInputStream(garbage), sandbox.connectionSpec("garbage"), TIMEOUT);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("does not appear to be a valid archive");
    }

    @Test
    void reportsAStreamThatFailsMidwayAsAnInputError() {
        sandbox.createDatabase("truncated");
        InputStream failing = new InputStream() {
            private final InputStream head = new ByteArrayInputStream(archive, 0, archive.length / 2);

            @Override
            public int read() throws IOException {
                throw new IOException("unexpected");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = head.read(b, off, len);
                if (n < 0) {
                    throw new IOException("connection reset by the object store");
                }
                return n;
            }
        };

        RestoreOutcome result = tool.restore(failing, sandbox.connectionSpec("truncated"), TIMEOUT);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.inputError()).isEqualTo("connection reset by the object store");
        assertThat(result.inputComplete()).isFalse();
        assertThat(result.failureDetail())
                .contains("reading the archive failed")
                .contains("connection reset");
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
