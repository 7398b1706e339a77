package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlDumpGuardTest {

    private static String pass(String sql, boolean tripwire) throws IOException {
        try (InputStream in =
                new SqlDumpGuard(new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)), tripwire, () -> {})) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE t;",
                "load data infile 'x' into table t;",
                "LOAD XML INFILE 'x' INTO TABLE t;",
                "INSERT INTO t VALUES (1, LOAD_FILE('/etc/shadow'));",
                "SELECT * FROM t INTO OUTFILE '/tmp/x';",
                "SELECT 1 INTO DUMPFILE '/tmp/x';",
                "INSTALL PLUGIN connect SONAME 'ha_connect';",
                "INSTALL SONAME 'ha_connect';",
                "CREATE FUNCTION sys_exec RETURNS INTEGER SONAME 'lib_mysqludf_sys.so';",
                "SET GLOBAL general_log_file = '/tmp/x';",
                "SET @@global.general_log = 1;",
                "CREATE SERVER s FOREIGN DATA WRAPPER mysql OPTIONS (HOST 'evil');",
                "CREATE TABLE t (a INT) ENGINE=CONNECT TABLE_TYPE=CSV FILE_NAME='/etc/passwd';",
                "CREATE TABLE t (a INT) ENGINE = FEDERATED CONNECTION='mysql://u@evil/db/t';",
                "DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER t BEFORE INSERT"
                        + " ON t FOR EACH ROW SET NEW.s = LOAD_FILE('/etc/hostname') */;;\nDELIMITER ;\n",
                "/*!50001 CREATE VIEW v AS SELECT load_file('/etc/hostname') AS s */;",
                "CREATE TABLE t (s BLOB DEFAULT (LOAD_FILE('/etc/hostname')));"
            })
    void refusesWhatMariaDbDumpNeverWrites(String sql) {
        AtomicBoolean killed = new AtomicBoolean();
        assertThatThrownBy(() -> {
                    try (InputStream in = new SqlDumpGuard(
                            new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)),
                            true,
                            () -> killed.set(true))) {
                        in.readAllBytes();
                    }
                })
                .isInstanceOf(SqlDumpGuard.Refused.class)
                .hasMessageContaining("never writes");
        assertThat(killed).isTrue();
    }

    @Test
    void neverPassesTheRefusedWordOn() throws IOException {
        InputStream in = new SqlDumpGuard(
                new ByteArrayInputStream("INSERT INTO t VALUES (1);\nSELECT a INTO OUTFILE '/tmp/x';".getBytes()),
                true,
                () -> {});
        byte[] buffer = new byte[4096];
        int n = 0;
        try {
            int r;
            while ((r = in.read(buffer, n, buffer.length - n)) > 0) {
                n += r;
            }
        } catch (SqlDumpGuard.Refused expected) {
            assertThat(expected).hasMessageContaining("INTO OUTFILE").hasMessageContaining("line 2");
        }
        assertThat(new String(buffer, 0, n, StandardCharsets.UTF_8)).doesNotContain("OUTFILE");
    }

    @Test
    void leavesTheWordsAloneInStringsIdentifiersAndComments() throws IOException {
        String sql = "-- LOAD DATA INFILE in a comment\n"
                + "# SET GLOBAL in a comment\n"
                + "/* INTO OUTFILE */\n"
                + "CREATE TABLE `load_file` (`into outfile` TEXT, `SONAME` INT);\n"
                + "INSERT INTO `load_file` VALUES ('LOAD_FILE(\\'/etc/passwd\\')', 1),"
                + "(\"INTO OUTFILE '/tmp'\", 2),('it''s SET GLOBAL', 3);\n"
                + "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n";
        assertThat(pass(sql, true)).isEqualTo(sql);
    }

    @Test
    void passesLongWordsWhole() throws IOException {
        String sql = "INSERT INTO t VALUES (0x" + "0a1b".repeat(1000) + ", " + "x".repeat(257) + ");";
        assertThat(pass(sql, true)).isEqualTo(sql);
    }

    @Test
    void namesTheRestoringAccountAsEveryDefiner() throws IOException {
        String sql = "/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */\n"
                + "/*!50017 DEFINER=`app`@`%`*/ /*!50003 TRIGGER x */;;\n"
                + "CREATE DEFINER=`we``ird`@`10.0.0.%` PROCEDURE p() BEGIN END;;\n"
                + "CREATE DEFINER = 'u'@'h' FUNCTION f() RETURNS INT RETURN 1;;\n"
                + "CREATE DEFINER=CURRENT_USER() VIEW v AS SELECT 1;\n"
                + "INSERT INTO t VALUES ('DEFINER=`root`@`localhost`');\n";
        assertThat(pass(sql, true))
                .isEqualTo("/*!50013 DEFINER=CURRENT_USER SQL SECURITY DEFINER */\n"
                        + "/*!50017 DEFINER=CURRENT_USER*/ /*!50003 TRIGGER x */;;\n"
                        + "CREATE DEFINER=CURRENT_USER PROCEDURE p() BEGIN END;;\n"
                        + "CREATE DEFINER = CURRENT_USER FUNCTION f() RETURNS INT RETURN 1;;\n"
                        + "CREATE DEFINER=CURRENT_USER() VIEW v AS SELECT 1;\n"
                        + "INSERT INTO t VALUES ('DEFINER=`root`@`localhost`');\n");
    }

    @Test
    void withoutTheTripwireOnlyRewritesDefiners() throws IOException {
        String sql = "CREATE DEFINER=`root`@`localhost` VIEW v AS SELECT LOAD_FILE('/etc/hostname');";
        assertThat(pass(sql, false))
                .isEqualTo("CREATE DEFINER=CURRENT_USER VIEW v AS SELECT LOAD_FILE('/etc/hostname');");
    }

    @Test
    void passesARealDumpUnchangedButItsDefiners() throws IOException {
        try (InputStream sample = getClass().getResourceAsStream("sample-dump.sql")) {
            String dump = new String(sample.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(pass(dump, true)).isEqualTo(dump.replaceAll("DEFINER=`[^`]*`@`[^`]*`", "DEFINER=CURRENT_USER"));
        }
    }
}
