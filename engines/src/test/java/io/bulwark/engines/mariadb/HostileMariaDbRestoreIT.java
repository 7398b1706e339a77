package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpOptions;
import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.process.ProcessRunner;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile MariaDB artifacts restored into a real {@link LocalMariaDbInstance} with the real {@link
 * MariaDbRestoreTool}: each tries one escape ({@code LOAD DATA LOCAL INFILE} of a secret file, {@code INTO OUTFILE}
 * into a world-writable folder outside the sandbox, {@code LOAD_FILE} of the secret from a trigger and a view of a
 * real source dumped by {@code mariadb-dump}). Each is a failed restore with the reason, and also with the {@link
 * SqlDumpGuard} tripwire off the server itself refuses: no file appears outside the sandbox, the secret is nowhere in
 * the restored database, and no {@code mariadbd} outlives the sandbox. The secret file is world-readable and the escape
 * folder world-writable on purpose: only the server's options and the restore account's privileges stand in the way.
 */
class HostileMariaDbRestoreIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String HEADER = "-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu\n";

    private final ProcessRunner runner = new ProcessRunner();
    private final MariaDbRestoreTool restore = new MariaDbRestoreTool(runner);

    @TempDir
    Path work;

    private Path secret;
    private String secretText;
    private Path escape;
    private LocalMariaDbInstance sandbox;
    private final List<String> sourceDatabases = new ArrayList<>();

    @BeforeEach
    void hostileWorld() throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        secretText = "bulwark-secret-" + HexFormat.of().formatHex(randomBytes());
        secret = work.resolve("secret.txt");
        Files.writeString(secret, secretText);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        escape = Files.createDirectory(work.resolve("escape"));
        Files.setPosixFilePermissions(escape, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setAttribute(escape, "unix:mode", 01777);
        Path sandboxes = Files.createDirectory(work.resolve("sandboxes"));
        Files.setPosixFilePermissions(sandboxes, PosixFilePermissions.fromString("rwx--x--x"));
        sandbox = LocalMariaDbInstance.start(sandboxes, LocalMariaDbInstance.Options.sandbox(), runner);
        sandbox.createDatabase("restored");
    }

    @AfterEach
    void nothingEscaped() throws Exception {
        Path dir = sandbox.directory();
        long pid = sandbox.pid();
        try {
            assertThat(secretIn("restored"))
                    .as("the secret in the restored database")
                    .isEmpty();
        } finally {
            sandbox.close();
            for (String db : sourceDatabases) {
                MariaDbTestServer.dropDatabase(db);
            }
        }
        try (Stream<Path> files = Files.list(escape)) {
            assertThat(files).as("files written outside the sandbox").isEmpty();
        }
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("secret.txt", "escape", "sandboxes");
        }
        assertThat(dir).doesNotExist();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains(dir.toString())))
                .as("processes of the sandbox still running")
                .isEmpty();
    }

    @Test
    void loadDataLocalInfileIsRefusedByTheGuardAndByClientAndServer() throws Exception {
        String sql = HEADER + "CREATE TABLE `loot` (`line` TEXT);\n" + "LOAD DATA LOCAL INFILE '" + secret
                + "' INTO TABLE `loot`;\n";

        RestoreOutcome guarded = restore(restore, sql);
        assertThat(guarded.succeeded()).isFalse();
        assertThat(guarded.failureDetail()).contains("LOAD DATA").contains("refused");

        RestoreOutcome bypassed = restore(restore.withoutTripwire(), sql);
        assertThat(bypassed.succeeded())
                .as("the client and server refuse LOCAL INFILE")
                .isFalse();
        assertThat(bypassed.stderr()).containsIgnoringCase("used command is not allowed");
    }

    @Test
    void intoOutfileOutsideTheSandboxIsRefusedByTheGuardAndByTheServer() throws Exception {
        Path target = escape.resolve("stolen.txt");
        String sql = HEADER + "CREATE TABLE `t` (`a` TEXT);\nINSERT INTO `t` VALUES ('payload');\n"
                + "SELECT `a` FROM `t` INTO OUTFILE '" + target + "';\n"
                + "SELECT 'x' INTO DUMPFILE '" + escape.resolve("dump.bin") + "';\n";

        RestoreOutcome guarded = restore(restore, sql);
        assertThat(guarded.succeeded()).isFalse();
        assertThat(guarded.failureDetail()).contains("INTO OUTFILE");

        RestoreOutcome bypassed = restore(restore.withoutTripwire(), sql);
        assertThat(bypassed.succeeded()).isFalse();
        assertThat(bypassed.stderr())
                .as("the restore account has no FILE privilege")
                .contains("Access denied");

        try (Connection c = sandbox.connect("restored");
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("SELECT 'x' INTO OUTFILE '" + escape.resolve("su.txt") + "'"))
                    .as("even the superuser may write only under --secure-file-priv")
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(1290));
        }
        assertThat(target).doesNotExist();
    }

    @Test
    void loadFileInATriggerAndAViewOfARealSourceIsRefusedAndReadsNothingWithoutTheGuard() throws Exception {
        String source = MariaDbTestServer.createDatabase("sandbox_maria_hostile");
        sourceDatabases.add(source);
        ConnectionSpec spec = MariaDbTestServer.admin(source);
        MariaDbTestServer.execute(
                spec,
                "CREATE TABLE loot (id INT PRIMARY KEY, s TEXT);\n"
                        + "INSERT INTO loot VALUES (1, 'before');\n"
                        + "CREATE TRIGGER grab BEFORE INSERT ON loot FOR EACH ROW SET NEW.s = LOAD_FILE('" + secret
                        + "');\n"
                        + "CREATE VIEW peek AS SELECT LOAD_FILE('" + secret + "') AS s;\n");
        Path dump = work.resolve("sandboxes").resolve("dump.sql");
        try (MariaDbDumpSession session = new MariaDbDumpTool(runner).open(spec, DumpOptions.everything(TIMEOUT))) {
            try (InputStream out = session.stdout()) {
                Files.copy(out, dump);
            }
            session.awaitSuccess();
        }
        String sql = Files.readString(dump);
        Files.delete(dump);
        assertThat(sql).contains("LOAD_FILE").contains("DEFINER=`root`");

        RestoreOutcome guarded = restore(restore, sql);
        assertThat(guarded.succeeded()).isFalse();
        assertThat(guarded.failureDetail()).contains("LOAD_FILE");

        RestoreOutcome bypassed = restore(restore.withoutTripwire(), sql);
        assertThat(bypassed.succeeded()).as(bypassed.failureDetail()).isTrue();
        try (Connection c = MariaDbClient.connect(sandbox.restoreSpec("restored"));
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO loot (id) VALUES (2)");
            try (ResultSet rs = st.executeQuery("SELECT s FROM loot WHERE id = 2")) {
                rs.next();
                assertThat(rs.getString(1))
                        .as("the trigger runs as the restore account")
                        .isNull();
            }
            try (ResultSet rs = st.executeQuery("SELECT s FROM peek")) {
                rs.next();
                assertThat(rs.getString(1)).isNull();
            }
        }
        try (Connection c = sandbox.connect("restored");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT LOAD_FILE('" + secret + "')")) {
            rs.next();
            assertThat(rs.getString(1))
                    .as("even the superuser reads only under --secure-file-priv")
                    .isNull();
        }
    }

    private RestoreOutcome restore(MariaDbRestoreTool tool, String sql) throws SQLException {
        try (Connection c = sandbox.connect("mysql");
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `restored`");
        }
        sandbox.createDatabase("restored");
        return tool.restore(
                new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)),
                sandbox.restoreSpec("restored"),
                TIMEOUT);
    }

    /** Every text value of every table of {@code database} that holds the secret. */
    private List<String> secretIn(String database) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = sandbox.connect(database);
                Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs =
                    st.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + database
                            + "' AND TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + MariaDbInspector.quoteIdentifier(table))) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            String value = rs.getString(i);
                            if (value != null && value.contains(secretText)) {
                                found.add(table + ": " + value);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
