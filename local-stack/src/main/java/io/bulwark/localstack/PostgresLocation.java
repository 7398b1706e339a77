package io.bulwark.localstack;

import java.util.Locale;

/**
 * Where a PostgreSQL database is and how to log in: parsed from {@code postgresql://user[:password]@host[:port]/dbname}
 * or {@code jdbc:postgresql://host[:port]/dbname[?user=..&password=..]}. {@link #toString()} never shows the password.
 *
 * @param host server host
 * @param port server port (5432 when the URL has none)
 * @param database database name
 * @param username role to log in as ({@code postgres} when the URL has none)
 * @param password the role's password, or {@code null}
 */
public record PostgresLocation(String host, int port, String database, String username, String password) {

    /** The port used when a URL names none. */
    public static final int DEFAULT_PORT = 5432;

    public PostgresLocation {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("PostgreSQL URL: host is missing");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("PostgreSQL URL: port must be 1..65535 but was " + port);
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("PostgreSQL URL: database name is missing (…/dbname)");
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("PostgreSQL URL: user is missing");
        }
    }

    /** The environment variable naming the PostgreSQL for the services' state. */
    public static final String STATE_URL_ENV = "BULWARK_PG_URL";

    /**
     * The PostgreSQL for the services' state named by {@value #STATE_URL_ENV}.
     *
     * @return the location, or null when the variable is unset or blank (then an ephemeral instance is used)
     * @throws IllegalArgumentException starting with {@value #STATE_URL_ENV} when it is set but not a PostgreSQL URL
     */
    public static PostgresLocation fromEnvironment() {
        String url = System.getenv(STATE_URL_ENV);
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return parse(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(STATE_URL_ENV + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a {@code postgresql://}, {@code postgres://} or {@code jdbc:postgresql://} URL (see {@link
     * DatabaseLocation#parse}).
     *
     * @param url the URL; user and password may be percent-encoded
     * @return the location
     * @throws IllegalArgumentException when the URL is not one of these forms or lacks the database name; the message
     *     never repeats the password
     */
    public static PostgresLocation parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("PostgreSQL URL is empty");
        }
        String raw = url.strip();
        if (raw.regionMatches(true, 0, "jdbc:", 0, "jdbc:".length())) {
            raw = raw.substring("jdbc:".length());
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("postgresql://") && !lower.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    "PostgreSQL URL must look like postgresql://user[:password]@host[:port]/dbname");
        }
        DatabaseLocation parsed = DatabaseLocation.parse(raw);
        return new PostgresLocation(
                parsed.host(), parsed.port(), parsed.database(), parsed.username(), parsed.password());
    }

    /** This location as a backup target's location (engine PostgreSQL). */
    public DatabaseLocation toDatabaseLocation() {
        return new DatabaseLocation(DatabaseLocation.Engine.POSTGRESQL, host, port, database, username, password);
    }

    /** This location with another database on the same server. */
    public PostgresLocation withDatabase(String otherDatabase) {
        return new PostgresLocation(host, port, otherDatabase, username, password);
    }

    /** {@code jdbc:postgresql://host:port/database}, without user or password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + database;
    }

    /** {@code postgresql://host:port/database (as user)}, for people to read: never a URL with user-info. */
    public String displayUrl() {
        return "postgresql://" + hostForUrl() + ":" + port + "/" + database + " (as " + username + ")";
    }

    @Override
    public String toString() {
        return displayUrl() + (password == null ? "" : " (password set)");
    }

    private String hostForUrl() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
