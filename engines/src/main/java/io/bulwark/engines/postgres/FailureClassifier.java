package io.bulwark.engines.postgres;

import io.bulwark.contracts.FailureReason;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Maps what PostgreSQL and its tools report to a {@link FailureReason}: the JDBC driver's SQLState
 * (PostgreSQL documentation, Appendix A "PostgreSQL Error Codes") or the text {@code pg_dump} writes
 * to stderr (libpq's messages, which carry no SQLState). Pure functions, thread-safe.
 */
public final class FailureClassifier {

    private FailureClassifier() {}

    /**
     * The reason for a SQLState.
     *
     * @param sqlState five-character SQLState, may be null
     * @return {@code 08xxx} connection exceptions: CONNECTION_REFUSED; {@code 28000}/{@code 28P01}:
     *     AUTHENTICATION_FAILED; {@code 3D000}: DATABASE_MISSING; {@code 42501}: PERMISSION_DENIED;
     *     {@code 57014} (query canceled, the statement timeout): TIMEOUT; otherwise DUMP_FAILED
     */
    public static FailureReason fromSqlState(String sqlState) {
        if (sqlState == null) {
            return FailureReason.DUMP_FAILED;
        }
        return switch (sqlState) {
            case "28000", "28P01" -> FailureReason.AUTHENTICATION_FAILED;
            case "3D000" -> FailureReason.DATABASE_MISSING;
            case "42501" -> FailureReason.PERMISSION_DENIED;
            case "57014" -> FailureReason.TIMEOUT;
            case "53300", "57P03" -> FailureReason.CONNECTION_REFUSED;
            default -> sqlState.startsWith("08") ? FailureReason.CONNECTION_REFUSED : FailureReason.DUMP_FAILED;
        };
    }

    /** The reason for a driver exception, by its SQLState (see {@link #fromSqlState}). */
    public static FailureReason fromSqlException(SQLException e) {
        return fromSqlState(e.getSQLState());
    }

    /**
     * The reason for a dump tool that failed.
     *
     * @param stderr the tool's stderr (its tail), may be null
     * @param timedOut true when the tool was killed at its timeout
     * @return TIMEOUT when killed; otherwise classified from libpq's and pg_dump's messages: password
     *     or authentication failures, a missing database, "permission denied", "server version
     *     mismatch" (the tool is older than the server), connection failures; DUMP_FAILED otherwise
     */
    public static FailureReason fromToolOutput(String stderr, boolean timedOut) {
        if (timedOut) {
            return FailureReason.TIMEOUT;
        }
        String text = stderr == null ? "" : stderr.toLowerCase(Locale.ROOT);
        if (text.contains("password authentication failed")
                || text.contains("no password supplied")
                || text.contains("authentication failed")
                || text.contains("no pg_hba.conf entry")) {
            return FailureReason.AUTHENTICATION_FAILED;
        }
        if (text.contains("database \"") && text.contains("\" does not exist")) {
            return FailureReason.DATABASE_MISSING;
        }
        if (text.contains("server version mismatch")) {
            return FailureReason.TOOL_TOO_OLD;
        }
        if (text.contains("permission denied")) {
            return FailureReason.PERMISSION_DENIED;
        }
        if (text.contains("connection refused")
                || text.contains("could not connect to server")
                || text.contains("could not translate host name")
                || text.contains("timeout expired")
                || text.contains("no route to host")
                || text.contains("the database system is starting up")
                || text.contains("the database system is shutting down")
                || (text.contains("connection to server") && text.contains("failed"))) {
            return FailureReason.CONNECTION_REFUSED;
        }
        return FailureReason.DUMP_FAILED;
    }
}
