package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.mariadb.SqlDumpSelection.DanglingForeignKey;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.Command;
import io.bulwark.engines.process.ProcessRunner.RunningProcess;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Filters a real {@code mariadb-dump} of a database on the machine's MariaDB (dumped with the options of
 * {@link MariaDbDumpTool}) down to some tables, feeds the filtered stream to the {@code mariadb} client
 * ({@link MariaDbRestoreTool}: {@code --binary-mode --default-character-set=utf8mb4}) into a fresh
 * database, and checks what was restored against the source.
 */
class SqlDumpSelectionIT {

    private static final ProcessRunner RUNNER = new ProcessRunner();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static final String SCHEMA = """
            CREATE TABLE parent (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL);
            CREATE TABLE child (
                id INT AUTO_INCREMENT PRIMARY KEY,
                parent_id INT,
                note VARCHAR(200),
                payload BLOB,
                KEY child_note (note),
                CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));
            CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, msg VARCHAR(200));
            CREATE TABLE many (id INT PRIMARY KEY, s VARCHAR(100));
            CREATE TRIGGER child_ai AFTER INSERT ON child FOR EACH ROW
                INSERT INTO audit (msg) VALUES (CONCAT('child ', NEW.id, '; CREATE TABLE x'));
            CREATE TRIGGER parent_bu BEFORE UPDATE ON parent FOR EACH ROW SET NEW.name = UPPER(NEW.name);
            CREATE VIEW child_view AS SELECT id, note FROM child;
            CREATE EVENT purge_audit ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM audit;
            INSERT INTO parent (name) VALUES ('a'), ('b;c'), ('CREATE TABLE `x`');
            INSERT INTO child (parent_id, note, payload)
                SELECT 1 + seq % 3, CONCAT('note ', seq, IF(seq % 7 = 0, ''';--', '')),
                    IF(seq % 2 = 0, X'000A0D27', IF(seq % 5 = 0, NULL, UNHEX(SHA2(seq, 256))))
                FROM seq_1_to_500;
            DELETE FROM child WHERE id > 495;
            INSERT INTO many SELECT seq, CONCAT('row ', seq, ' (a),(b);') FROM seq_1_to_5000;
            """;

    private static String source;
    private static byte[] dump;

    @BeforeAll
    static void dumpASource() throws Exception {
        source = MariaDbTestServer.createDatabase("bulwark_partial_src");
        ConnectionSpec spec = MariaDbTestServer.admin(source);
        MariaDbTestServer.execute(spec, SCHEMA);
        MariaDbTestServer.execute(
                spec, "CREATE PROCEDURE add_audit(m VARCHAR(200)) BEGIN INSERT INTO audit (msg) VALUES (m); END");
        List<String> argv = new ArrayList<>();
        argv.add(MariaDbDumpTool.DEFAULT_PROGRAM);
        argv.addAll(MariaDbClient.connectionOptions(spec));
        argv.addAll(MariaDbDumpTool.DUMP_OPTIONS);
        argv.add("--");
        argv.add(source);
        RunningProcess process = RUNNER.start(new Command(argv, null, TIMEOUT));
        process.stdin().close();
        dump = process.stdout().readAllBytes();
        assertThat(process.waitFor()).as(process.stderr()).isZero();
    }

    @AfterAll
    static void dropTheSource() throws Exception {
        if (source != null) {
            MariaDbTestServer.dropDatabase(source);
        }
    }

    /** Restores the selection of {@code tables} into a fresh database; returns its name. */
    private static String restore(SqlDumpSelection selection) throws Exception {
        String target = MariaDbTestServer.createDatabase("bulwark_partial_dst");
        RestoreOutcome outcome =
                new MariaDbRestoreTool(RUNNER).restore(selection, MariaDbTestServer.admin(target), TIMEOUT);
        assertThat(outcome.succeeded()).as(outcome.failureDetail()).isTrue();
        return target;
    }

    private static List<String> column(String database, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = MariaDbTestServer.connect(MariaDbTestServer.admin(database));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Every row of {@code child}, its BLOB as hex. */
    private static List<String> childRows(String database) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = MariaDbTestServer.connect(MariaDbTestServer.admin(database));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, parent_id, note, payload FROM child ORDER BY id")) {
            while (rs.next()) {
                byte[] payload = rs.getBytes(4);
                rows.add(rs.getInt(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|"
                        + (payload == null ? "null" : HexFormat.of().formatHex(payload)));
            }
        }
        return rows;
    }

    /** {@code SCHEMA = 'database'}, to follow the prefix of an {@code information_schema} column. */
    private static String objects(String database) {
        return "SCHEMA = '" + database + "'";
    }

    @Test
    void restoresAChildTableAndABigOneWithTheirBytesTriggersAndCountsAndReportsTheDanglingForeignKey()
            throws Exception {
        SqlDumpSelection selection = new SqlDumpSelection(new ByteArrayInputStream(dump), Set.of("child", "many"));
        String target = restore(selection);
        try {
            SqlDumpSelection.Report report = selection.report();
            assertThat(report.tables()).containsExactly("child", "many");
            assertThat(report.rowCounts()).containsExactly(entry("child", 495L), entry("many", 5000L));
            assertThat(report.danglingForeignKeys())
                    .containsExactly(new DanglingForeignKey("fk_child_parent", "child", "parent"));

            assertThat(column(
                            target,
                            "SELECT CONCAT(TABLE_NAME, ' ', TABLE_TYPE) FROM information_schema.TABLES WHERE TABLE_"
                                    + objects(target) + " ORDER BY 1"))
                    .containsExactly("child BASE TABLE", "many BASE TABLE");
            assertThat(MariaDbTestServer.countRows(MariaDbTestServer.admin(target)))
                    .containsExactly(entry("child", 495L), entry("many", 5000L));
            assertThat(childRows(target)).isEqualTo(childRows(source)).contains("2|3|note 2|000a0d27");
            assertThat(column(target, "SELECT s FROM many WHERE id = 4999")).containsExactly("row 4999 (a),(b);");
            assertThat(column(
                            target,
                            "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_" + objects(target)))
                    .containsExactly("child_ai");
            assertThat(column(
                            target,
                            "SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_" + objects(target)))
                    .isEmpty();
            assertThat(column(
                            target, "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_" + objects(target)))
                    .isEmpty();
            assertThat(column(
                            target,
                            "SELECT CONSTRAINT_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS"
                                    + " WHERE CONSTRAINT_" + objects(target)))
                    .as("MariaDB keeps the foreign key, dangling")
                    .containsExactly("fk_child_parent");
            assertThat(column(
                            target,
                            "SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_" + objects(target)
                                    + " AND TABLE_NAME = 'child' ORDER BY 1"))
                    .containsExactly("child_note", "fk_child_parent", "PRIMARY");
            String autoIncrement =
                    "SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_NAME = 'child' AND TABLE_";
            assertThat(column(target, autoIncrement + objects(target)))
                    .isEqualTo(column(source, autoIncrement + objects(source)))
                    .hasSize(1);
        } finally {
            MariaDbTestServer.dropDatabase(target);
        }
    }

    @Test
    void restoresAParentWithItsChildAndBothTriggers() throws Exception {
        SqlDumpSelection selection = new SqlDumpSelection(new ByteArrayInputStream(dump), Set.of("parent", "child"));
        String target = restore(selection);
        try {
            assertThat(selection.report().danglingForeignKeys()).isEmpty();
            assertThat(selection.report().rowCounts()).containsExactly(entry("child", 495L), entry("parent", 3L));
            assertThat(column(target, "SELECT name FROM parent ORDER BY id"))
                    .containsExactly("a", "b;c", "CREATE TABLE `x`");
            assertThat(column(
                            target,
                            "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_" + objects(target)
                                    + " ORDER BY 1"))
                    .containsExactly("child_ai", "parent_bu");
            MariaDbTestServer.execute(MariaDbTestServer.admin(target), "UPDATE parent SET name = 'z' WHERE id = 1");
            assertThat(column(target, "SELECT name FROM parent WHERE id = 1")).containsExactly("Z");
        } finally {
            MariaDbTestServer.dropDatabase(target);
        }
    }

    @Test
    void namesASelectedTableTheDumpDoesNotHoldOnceTheStreamEnded() throws Exception {
        try (InputStream selection =
                new SqlDumpSelection(new ByteArrayInputStream(dump), Set.of("child", "child_view", "Parent"))) {
            byte[] out = selection.readAllBytes();
            assertThat(out.length).isPositive().isLessThan(dump.length);
            assertThat(Arrays.equals(out, dump)).isFalse();
            assertThatThrownBy(((SqlDumpSelection) selection)::report)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not in the dump: Parent, child_view")
                    .hasMessageContaining("it creates the tables audit, child, many, parent");
        }
    }
}
