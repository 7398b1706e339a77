package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlDumpScannerTest {

    /** Real output of mariadb-dump 10.19 (MariaDB 10.11) with the options MariaDbDumpTool uses. */
    private static final String SAMPLE = "sample-dump.sql";

    private static final Map<String, Long> SAMPLE_COUNTS = Map.of(
            "a", 4L,
            "audit", 8L,
            "empty_t", 0L,
            "we`ird; name", 500L,
            "Ünïcode", 5L);

    @Test
    void countsTheRowsOfARealDumpAndIgnoresViewsSequencesTriggersAndRoutines() throws IOException {
        SqlDumpScanner scanner = scanWhole(sample());

        assertThat(scanner.rowCounts()).containsExactlyInAnyOrderEntriesOf(SAMPLE_COUNTS);
        assertThat(scanner.tables()).containsExactly("a", "audit", "empty_t", "we`ird; name", "Ünïcode");
        assertThat(scanner.delimiter()).isEqualTo(";");
    }

    @Test
    void givesTheSameCountsFedOneByteAtATime() throws IOException {
        byte[] dump = sample();
        SqlDumpScanner scanner = new SqlDumpScanner();
        for (int i = 0; i < dump.length; i++) {
            scanner.feed(dump, i, 1);
        }
        scanner.finish();

        assertThat(scanner.rowCounts()).containsExactlyInAnyOrderEntriesOf(SAMPLE_COUNTS);
        assertThat(scanner.bytes()).isEqualTo(dump.length);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20260101})
    void givesTheSameCountsInRandomChunks(long seed) throws IOException {
        byte[] dump = sample();
        assertThat(scanRandomChunks(dump, new Random(seed)).rowCounts())
                .containsExactlyInAnyOrderEntriesOf(SAMPLE_COUNTS);
    }

    @Test
    void givesTheSameCountsWithCrlfLineEnds() throws IOException {
        byte[] crlf = new String(sample(), StandardCharsets.UTF_8)
                .replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(scanWhole(crlf).rowCounts()).containsExactlyInAnyOrderEntriesOf(SAMPLE_COUNTS);
        assertThat(scanRandomChunks(crlf, new Random(7)).rowCounts()).containsExactlyInAnyOrderEntriesOf(SAMPLE_COUNTS);
    }

    @Test
    void countsEachTupleOfAnExtendedInsert() {
        assertThat(counts("INSERT INTO `t` VALUES (1,'a'),(2,'b'),\n(3,'c');")).containsExactly(entry("t", 3L));
    }

    @Test
    void sumsSeveralInsertsIntoOneTable() {
        assertThat(counts("CREATE TABLE `t` (id int);\nINSERT INTO `t` VALUES (1),(2);\nINSERT INTO `t` VALUES (3);\n"
                        + "INSERT INTO `u` VALUES (9);\nINSERT INTO `t` VALUES (4),(5);"))
                .containsExactly(entry("t", 5L), entry("u", 1L));
    }

    @Test
    void ignoresDelimitersParenthesesAndCommasInsideStrings() {
        String sql = "INSERT INTO `t` VALUES (1,'a;b'),(2,'),('),(3,'it\\'s'),(4,'it''s; ),('),"
                + "(5,'back\\\\'),(6,\"dq ; ),( \\\" \"\"\"),(7,'\\n\\r\\Z\\0');";
        assertThat(counts(sql)).containsExactly(entry("t", 7L));
    }

    @Test
    void readsAStringEndingInAnEscapedBackslash() {
        assertThat(counts("INSERT INTO `t` VALUES ('\\\\'),('x');\nINSERT INTO `t` VALUES ('y');"))
                .containsExactly(entry("t", 3L));
    }

    @Test
    void countsHexBlobsAndBinaryStrings() {
        assertThat(counts("INSERT INTO `b` VALUES (1,0x00275C0A),(2,''),(3,_binary '\\0\\'\\\\'),(4,NULL),(5,X'27');"))
                .containsExactly(entry("b", 5L));
    }

    @Test
    void countsTuplesWithNestedParenthesesAndNegativeNumbers() {
        assertThat(
                        counts(
                                "INSERT INTO `g` VALUES (1,POINT(1,2),-5),(2,ST_GeomFromText('POINT(1 2)'),--3),(3,(1),-.5e-3);"))
                .containsExactly(entry("g", 3L));
    }

    @Test
    void readsColumnListsModifiersQualifiedNamesAndLowerCase() {
        String sql = "INSERT INTO `t` (`a`,`b`) VALUES (1,2),(3,4);\n"
                + "INSERT IGNORE INTO `t` VALUES (5,6);\n"
                + "REPLACE INTO `t` VALUES (7,8);\n"
                + "insert low_priority into db.`t` values (9,10);\n"
                + "INSERT INTO `db`.`u` VALUE (1);\n"
                + "INSERT INTO plain VALUES (1),(2);";
        assertThat(counts(sql)).containsExactly(entry("t", 5L), entry("u", 1L), entry("plain", 2L));
    }

    @Test
    void stopsCountingAtOnDuplicateKeyUpdate() {
        assertThat(counts("INSERT INTO `t` VALUES (1,2),(3,4) ON DUPLICATE KEY UPDATE b=VALUES(b), c=(1);"))
                .containsExactly(entry("t", 2L));
    }

    @Test
    void registersCreatedTablesWithoutRowsAsZero() {
        String sql = "CREATE TABLE `empty` (\n  `id` int(11) NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n"
                + "CREATE TABLE IF NOT EXISTS `other` (x int);\n"
                + "CREATE OR REPLACE TABLE `db`.`third` (x int);\n"
                + "CREATE TABLE `we``ird` (x int);";
        SqlDumpScanner scanner = scan(sql);
        assertThat(scanner.tables()).containsExactly("empty", "other", "third", "we`ird");
        assertThat(scanner.rowCounts())
                .containsOnly(entry("empty", 0L), entry("other", 0L), entry("third", 0L), entry("we`ird", 0L));
    }

    @Test
    void keepsATablesNameWhenItsDefinitionHoldsDecimalDefaultsOrQualifiedReferences() {
        String sql = "CREATE TABLE `price` (\n  `id` int(11) NOT NULL,\n"
                + "  `rate` decimal(4,2) NOT NULL DEFAULT 4.99,\n"
                + "  `cost` decimal(5,2) NOT NULL DEFAULT 19.99,\n"
                + "  `ratio` double DEFAULT -.5e-3,\n"
                + "  `item_id` int(11) DEFAULT NULL,\n"
                + "  CONSTRAINT `fk_item` FOREIGN KEY (`item_id`) REFERENCES `other_db`.`item` (`id`)\n"
                + ") ENGINE=InnoDB;\n"
                + "CREATE TABLE `db`.`quoted` (x decimal(3,1) DEFAULT 1.5);\n"
                + "CREATE TABLE db.plain (x decimal(3,1) DEFAULT 2.5);\n"
                + "INSERT INTO `price` VALUES (1,4.99,19.99,0.5,NULL),(2,0.99,9.99,1.5,NULL);";
        SqlDumpScanner scanner = scan(sql);
        assertThat(scanner.tables()).containsExactly("price", "quoted", "plain");
        assertThat(scanner.rowCounts()).containsOnly(entry("price", 2L), entry("quoted", 0L), entry("plain", 0L));
    }

    @Test
    void ignoresViewsSequencesTemporaryTablesAndOtherStatements() {
        String sql = "CREATE VIEW `v` AS SELECT 1;\nCREATE SEQUENCE `s`;\nCREATE TEMPORARY TABLE `tmp` (x int);\n"
                + "SELECT 'INSERT INTO t VALUES (1)';\nDROP TABLE IF EXISTS `t`;\nLOCK TABLES `t` WRITE;\n"
                + "SET @x = (SELECT 1);\nDO SETVAL(`s`, 1, 0);";
        assertThat(scan(sql).rowCounts()).isEmpty();
    }

    @Test
    void ignoresEverythingInComments() {
        String sql = "-- INSERT INTO `t` VALUES (1);\n"
                + "# INSERT INTO `t` VALUES (2);\n"
                + "/* INSERT INTO `t` VALUES (3); ; */\n"
                + "/* multi\nline; INSERT INTO `t` VALUES (4); **/\n"
                + "INSERT /* inline */ INTO `t` VALUES -- trailing\n (5), # another\n (6) /* ) ( */;\n"
                + "--\n"
                + "INSERT INTO `t` VALUES (7);";
        assertThat(counts(sql)).containsExactly(entry("t", 3L));
    }

    @Test
    void treatsTheBodyOfExecutableCommentsAsSqlButNeverCountsAStatementStartingInOne() {
        String sql = "/*!40000 ALTER TABLE `t` DISABLE KEYS */;\n"
                + "/*!50001 CREATE TABLE `v_placeholder` (\n `id` tinyint NOT NULL\n) ENGINE=MyISAM */;\n"
                + "/*!40000 INSERT INTO `t` VALUES (1) */;\n"
                + "/*M!999999\\- enable the sandbox mode */ \n"
                + "/*!50003 SET sql_mode = 'a;*/b' */ ;\n"
                + "INSERT INTO `t` VALUES (2),(3);";
        SqlDumpScanner scanner = scan(sql);
        assertThat(scanner.rowCounts()).containsExactly(entry("t", 2L));
    }

    @Test
    void doesNotCountInsertsInTriggerRoutineAndEventBodiesBetweenDelimiters() {
        String sql = "DELIMITER ;;\n"
                + "/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER trg AFTER INSERT ON a"
                + " FOR EACH ROW BEGIN INSERT INTO audit (msg) VALUES ('x;y'),('z'); END \n*/;;\n"
                + "DELIMITER ;\n"
                + "DELIMITER ;;\n"
                + "CREATE DEFINER=`root`@`localhost` PROCEDURE `p1`()\nBEGIN INSERT INTO `t` VALUES (1),(2); "
                + "INSERT INTO t VALUES (3); END\n;;\n"
                + "/*!50106 CREATE*/ /*!50106 EVENT `ev1` ON SCHEDULE EVERY 1 DAY DO INSERT INTO t VALUES (3) */ ;;\n"
                + "DELIMITER ;\n"
                + "INSERT INTO `t` VALUES (10);";
        SqlDumpScanner scanner = scan(sql);
        assertThat(scanner.rowCounts()).containsExactly(entry("t", 1L));
        assertThat(scanner.delimiter()).isEqualTo(";");
    }

    @Test
    void switchesToAnyDelimiterAndBack() {
        String sql = "delimiter $$\nINSERT INTO `t` VALUES (1); (2)$$\nDELIMITER //  trailing words\n"
                + "INSERT INTO `t` VALUES (3),(4)//\nDELIMITER ;\nINSERT INTO `t` VALUES (5);";
        SqlDumpScanner scanner = scan(sql);
        assertThat(scanner.rowCounts()).containsExactly(entry("t", 4L));
    }

    @Test
    void matchesADelimiterWhosePrefixRepeats() {
        String sql = "DELIMITER aab\nINSERT INTO `t` VALUES (1)aaab\nINSERT INTO `t` VALUES (2),(3)aab\n";
        SqlDumpScanner scanner = scan(sql);
        assertThat(scanner.rowCounts()).containsExactly(entry("t", 3L));
    }

    @Test
    void readsDelimiterOnlyAsTheFirstWordOfAStatement() {
        String sql = "INSERT INTO `t` VALUES (1) delimiter ;;\nINSERT INTO `t` VALUES (2);";
        assertThat(counts(sql)).containsExactly(entry("t", 2L));
    }

    @Test
    void countsTheLastStatementWithoutADelimiter() {
        assertThat(counts("INSERT INTO `t` VALUES (1),(2)")).containsExactly(entry("t", 2L));
    }

    @Test
    void countsThroughTheStreamAndFinishesAtItsEnd() throws IOException {
        byte[] dump = sample();
        try (DumpStreamCounter counter = new DumpStreamCounter(new ByteArrayInputStream(dump))) {
            assertThat(counter.read()).isEqualTo(dump[0] & 0xff);
            assertThat(counter.skip(10)).isEqualTo(10);
            assertThat(counter.complete()).isFalse();
            counter.transferTo(OutputStream.nullOutputStream());
            assertThat(counter.read()).isEqualTo(-1);
            assertThat(counter.complete()).isTrue();
            assertThat(counter.scanner().rowCounts()).containsExactlyInAnyOrderEntriesOf(SAMPLE_COUNTS);
            assertThat(counter.scanner().bytes()).isEqualTo(dump.length);
        }
    }

    private static Map<String, Long> counts(String sql) {
        return scan(sql).rowCounts();
    }

    /** Scans {@code sql} whole, byte by byte and in random chunks, and checks the three agree. */
    private static SqlDumpScanner scan(String sql) {
        byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
        SqlDumpScanner whole = scanWhole(bytes);
        SqlDumpScanner single = new SqlDumpScanner();
        for (int i = 0; i < bytes.length; i++) {
            single.feed(bytes, i, 1);
        }
        single.finish();
        assertThat(single.rowCounts()).as("fed byte by byte").isEqualTo(whole.rowCounts());
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(scanRandomChunks(bytes, new Random(seed)).rowCounts())
                    .as("fed in random chunks, seed %d", seed)
                    .isEqualTo(whole.rowCounts());
        }
        return whole;
    }

    private static SqlDumpScanner scanWhole(byte[] bytes) {
        SqlDumpScanner scanner = new SqlDumpScanner();
        scanner.feed(bytes, 0, bytes.length);
        scanner.finish();
        return scanner;
    }

    private static SqlDumpScanner scanRandomChunks(byte[] bytes, Random random) {
        SqlDumpScanner scanner = new SqlDumpScanner();
        int at = 0;
        while (at < bytes.length) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 8 : 4096));
            scanner.feed(bytes, at, n);
            at += n;
        }
        scanner.finish();
        return scanner;
    }

    private static byte[] sample() throws IOException {
        try (InputStream in = SqlDumpScannerTest.class.getResourceAsStream(SAMPLE)) {
            assertThat(in).as(SAMPLE).isNotNull();
            return in.readAllBytes();
        }
    }
}
