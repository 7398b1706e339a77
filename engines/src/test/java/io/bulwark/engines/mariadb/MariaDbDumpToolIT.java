package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpFailedException;
import io.bulwark.engines.DumpOptions;
import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.process.ProcessRunner;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MariaDbDumpToolIT {

    /** Every object kind the inventory knows, a trigger whose body inserts, and awkward data. */
    static final String RICH_SCHEMA = """
            CREATE TABLE customer (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(100),
              UNIQUE KEY uq_email (email), CONSTRAINT chk_name CHECK (name <> ''));
            CREATE TABLE audit_log (id INT AUTO_INCREMENT PRIMARY KEY, customer_id INT, msg TEXT,
              KEY idx_customer (customer_id), CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customer (id));
            CREATE TABLE blobs (id INT PRIMARY KEY, data LONGBLOB, txt TEXT);
            CREATE TABLE `odd ``name`` ; (x)` (x INT);
            CREATE TABLE nothing_here (x INT);
            CREATE VIEW customer_names AS SELECT id, name FROM customer;
            CREATE SEQUENCE invoice_no START WITH 100;
            CREATE TRIGGER customer_audit AFTER INSERT ON customer FOR EACH ROW
              INSERT INTO audit_log (customer_id, msg) VALUES (NEW.id, CONCAT('new; customer ),( ', NEW.name));
            CREATE PROCEDURE add_customer(IN n VARCHAR(100)) BEGIN INSERT INTO customer (name) VALUES (n); END;
            CREATE FUNCTION greeting(n VARCHAR(100)) RETURNS VARCHAR(120) DETERMINISTIC RETURN CONCAT('hello ', n);
            CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM audit_log WHERE id < 0;
            INSERT INTO customer (name, email) VALUES ('O''Brien', 'ob@example.com'), ('back\\\\slash "quoted"', NULL),
              ('multi\\nline\\r\\nname', 'ml@x'), ('emoji 😀🎉', 'e@x'), ('semi; colon),(paren', 's@x');
            CALL add_customer('via procedure');
            INSERT INTO `odd ``name`` ; (x)` VALUES (1), (2), (3);
            """;

    private final ProcessRunner runner = new ProcessRunner();
    private final MariaDbDumpTool tool = new MariaDbDumpTool(runner);

    @TempDir
    Path work;

    private String database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = MariaDbTestServer.createDatabase("bulwark_rich");
        ConnectionSpec spec = MariaDbTestServer.admin(database);
        MariaDbTestServer.execute(spec, RICH_SCHEMA);
        try (Connection c = MariaDbTestServer.connect(spec);
                PreparedStatement ps = c.prepareStatement("INSERT INTO blobs VALUES (?, ?, ?)")) {
            ps.setInt(1, 1);
            ps.setBytes(2, everyByte());
            ps.setString(3, "tab\there\r\nquote' dq\" backslash\\ nul\u0000end 😀");
            ps.execute();
            ps.setInt(1, 2);
            ps.setBytes(2, new byte[] {0x00, 0x27, 0x5C});
            ps.setString(3, "");
            ps.execute();
            ps.setInt(1, 3);
            ps.setBytes(2, new byte[0]);
            ps.setString(3, null);
            ps.execute();
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        MariaDbTestServer.dropDatabase(database);
    }

    @Test
    void dumpsEveryObjectKindAndRestoresItFaithfullyIntoALocalInstance() throws Exception {
        ConnectionSpec source = MariaDbTestServer.admin(database);
        Path dump = work.resolve("dump.sql");
        SchemaInventory dumped;
        try (MariaDbDumpSession session = tool.open(source, DumpOptions.everything(Duration.ofMinutes(5)))) {
            assertThat(session.command().argv()).startsWith("mariadb-dump");
            assertThat(session.command().argv().get(1)).startsWith("--defaults-extra-file=");
            assertThat(session.command().argv()).contains("--single-transaction", "--routines", "--", database);
            try (InputStream out = session.stdout()) {
                Files.copy(out, dump);
            }
            session.awaitSuccess();
            dumped = session.inventory();
            assertThat(session.serverVersion()).endsWith("-MariaDB");
            assertThat(session.serverVersionNum()).isGreaterThan(100000);
            assertThat(session.toolVersion()).contains("Distrib");
            assertThat(session.snapshotId()).isNull();
        }
        String sql = Files.readString(dump);
        assertThat(sql).doesNotContain("CREATE DATABASE").doesNotContainPattern("(?m)^USE ");

        try (Connection c = MariaDbTestServer.connect(source)) {
            assertThat(dumped).isEqualTo(new MariaDbInspector().inventory(c, database));
        }
        assertThat(dumped.tables())
                .containsExactly(
                        new TableInfo(database, "audit_log", 6),
                        new TableInfo(database, "blobs", 3),
                        new TableInfo(database, "customer", 6),
                        new TableInfo(database, "nothing_here", 0),
                        new TableInfo(database, "odd `name` ; (x)", 3));
        assertThat(dumped.views()).containsExactly(database + ".customer_names");
        assertThat(dumped.sequences()).containsExactly(database + ".invoice_no");
        assertThat(dumped.functions()).containsExactly(database + ".add_customer()", database + ".greeting()");
        assertThat(dumped.triggers()).containsExactly(database + ".customer.customer_audit");
        assertThat(dumped.events()).containsExactly(database + ".nightly");
        assertThat(dumped.indexes())
                .contains(
                        database + ".customer.PRIMARY",
                        database + ".customer.uq_email",
                        database + ".audit_log.idx_customer");
        assertThat(dumped.constraints())
                .contains(
                        database + ".customer.chk_name",
                        database + ".audit_log.fk_customer",
                        database + ".customer.uq_email");

        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        try (LocalMariaDbInstance sandbox =
                LocalMariaDbInstance.start(work, LocalMariaDbInstance.Options.sandbox(), runner)) {
            sandbox.createDatabase(database);
            RestoreOutcome result;
            try (InputStream in = Files.newInputStream(dump)) {
                result = new MariaDbRestoreTool(runner)
                        .restore(in, sandbox.restoreSpec(database), Duration.ofMinutes(5));
            }
            assertThat(result.succeeded()).as(result.failureDetail()).isTrue();
            assertThat(result.bytesFed()).isEqualTo(Files.size(dump));

            try (Connection restored = sandbox.connect(database);
                    Connection original = MariaDbTestServer.connect(source)) {
                assertThat(new MariaDbInspector().inventory(restored, database)).isEqualTo(dumped);
                for (String query : List.of(
                        "SELECT data FROM blobs ORDER BY id",
                        "SELECT txt FROM blobs ORDER BY id",
                        "SELECT name FROM customer ORDER BY id",
                        "SELECT msg FROM audit_log ORDER BY id",
                        "SELECT greeting('x')")) {
                    assertThat(column(restored, query)).as(query).containsExactlyElementsOf(column(original, query));
                }
                assertThat(bytes(restored, "SELECT data FROM blobs WHERE id = 1"))
                        .isEqualTo(everyByte());
                assertThat(bytes(restored, "SELECT data FROM blobs WHERE id = 2"))
                        .isEqualTo(new byte[] {0x00, 0x27, 0x5C});
            }
        }
    }

    @Test
    void aTableFilterNamingAMissingTableFailsBeforeTheToolRuns() {
        DumpOptions options =
                new DumpOptions(null, null, List.of("customer", "no_such_table"), null, Duration.ofMinutes(1));
        assertThatThrownBy(() -> tool.open(MariaDbTestServer.admin(database), options))
                .isInstanceOfSatisfying(DumpFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.DUMP_FAILED);
                    assertThat(e.getMessage()).contains("no_such_table");
                });
    }

    @Test
    void schemaFiltersAreAnInvalidRequest() {
        DumpOptions options = new DumpOptions(List.of("x"), null, null, null, Duration.ofMinutes(1));
        assertThatThrownBy(() -> tool.open(MariaDbTestServer.admin(database), options))
                .isInstanceOfSatisfying(
                        DumpFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.INVALID_REQUEST));
    }

    @Test
    void aMissingProgramFailsAsToolMissing() {
        MariaDbDumpTool broken = new MariaDbDumpTool(runner, "/nonexistent/mariadb-dump");
        assertThatThrownBy(() ->
                        broken.open(MariaDbTestServer.admin(database), DumpOptions.everything(Duration.ofMinutes(1))))
                .isInstanceOfSatisfying(
                        DumpFailedException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.TOOL_MISSING));
    }

    @Test
    void includedTablesKeepTheirTriggersAndTheDatabasesRoutinesAndEventsButNoViews() throws Exception {
        DumpOptions options = new DumpOptions(null, null, List.of("customer"), null, Duration.ofMinutes(1));
        Path dump = work.resolve("customer.sql");
        SchemaInventory inventory;
        try (MariaDbDumpSession session = tool.open(MariaDbTestServer.admin(database), options)) {
            try (InputStream out = session.stdout()) {
                Files.copy(out, dump);
            }
            session.awaitSuccess();
            inventory = session.inventory();
        }
        assertThat(inventory.tables()).containsExactly(new TableInfo(database, "customer", 6));
        assertThat(inventory.triggers()).containsExactly(database + ".customer.customer_audit");
        assertThat(inventory.views()).isEmpty();
        assertThat(inventory.sequences()).isEmpty();
        assertThat(inventory.functions()).hasSize(2);
        assertThat(inventory.events()).hasSize(1);
        assertThat(inventory.indexes()).allMatch(i -> i.startsWith(database + ".customer."));

        String restoredName = MariaDbTestServer.createDatabase("bulwark_rich_restore");
        try {
            ConnectionSpec target = MariaDbTestServer.admin(restoredName);
            try (InputStream in = Files.newInputStream(dump)) {
                var result = new MariaDbRestoreTool(runner).restore(in, target, Duration.ofMinutes(1));
                assertThat(result.succeeded()).as(result.failureDetail()).isTrue();
            }
            try (Connection c = MariaDbTestServer.connect(target)) {
                SchemaInventory restored = new MariaDbInspector().inventory(c, restoredName);
                assertThat(restored.tables()).containsExactly(new TableInfo(restoredName, "customer", 6));
                assertThat(restored.views()).isEmpty();
                assertThat(restored.triggers()).containsExactly(restoredName + ".customer.customer_audit");
                assertThat(restored.functions()).hasSize(2);
                assertThat(restored.events()).hasSize(1);
            }
        } finally {
            MariaDbTestServer.dropDatabase(restoredName);
        }
    }

    @Test
    void excludedTablesLoseTheirTriggersButViewsRoutinesAndEventsStay() throws Exception {
        DumpOptions options =
                new DumpOptions(null, null, null, List.of(database + ".customer", "blobs"), Duration.ofMinutes(1));
        SchemaInventory inventory;
        try (MariaDbDumpSession session = tool.open(MariaDbTestServer.admin(database), options)) {
            try (InputStream out = session.stdout()) {
                out.transferTo(java.io.OutputStream.nullOutputStream());
            }
            session.awaitSuccess();
            inventory = session.inventory();
            assertThat(session.command().argv())
                    .contains("--ignore-table=" + database + ".customer", "--ignore-table=" + database + ".blobs");
        }
        assertThat(inventory.tables())
                .extracting(TableInfo::name)
                .containsExactly("audit_log", "nothing_here", "odd `name` ; (x)");
        assertThat(inventory.triggers()).isEmpty();
        assertThat(inventory.views()).containsExactly(database + ".customer_names");
        assertThat(inventory.sequences()).containsExactly(database + ".invoice_no");
        assertThat(inventory.functions()).hasSize(2);
        assertThat(inventory.events()).hasSize(1);
        assertThat(inventory.constraints()).noneMatch(c -> c.startsWith(database + ".customer."));
    }

    static byte[] everyByte() {
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static List<String> column(Connection c, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                byte[] raw = rs.getBytes(1);
                values.add(raw == null ? null : java.util.HexFormat.of().formatHex(raw));
            }
        }
        return values;
    }

    private static byte[] bytes(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBytes(1);
        }
    }
}
