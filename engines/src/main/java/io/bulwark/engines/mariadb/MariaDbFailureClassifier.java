package io.bulwark.engines.mariadb;

import io.bulwark.contracts.FailureReason;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps what MariaDB/MySQL and their tools report to a {@link FailureReason}: the server's error codes
 * (MariaDB KB, "MariaDB Error Codes"; MySQL manual, "Server Error Message Reference" and "Client Error
 * Message Reference"), the JDBC driver's SQLState, and the text {@code mariadb-dump} writes to stderr
 * ({@code Got error: 1045: "..." when trying to connect}, {@code Couldn't execute '...': ... (1142)}).
 * A permission failure's message names the missing privilege where the server or the statement tells
 * it. Pure functions, thread-safe.
 */
public final class MariaDbFailureClassifier {

    /** {@code ER_DBACCESS_DENIED_ERROR}: access denied for user to database. */
    public static final int DB_ACCESS_DENIED = 1044;
    /** {@code ER_ACCESS_DENIED_ERROR}: wrong user or password. */
    public static final int ACCESS_DENIED = 1045;
    /** {@code ER_BAD_DB_ERROR}: unknown database. */
    public static final int UNKNOWN_DATABASE = 1049;
    /** {@code ER_TABLEACCESS_DENIED_ERROR}: a command denied for a table. */
    public static final int TABLE_ACCESS_DENIED = 1142;
    /** {@code ER_SPECIFIC_ACCESS_DENIED_ERROR}: you need (at least one of) the X privilege(s). */
    public static final int SPECIFIC_ACCESS_DENIED = 1227;

    private static final Pattern GOT_ERROR = Pattern.compile("Got error: (\\d{4}):");
    private static final Pattern TRAILING_CODE = Pattern.compile("\\((\\d{4})\\)\\s*$", Pattern.MULTILINE);
    private static final Pattern NEED_PRIVILEGE =
            Pattern.compile("you need \\(at least one of\\) the (.+?) privilege\\(s\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMAND_DENIED =
            Pattern.compile("([A-Z][A-Z _]*?) command denied to user '[^']*'@'[^']*' for (?:table|routine) (\\S+)");
    private static final Pattern COLUMN_DENIED = Pattern.compile(
            "([A-Z][A-Z _]*?) command denied to user '[^']*'@'[^']*' for column '([^']*)' in table '([^']*)'");
    private static final Pattern DATABASE_DENIED =
            Pattern.compile("Access denied for user '[^']*'@'[^']*' to database '([^']*)'");
    private static final Pattern FAILED_STATEMENT = Pattern.compile("Couldn't execute '([^']*)'");

    private MariaDbFailureClassifier() {}

    /**
     * The reason for a server or client error code, falling back on the SQLState.
     *
     * @param errorCode MariaDB/MySQL error number (0 or negative when unknown)
     * @param sqlState five-character SQLState, may be null
     * @return 1045: AUTHENTICATION_FAILED; 1049: DATABASE_MISSING; 1044, 1142, 1143, 1227, 1370:
     *     PERMISSION_DENIED; 1040 (too many connections), 1129/1130 (host blocked or not allowed),
     *     2002, 2003, 2005, 2006, 2013: CONNECTION_REFUSED; 1969 and 3024 (statement time exceeded):
     *     TIMEOUT; SQLState {@code 28000}: AUTHENTICATION_FAILED, {@code 08xxx}: CONNECTION_REFUSED;
     *     otherwise DUMP_FAILED
     */
    public static FailureReason fromErrorCode(int errorCode, String sqlState) {
        switch (errorCode) {
            case ACCESS_DENIED -> {
                return FailureReason.AUTHENTICATION_FAILED;
            }
            case UNKNOWN_DATABASE -> {
                return FailureReason.DATABASE_MISSING;
            }
            case DB_ACCESS_DENIED, TABLE_ACCESS_DENIED, 1143, SPECIFIC_ACCESS_DENIED, 1370 -> {
                return FailureReason.PERMISSION_DENIED;
            }
            case 1040, 1129, 1130, 2002, 2003, 2005, 2006, 2013 -> {
                return FailureReason.CONNECTION_REFUSED;
            }
            case 1969, 3024 -> {
                return FailureReason.TIMEOUT;
            }
            default -> {
                // fall back on the SQLState
            }
        }
        if (sqlState == null) {
            return FailureReason.DUMP_FAILED;
        }
        if (sqlState.equals("28000")) {
            return FailureReason.AUTHENTICATION_FAILED;
        }
        return sqlState.startsWith("08") ? FailureReason.CONNECTION_REFUSED : FailureReason.DUMP_FAILED;
    }

    /**
     * The reason for a driver exception: by its error code and SQLState, a {@link SQLTimeoutException}
     * as TIMEOUT, and a connection the driver could not open (no code) by its message.
     */
    public static FailureReason fromSqlException(SQLException e) {
        if (e instanceof SQLTimeoutException) {
            return FailureReason.TIMEOUT;
        }
        FailureReason reason = fromErrorCode(e.getErrorCode(), e.getSQLState());
        if (reason == FailureReason.DUMP_FAILED && e.getMessage() != null) {
            FailureReason byText = fromText(e.getMessage());
            if (byText != null) {
                return byText;
            }
        }
        return reason;
    }

    /**
     * The reason for a dump or client tool that failed.
     *
     * @param stderr the tool's stderr (its tail), may be null
     * @param timedOut true when the tool was killed at its timeout
     * @return TIMEOUT when killed; otherwise the reason of the error code in the message ({@code Got
     *     error: NNNN:} or a trailing {@code (NNNN)}), else of its words ({@code Access denied},
     *     {@code Unknown database}, {@code Can't connect}, {@code Lost connection}); DUMP_FAILED
     *     otherwise
     */
    public static FailureReason fromToolOutput(String stderr, boolean timedOut) {
        if (timedOut) {
            return FailureReason.TIMEOUT;
        }
        String text = stderr == null ? "" : stderr;
        int code = errorCode(text);
        if (code > 0) {
            FailureReason reason = fromErrorCode(code, null);
            if (reason != FailureReason.DUMP_FAILED) {
                return reason;
            }
        }
        FailureReason byText = fromText(text);
        return byText == null ? FailureReason.DUMP_FAILED : byText;
    }

    /**
     * The first MariaDB error number in a tool's message: {@code Got error: 1045:} or a line ending
     * in {@code (1142)}; 0 when there is none.
     */
    public static int errorCode(String text) {
        if (text == null) {
            return 0;
        }
        Matcher got = GOT_ERROR.matcher(text);
        if (got.find()) {
            return Integer.parseInt(got.group(1));
        }
        Matcher trailing = TRAILING_CODE.matcher(text);
        return trailing.find() ? Integer.parseInt(trailing.group(1)) : 0;
    }

    /**
     * The privilege a permission failure says is missing, with what it is missing on, e.g. {@code
     * SHOW VIEW on `db`.`v`}, {@code RELOAD}, or {@code EVENT on database 'db'} (error 1044 names no
     * privilege; the statement that failed tells it: {@code show events} needs EVENT); null when the
     * text names none.
     */
    public static String missingPrivilege(String text) {
        if (text == null) {
            return null;
        }
        Matcher need = NEED_PRIVILEGE.matcher(text);
        if (need.find()) {
            return need.group(1);
        }
        Matcher column = COLUMN_DENIED.matcher(text);
        if (column.find()) {
            return column.group(1) + " on column " + column.group(2) + " of table " + column.group(3);
        }
        Matcher command = COMMAND_DENIED.matcher(text);
        if (command.find()) {
            return command.group(1) + " on " + command.group(2);
        }
        Matcher database = DATABASE_DENIED.matcher(text);
        if (database.find()) {
            String privilege = privilegeOfStatement(text);
            return privilege == null
                    ? "privileges on database '" + database.group(1)
                            + "' (the server says so too when the database does not exist)"
                    : privilege + " on database '" + database.group(1) + "'";
        }
        return null;
    }

    /**
     * The message of a {@link io.bulwark.engines.DumpFailedException}: for PERMISSION_DENIED {@code
     * permission denied: the backup user lacks <privilege> (<source>: <text>)}, otherwise {@code
     * text} (or {@code <source> failed} when it is empty).
     *
     * @param reason the classified reason
     * @param source who reported it, e.g. {@code mariadb-dump} or {@code the server}
     * @param text the tool's stderr or the driver's message, password already redacted
     */
    public static String describe(FailureReason reason, String source, String text) {
        String body = text == null || text.isBlank() ? source + " failed" : text.strip();
        if (reason != FailureReason.PERMISSION_DENIED) {
            return body;
        }
        String privilege = missingPrivilege(body);
        String quoted = body.startsWith(source + ":") ? body : source + ": " + body;
        return "permission denied: the backup user lacks " + (privilege == null ? "a privilege" : privilege) + " ("
                + quoted + ")";
    }

    private static String privilegeOfStatement(String text) {
        Matcher failed = FAILED_STATEMENT.matcher(text);
        if (!failed.find()) {
            return null;
        }
        String statement = failed.group(1).toLowerCase(Locale.ROOT);
        if (statement.startsWith("show events") || statement.contains("information_schema.events")) {
            return "EVENT";
        }
        if (statement.startsWith("show triggers") || statement.startsWith("show create trigger")) {
            return "TRIGGER";
        }
        if (statement.startsWith("show create view")) {
            return "SHOW VIEW";
        }
        if (statement.startsWith("show create procedure") || statement.startsWith("show create function")) {
            return "SELECT on mysql.proc";
        }
        if (statement.startsWith("lock tables")) {
            return "LOCK TABLES";
        }
        return null;
    }

    private static FailureReason fromText(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("access denied for user") && text.contains("using password")) {
            return FailureReason.AUTHENTICATION_FAILED;
        }
        if (text.contains("unknown database")) {
            return FailureReason.DATABASE_MISSING;
        }
        if (text.contains("command denied") || text.contains("access denied")) {
            return FailureReason.PERMISSION_DENIED;
        }
        if (text.contains("can't connect")
                || text.contains("lost connection")
                || text.contains("connection refused")
                || text.contains("unknown server host")
                || text.contains("socket fail to connect")
                || text.contains("server has gone away")
                || text.contains("connect timed out")) {
            return FailureReason.CONNECTION_REFUSED;
        }
        return null;
    }
}
