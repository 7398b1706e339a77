package io.bulwark.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.FailureReason;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    @Test
    void mapsSqlStatesToReasons() {
        assertThat(FailureClassifier.fromSqlState("08001")).isEqualTo(FailureReason.CONNECTION_REFUSED);
        assertThat(FailureClassifier.fromSqlState("08006")).isEqualTo(FailureReason.CONNECTION_REFUSED);
        assertThat(FailureClassifier.fromSqlState("28P01")).isEqualTo(FailureReason.AUTHENTICATION_FAILED);
        assertThat(FailureClassifier.fromSqlState("28000")).isEqualTo(FailureReason.AUTHENTICATION_FAILED);
        assertThat(FailureClassifier.fromSqlState("3D000")).isEqualTo(FailureReason.DATABASE_MISSING);
        assertThat(FailureClassifier.fromSqlState("42501")).isEqualTo(FailureReason.PERMISSION_DENIED);
        assertThat(FailureClassifier.fromSqlState("57014")).isEqualTo(FailureReason.TIMEOUT);
        assertThat(FailureClassifier.fromSqlState("XX000")).isEqualTo(FailureReason.DUMP_FAILED);
        assertThat(FailureClassifier.fromSqlState(null)).isEqualTo(FailureReason.DUMP_FAILED);
    }

    @Test
    void readsLibpqConnectionRefusedFromStderr() {
        String stderr = "pg_dump: error: connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n"
                + "\tIs the server running on that host and accepting TCP/IP connections?";
        assertThat(FailureClassifier.fromToolOutput(stderr, false)).isEqualTo(FailureReason.CONNECTION_REFUSED);
    }

    @Test
    void readsAuthenticationFailureBeforeConnectionFailure() {
        String stderr = "pg_dump: error: connection to server at \"127.0.0.1\", port 5432 failed:"
                + " FATAL:  password authentication failed for user \"bob\"";
        assertThat(FailureClassifier.fromToolOutput(stderr, false)).isEqualTo(FailureReason.AUTHENTICATION_FAILED);
    }

    @Test
    void readsMissingDatabaseFromStderr() {
        String stderr = "pg_dump: error: connection to server at \"127.0.0.1\", port 5432 failed:"
                + " FATAL:  database \"nope\" does not exist";
        assertThat(FailureClassifier.fromToolOutput(stderr, false)).isEqualTo(FailureReason.DATABASE_MISSING);
    }

    @Test
    void readsPermissionDeniedAndVersionMismatch() {
        assertThat(FailureClassifier.fromToolOutput(
                        "pg_dump: error: query failed: ERROR:  permission denied for table secret", false))
                .isEqualTo(FailureReason.PERMISSION_DENIED);
        assertThat(FailureClassifier.fromToolOutput(
                        "pg_dump: error: aborting because of server version mismatch", false))
                .isEqualTo(FailureReason.TOOL_TOO_OLD);
    }

    @Test
    void killedAtTimeoutIsTimeoutWhateverStderrSays() {
        assertThat(FailureClassifier.fromToolOutput("permission denied", true)).isEqualTo(FailureReason.TIMEOUT);
    }

    @Test
    void unknownToolErrorIsDumpFailed() {
        assertThat(FailureClassifier.fromToolOutput("pg_dump: error: something odd", false))
                .isEqualTo(FailureReason.DUMP_FAILED);
    }
}
