package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.bulwark.engines.mariadb.SqlDumpSelection.DanglingForeignKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Filtering of canned {@code mariadb-dump} text: the real sample dump of {@code SqlDumpScannerTest}
 * (MariaDB 10.11: a sequence, a table with a trigger that inserts into another, a foreign key, a view, an
 * event, a function, a procedure, names with backticks, semicolons and non-ASCII letters) and small dumps
 * written here.
 */
class SqlDumpSelectionTest {

    private static final String HEADER = """
            /*M!999999\\- enable the sandbox mode */\s
            -- MariaDB dump 10.19
            /*!40101 SET NAMES utf8mb4 */;
            /*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
            """;

    private static final String FOOTER = """
            /*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;

            -- Dump completed on 2026-12-02 19:54:15
            """;

    private static byte[] sample() throws IOException {
        try (InputStream in = SqlDumpSelectionTest.class.getResourceAsStream("sample-dump.sql")) {
            return in.readAllBytes();
        }
    }

    /** The filtered text, read in {@code readSize} pieces from a dump delivered {@code chunk} bytes at a time. */
    private static String filter(SqlDumpSelection selection, int readSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[readSize];
        int n;
        while ((n = selection.read(buffer, 0, readSize)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static SqlDumpSelection select(byte[] dump, String... tables) {
        return new SqlDumpSelection(new ByteArrayInputStream(dump), Set.of(tables));
    }

    /** The statements of {@code sql}, as the {@code mariadb} client splits them. */
    private static List<String> statements(String sql) {
        byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
        SqlDumpScanner scanner = new SqlDumpScanner();
        List<String> statements = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            int n = scanner.feedToStatementEnd(bytes, i, bytes.length - i);
            statements.add(new String(bytes, i, n, StandardCharsets.UTF_8).strip());
            i += n;
        }
        return statements;
    }

    @Test
    void passesATableWithItsDataAndReportsItsForeignKeyToATableLeftOut() throws IOException {
        SqlDumpSelection selection = select(sample(), "audit");
        String out = filter(selection, 8192);

        assertThat(out)
                .startsWith("/*M!999999\\- enable the sandbox mode */")
                .contains("/*!40101 SET NAMES utf8mb4 */;", "DROP TABLE IF EXISTS `audit`;", "CREATE TABLE `audit` (")
                .contains("LOCK TABLES `audit` WRITE;", "/*!40000 ALTER TABLE `audit` DISABLE KEYS */;")
                .contains("/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;")
                .doesNotContain(
                        "CREATE TABLE `a`",
                        "INSERT INTO `a`",
                        "TRIGGER trg",
                        "SEQUENCE",
                        "VIEW",
                        "EVENT `ev1`",
                        "FUNCTION",
                        "PROCEDURE")
                .doesNotContain("`empty_t`", "`Ünïcode`", "ird; name");
        assertThat(out.split("UNLOCK TABLES;", -1)).hasSize(2);
        SqlDumpSelection.Report report = selection.report();
        assertThat(report.tables()).containsExactly("audit");
        assertThat(report.rowCounts()).containsExactly(entry("audit", 8L));
        assertThat(report.danglingForeignKeys()).containsExactly(new DanglingForeignKey("fk_a", "audit", "a"));
    }

    @Test
    void passesTheTriggersOnASelectedTableInsideTheirDelimiterBlocks() throws IOException {
        SqlDumpSelection selection = select(sample(), "a");
        String out = filter(selection, 8192);

        assertThat(out)
                .contains("DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER trg"
                        + " AFTER INSERT ON a FOR EACH ROW BEGIN INSERT INTO audit (msg, a_id) VALUES ('x;y', NEW.id),"
                        + "('z', NEW.id); END \n*/;;\nDELIMITER ;")
                .doesNotContain("CREATE TABLE `audit`", "INSERT INTO `audit`");
        assertThat(statements(out)).filteredOn(s -> s.endsWith("*/;;")).hasSize(1);
        assertThat(selection.report().rowCounts()).containsExactly(entry("a", 4L));
        assertThat(selection.report().danglingForeignKeys()).isEmpty();
    }

    @Test
    void keepsAForeignKeyWhoseReferencedTableIsPassedToo() throws IOException {
        SqlDumpSelection selection = select(sample(), "a", "audit");
        filter(selection, 8192);

        assertThat(selection.report().tables()).containsExactly("a", "audit");
        assertThat(selection.report().danglingForeignKeys()).isEmpty();
    }

    @Test
    void matchesNamesWithBackticksSemicolonsAndLettersExactly() throws IOException {
        SqlDumpSelection selection = select(sample(), "we`ird; name", "Ünïcode", "seq1");
        String out = filter(selection, 8192);

        assertThat(selection.report().rowCounts())
                .containsExactly(entry("seq1", 0L), entry("we`ird; name", 500L), entry("Ünïcode", 5L));
        assertThat(out).contains("CREATE SEQUENCE `seq1`", "DO SETVAL(`seq1`, 1, 0);", "('DELIMITER ;;');");
        assertThatThrownBy(() -> {
                    SqlDumpSelection upper = select(sample(), "ÜNÏCODE");
                    filter(upper, 8192);
                    upper.report();
                })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the dump: ÜNÏCODE");
    }

    @Test
    void givesTheSameOutputReadOneByteAtATimeFromADumpDeliveredOneByteAtATime() throws IOException {
        byte[] dump = sample();
        String whole = filter(select(dump, "a", "Ünïcode"), 1 << 20);
        InputStream trickle = new ByteArrayInputStream(dump) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        SqlDumpSelection selection = new SqlDumpSelection(trickle, Set.of("a", "Ünïcode"));

        assertThat(filter(selection, 1)).isEqualTo(whole);
        assertThat(selection.report().rowCounts()).containsExactly(entry("a", 4L), entry("Ünïcode", 5L));
    }

    @Test
    void stringsAndTriggerBodiesThatLookLikeStatementsDoNotConfuseIt() throws IOException {
        String dump = HEADER + """
                DROP TABLE IF EXISTS `other_table`;
                CREATE TABLE `other_table` (`id` int, `msg` text);
                INSERT INTO `other_table` VALUES (1,'x;y');
                DROP TABLE IF EXISTS `t`;
                CREATE TABLE `t` (
                  `id` int NOT NULL,
                  `note` text DEFAULT 'CONSTRAINT `x` FOREIGN KEY (`id`) REFERENCES `ghost` (`id`)',
                  CONSTRAINT `t_other` FOREIGN KEY (`id`) REFERENCES `other_table` (`id`),
                  CONSTRAINT `t_self` FOREIGN KEY (`id`) REFERENCES `t` (`id`)
                );
                LOCK TABLES `t` WRITE;
                INSERT INTO `t` VALUES (1,'a; CREATE TABLE `evil` (id int); INSERT INTO `other_table` VALUES (2)'),(2,'it\\'s'),(3,"\\";");
                UNLOCK TABLES;
                DELIMITER ;;
                /*!50003 CREATE*/ /*!50017 DEFINER=`root`@`%`*/ /*!50003 TRIGGER `t_ai` AFTER INSERT ON `t` FOR EACH ROW BEGIN
                  INSERT INTO other_table VALUES (NEW.id, 'from t; CREATE TABLE y');
                  INSERT INTO other_table VALUES (NEW.id, 'again');
                END */;;
                /*!50003 CREATE*/ /*!50003 TRIGGER other_ai AFTER INSERT ON other_table FOR EACH ROW SET @x = 1 */;;
                DELIMITER ;
                """ + FOOTER;
        SqlDumpSelection selection = select(dump.getBytes(StandardCharsets.UTF_8), "t");
        String out = filter(selection, 7);

        assertThat(statements(out))
                .extracting(s -> s.lines()
                        .filter(l -> !l.startsWith("--") && !l.startsWith("/*M!"))
                        .findFirst()
                        .orElse(""))
                .containsExactly(
                        "/*!40101 SET NAMES utf8mb4 */;",
                        "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;",
                        "DROP TABLE IF EXISTS `t`;",
                        "CREATE TABLE `t` (",
                        "LOCK TABLES `t` WRITE;",
                        "INSERT INTO `t` VALUES (1,'a; CREATE TABLE `evil` (id int); INSERT INTO `other_table` VALUES"
                                + " (2)'),(2,'it\\'s'),(3,\"\\\";\");",
                        "UNLOCK TABLES;",
                        "DELIMITER ;;",
                        "/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`%`*/ /*!50003 TRIGGER `t_ai` AFTER INSERT ON `t`"
                                + " FOR EACH ROW BEGIN",
                        "DELIMITER ;",
                        "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;",
                        "");
        SqlDumpSelection.Report report = selection.report();
        assertThat(report.rowCounts()).containsExactly(entry("t", 3L));
        assertThat(report.danglingForeignKeys()).containsExactly(new DanglingForeignKey("t_other", "t", "other_table"));
    }

    @Test
    void streamsStatementsLongerThanItsHead() throws IOException {
        StringBuilder big = new StringBuilder("INSERT INTO `big` VALUES ");
        for (int i = 0; i < 20_000; i++) {
            big.append(i == 0 ? "" : ",")
                    .append("(")
                    .append(i)
                    .append(",'row ")
                    .append(i)
                    .append(";')");
        }
        big.append(";\n");
        assertThat(big.length()).isGreaterThan(4 * SqlDumpSelection.HEAD_BYTES);
        String dump = HEADER
                + "CREATE TABLE `big` (id int, s text);\n" + big
                + "CREATE TABLE `skipped` (id int, s text);\n" + big.toString().replace("`big`", "`skipped`")
                + FOOTER;
        SqlDumpSelection selection = select(dump.getBytes(StandardCharsets.UTF_8), "big");
        String out = filter(selection, 1000);

        assertThat(out).contains(big).doesNotContain("skipped");
        assertThat(selection.report().rowCounts()).containsExactly(entry("big", 20_000L));
    }

    @Test
    void namesTheSelectedTablesTheDumpNeverCreatedAndRefusesAReportBeforeTheEnd() throws IOException {
        SqlDumpSelection selection = select(sample(), "a", "ghost", "v");

        assertThatThrownBy(selection::report).isInstanceOf(IllegalStateException.class);
        filter(selection, 8192);
        assertThatThrownBy(selection::report)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the dump: ghost, v")
                .hasMessageContaining("it creates the tables a, audit, empty_t, seq1, we`ird; name, Ünïcode");
        assertThatThrownBy(() -> select(sample())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classifiesTheStatementsOfADump() {
        assertThat(classify("/*!40000 ALTER TABLE `t` DISABLE KEYS */;"))
                .isEqualTo(new SqlStatement.Classified(SqlStatement.Kind.TABLE, "t"));
        assertThat(classify("INSERT IGNORE INTO db.`t` VALUES (1);"))
                .isEqualTo(new SqlStatement.Classified(SqlStatement.Kind.TABLE, "t"));
        assertThat(classify("/*!50001 CREATE TABLE `v` (\n `id` tinyint NOT NULL\n) ENGINE=MyISAM */;"))
                .isEqualTo(new SqlStatement.Classified(SqlStatement.Kind.OTHER, null));
        assertThat(classify("/*!50001 CREATE VIEW `v` AS SELECT\n 1 AS `id` */;")
                        .kind())
                .isEqualTo(SqlStatement.Kind.OTHER);
        assertThat(classify("/*!50003 ALTER DATABASE `src` CHARACTER SET latin1 */ ;")
                        .kind())
                .isEqualTo(SqlStatement.Kind.OTHER);
        assertThat(classify("CREATE DEFINER=`table`@`%` PROCEDURE `p`() BEGIN CREATE TABLE x (i int); END;;")
                        .kind())
                .isEqualTo(SqlStatement.Kind.OTHER);
        assertThat(classify("\n-- Dump completed\n").kind()).isEqualTo(SqlStatement.Kind.SESSION);
        assertThat(classify("# only a comment\n/* and another */").kind()).isEqualTo(SqlStatement.Kind.SESSION);
    }

    private static SqlStatement.Classified classify(String statement) {
        byte[] bytes = statement.getBytes(StandardCharsets.UTF_8);
        return SqlStatement.classify(bytes, bytes.length);
    }
}
