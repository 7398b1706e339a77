package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.FailureReason;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

/** Real messages of mariadb-dump 10.19 and MariaDB 10.11, captured from the tool and the server. */
class MariaDbFailureClassifierTest {

    @Test
    void classifiesWhatMariaDbDumpWritesToStderr() {
        assertThat(tool("mariadb-dump: Got error: 1045: \"Access denied for user 'bk'@'127.0.0.1' (using"
                        + " password: YES)\" when trying to connect"))
                .isEqualTo(FailureReason.AUTHENTICATION_FAILED);
        assertThat(tool("mariadb-dump: Got error: 1049: \"Unknown database 'nosuchdb'\" when selecting the database"))
                .isEqualTo(FailureReason.DATABASE_MISSING);
        assertThat(tool("mariadb-dump: Got error: 2002: \"Can't connect to server on '127.0.0.1' (115)\" when"
                        + " trying to connect"))
                .isEqualTo(FailureReason.CONNECTION_REFUSED);
        assertThat(tool("mariadb-dump: Got error: 2005: \"Unknown server host 'nonexistent.invalid' (-2)\" when"
                        + " trying to connect"))
                .isEqualTo(FailureReason.CONNECTION_REFUSED);
        assertThat(tool("mariadb-dump: Error 2013: Lost connection to server during query when dumping table `t`"
                        + " at row: 1234"))
                .isEqualTo(FailureReason.CONNECTION_REFUSED);
        assertThat(tool("mariadb-dump: Got error: 1044: \"Access denied for user 'bk'@'%' to database 'shop'\" when"
                        + " selecting the database"))
                .isEqualTo(FailureReason.PERMISSION_DENIED);
        assertThat(tool("mariadb-dump: Couldn't find table: \"nosuch\"")).isEqualTo(FailureReason.DUMP_FAILED);
        assertThat(tool("")).isEqualTo(FailureReason.DUMP_FAILED);
        assertThat(MariaDbFailureClassifier.fromToolOutput("anything", true)).isEqualTo(FailureReason.TIMEOUT);
    }

    @Test
    void namesTheMissingPrivilegeOfTableCommandDenials() {
        String stderr = "mariadb-dump: Couldn't execute 'show create table `v`': SHOW VIEW command denied to user"
                + " 'bk'@'127.0.0.1' for table `shop`.`v` (1142)";
        assertThat(tool(stderr)).isEqualTo(FailureReason.PERMISSION_DENIED);
        assertThat(MariaDbFailureClassifier.describe(FailureReason.PERMISSION_DENIED, "mariadb-dump", stderr))
                .startsWith("permission denied: the backup user lacks SHOW VIEW on `shop`.`v` (mariadb-dump: ")
                .endsWith("(1142))");
    }

    @Test
    void namesThePrivilegeOfSpecificAccessDenials() {
        String stderr = "mariadb-dump: Couldn't execute 'FLUSH /*!40101 LOCAL */ TABLES': Access denied; you need"
                + " (at least one of) the RELOAD privilege(s) for this operation (1227)";
        assertThat(tool(stderr)).isEqualTo(FailureReason.PERMISSION_DENIED);
        assertThat(MariaDbFailureClassifier.missingPrivilege(stderr)).isEqualTo("RELOAD");
    }

    @Test
    void infersEventFromTheStatementWhenTheServerNamesNoPrivilege() {
        String stderr = "mariadb-dump: Couldn't execute 'show events': Access denied for user 'bk'@'%' to database"
                + " 'shop' (1044)";
        assertThat(tool(stderr)).isEqualTo(FailureReason.PERMISSION_DENIED);
        assertThat(MariaDbFailureClassifier.missingPrivilege(stderr)).isEqualTo("EVENT on database 'shop'");
    }

    @Test
    void saysADatabaseDenialMayMeanItDoesNotExist() {
        assertThat(MariaDbFailureClassifier.missingPrivilege("Access denied for user 'bk'@'%' to database 'nosuchdb'"))
                .startsWith("privileges on database 'nosuchdb'")
                .contains("does not exist");
    }

    @Test
    void namesSelectOnMysqlProc() {
        assertThat(MariaDbFailureClassifier.missingPrivilege(
                        "SELECT command denied to user 'bk'@'127.0.0.1' for table `mysql`.`proc`"))
                .isEqualTo("SELECT on `mysql`.`proc`");
    }

    @Test
    void classifiesDriverExceptionsByCodeStateAndText() {
        assertThat(sql(new SQLException("Access denied for user 'x'@'127.0.0.1' (using password: YES)", "28000", 1045)))
                .isEqualTo(FailureReason.AUTHENTICATION_FAILED);
        assertThat(sql(new SQLException("Unknown database 'x'", "42000", 1049)))
                .isEqualTo(FailureReason.DATABASE_MISSING);
        assertThat(sql(new SQLException("SELECT command denied", "42000", 1142)))
                .isEqualTo(FailureReason.PERMISSION_DENIED);
        assertThat(sql(new SQLNonTransientConnectionException(
                        "Socket fail to connect to 127.0.0.1:1. Connection refused", "08000", -1)))
                .isEqualTo(FailureReason.CONNECTION_REFUSED);
        assertThat(sql(new SQLException("Could not connect to address=(host=x)(port=1): Connection refused")))
                .isEqualTo(FailureReason.CONNECTION_REFUSED);
        assertThat(sql(new SQLTimeoutException("Query execution was interrupted (max_statement_time exceeded)")))
                .isEqualTo(FailureReason.TIMEOUT);
        assertThat(sql(new SQLException("Table 'x.y' doesn't exist", "42S02", 1146)))
                .isEqualTo(FailureReason.DUMP_FAILED);
    }

    @Test
    void readsTheErrorCodeOfEitherMessageForm() {
        assertThat(MariaDbFailureClassifier.errorCode("mariadb-dump: Got error: 1045: \"Access denied\""))
                .isEqualTo(1045);
        assertThat(MariaDbFailureClassifier.errorCode("Couldn't execute 'x': denied (1142)\nmore"))
                .isEqualTo(1142);
        assertThat(MariaDbFailureClassifier.errorCode("no code here")).isZero();
    }

    @Test
    void leavesOtherMessagesAsTheyAre() {
        assertThat(MariaDbFailureClassifier.describe(FailureReason.DUMP_FAILED, "mariadb-dump", "  boom \n"))
                .isEqualTo("boom");
        assertThat(MariaDbFailureClassifier.describe(FailureReason.DUMP_FAILED, "mariadb-dump", ""))
                .isEqualTo("mariadb-dump failed");
    }

    private static FailureReason tool(String stderr) {
        return MariaDbFailureClassifier.fromToolOutput(stderr, false);
    }

    private static FailureReason sql(SQLException e) {
        return MariaDbFailureClassifier.fromSqlException(e);
    }
}
