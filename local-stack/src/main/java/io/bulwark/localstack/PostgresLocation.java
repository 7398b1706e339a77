package io.bulwark.localstack;

import io.bulwark.contracts.Ids;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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
     * Parses a {@code postgresql://}, {@code postgres://} or {@code jdbc:postgresql://} URL.
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
        if (raw.startsWith("jdbc:")) {
            raw = raw.substring("jdbc:".length());
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("postgresql://") && !lower.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    "PostgreSQL URL must look like postgresql://user[:password]@host[:port]/dbname");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "PostgreSQL URL is not a valid URL (percent-encode special characters in the password)");
        }
        Map<String, String> query = query(uri.getRawQuery());
        String user = query.get("user");
        String password = query.get("password");
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                password = decode(userInfo.substring(colon + 1));
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        return new PostgresLocation(
                uri.getHost(),
                uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                database,
                user == null || user.isBlank() ? "postgres" : user,
                password == null || password.isEmpty() ? null : password);
    }

    /** This location with another database on the same server. */
    public PostgresLocation withDatabase(String otherDatabase) {
        return new PostgresLocation(host, port, otherDatabase, username, password);
    }

    /** {@code jdbc:postgresql://host:port/database}, without user or password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + database;
    }

    /** {@code postgresql://user@host:port/database}, without the password, for people to read. */
    public String displayUrl() {
        return "postgresql://" + username + "@" + hostForUrl() + ":" + port + "/" + database;
    }

    /**
     * A target id derived from the database name: lower-cased, characters outside {@code [a-z0-9_-]} replaced by
     * {@code -}, leading non-alphanumerics dropped, cut to 63 characters; {@code target} when nothing is left.
     */
    public String derivedTargetId() {
        String id = database.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        id = id.replaceFirst("^[^a-z0-9]+", "");
        if (id.length() > 63) {
            id = id.substring(0, 63);
        }
        return Ids.isSafe(id) ? id : "target";
    }

    @Override
    public String toString() {
        return displayUrl() + (password == null ? "" : " (password set)");
    }

    private String hostForUrl() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
