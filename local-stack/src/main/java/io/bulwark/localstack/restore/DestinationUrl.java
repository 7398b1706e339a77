package io.bulwark.localstack.restore;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The destination server of a standalone restore, parsed from {@code --to}: {@code
 * postgresql://user@host[:port][/database]} (also {@code postgres://}) or {@code mysql://user@host[:port][/database]}
 * (also {@code mariadb://}). A URL never carries a password: one in it (user info or {@code ?password=}) is refused,
 * since a command line is visible in the process list and the shell's history.
 *
 * @param engine {@code postgresql} or {@code mariadb}, as the restore engines name themselves
 * @param host the server's host
 * @param port its TCP port (5432 or 3306 when the URL names none)
 * @param username the user to log in as ({@code postgres} for a PostgreSQL URL without one)
 * @param database the database named in the URL's path, or null when there is none
 */
public record DestinationUrl(String engine, String host, int port, String username, String database) {

    /** The engine name of PostgreSQL destinations. */
    public static final String POSTGRESQL = "postgresql";

    /** The engine name of MySQL and MariaDB destinations. */
    public static final String MARIADB = "mariadb";

    /** What {@code --to} looks like, for messages. */
    public static final String FORMS =
            "postgresql://user@host[:port][/database] or mysql://user@host[:port][/database]";

    /** How to pass the destination's password, for messages. */
    public static final String PASSWORD_HINT = "pass the password in the environment variable "
            + RestoreCredentials.RESTORE_PASSWORD_ENV + " or with --password-file FILE";

    /**
     * Parses {@code --to}.
     *
     * @throws IllegalArgumentException when the URL holds a password (saying how to pass it instead), has another
     *     scheme, query parameters, or lacks the host or (MySQL/MariaDB) the user; the message never repeats a password
     */
    public static DestinationUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("--to is empty; use " + FORMS);
        }
        String raw = url.strip();
        int schemeEnd = raw.indexOf("://");
        if (schemeEnd <= 0) {
            throw new IllegalArgumentException("--to must look like " + FORMS);
        }
        String scheme = raw.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String engine = switch (scheme) {
            case "postgresql", "postgres" -> POSTGRESQL;
            case "mysql", "mariadb" -> MARIADB;
            default ->
                throw new IllegalArgumentException(
                        "--to: the scheme '" + scheme + "://' is not supported; use " + FORMS);
        };
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--to is not a valid URL (percent-encode special characters of the"
                    + " user and database); use " + FORMS);
        }
        String userInfo = uri.getRawUserInfo();
        if ((userInfo != null && userInfo.contains(":"))
                || (uri.getRawQuery() != null
                        && uri.getRawQuery().toLowerCase(Locale.ROOT).contains("password"))) {
            throw new IllegalArgumentException(
                    "--to must not hold a password (a command line shows in the process list and the shell's"
                            + " history); " + PASSWORD_HINT);
        }
        if (uri.getRawQuery() != null) {
            throw new IllegalArgumentException("--to takes no query parameters; use " + FORMS);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "--to: cannot read host[:port] (the port must be a number); use " + FORMS);
        }
        String user = userInfo == null || userInfo.isEmpty() ? null : decode(userInfo);
        if (user == null) {
            if (engine.equals(MARIADB)) {
                throw new IllegalArgumentException("--to: a MySQL/MariaDB URL must name the user: mysql://user@host");
            }
            user = "postgres";
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.startsWith("/") ? decode(path.substring(1)) : decode(path);
        if (database.contains("/")) {
            throw new IllegalArgumentException("--to: the path names one database, e.g. …:5432/restored");
        }
        int port = uri.getPort() < 0 ? (engine.equals(POSTGRESQL) ? 5432 : 3306) : uri.getPort();
        return new DestinationUrl(engine, uri.getHost(), port, user, database.isEmpty() ? null : database);
    }

    /**
     * The database a server-level statement runs in: {@code postgres} on PostgreSQL (where the restore's advisory
     * lock is taken, as the verifier does), {@code mysql} on MySQL/MariaDB.
     */
    public String maintenanceDatabase() {
        return engine.equals(POSTGRESQL) ? "postgres" : "mysql";
    }

    /** True for a PostgreSQL server. */
    public boolean postgres() {
        return engine.equals(POSTGRESQL);
    }

    /** {@code engine://host:port[/database] (as user)}: never a password, never a URL with user-info. */
    @Override
    public String toString() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return engine + "://" + h + ":" + port + (database == null ? "" : "/" + database) + " (as " + username + ")";
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--to holds a malformed percent-encoding (%XX)");
        }
    }
}
