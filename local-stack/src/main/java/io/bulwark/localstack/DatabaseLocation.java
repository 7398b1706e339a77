package io.bulwark.localstack;

import io.bulwark.contracts.Ids;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a database to back up is, which engine serves it and how to log in: parsed from {@code
 * postgresql://user[:password]@host[:port]/dbname} (also {@code postgres://}) or {@code
 * mysql://user[:password]@host[:port]/dbname} (also {@code mariadb://}), each optionally prefixed with {@code jdbc:}
 * and then taking {@code ?user=..&password=..} as well. {@link #toString()} never shows the password.
 *
 * @param engine the database engine
 * @param host server host
 * @param port server port ({@link Engine#defaultPort()} when the URL has none)
 * @param database database name
 * @param username user to log in as ({@code postgres} for a PostgreSQL URL without one; a MySQL URL must name one)
 * @param password the user's password, or {@code null}
 */
public record DatabaseLocation(
        Engine engine, String host, int port, String database, String username, String password) {

    /** The database engines a target can have, with what their URLs look like. */
    public enum Engine {
        /** PostgreSQL: {@code postgresql://} or {@code postgres://}, port 5432, user {@code postgres} by default. */
        POSTGRESQL("postgresql", "PostgreSQL", 5432, "postgres", List.of("postgresql", "postgres")),
        /** MariaDB and MySQL (one engine for Bulwark): {@code mysql://} or {@code mariadb://}, port 3306. */
        MARIADB("mariadb", "MySQL/MariaDB", 3306, null, List.of("mysql", "mariadb"));

        private final String configName;
        private final String displayName;
        private final int defaultPort;
        private final String defaultUser;
        private final List<String> schemes;

        Engine(String configName, String displayName, int defaultPort, String defaultUser, List<String> schemes) {
            this.configName = configName;
            this.displayName = displayName;
            this.defaultPort = defaultPort;
            this.defaultUser = defaultUser;
            this.schemes = schemes;
        }

        /** The value of {@code bulwark.targets.<id>.engine}: {@code postgresql} or {@code mariadb}. */
        public String configName() {
            return configName;
        }

        /** The engine's name for people, e.g. {@code MySQL/MariaDB}. */
        public String displayName() {
            return displayName;
        }

        /** The port used when a URL names none. */
        public int defaultPort() {
            return defaultPort;
        }

        /** The user taken when a URL names none, or {@code null} when the URL must name one. */
        public String defaultUser() {
            return defaultUser;
        }

        /** The URL schemes of this engine. */
        public List<String> schemes() {
            return schemes;
        }

        /**
         * The engine whose URLs use {@code scheme}.
         *
         * @param scheme e.g. {@code postgres}, {@code mysql}; case does not matter
         * @return the engine, or empty when no engine uses that scheme
         */
        public static Optional<Engine> forScheme(String scheme) {
            String s = scheme.toLowerCase(Locale.ROOT);
            for (Engine e : values()) {
                if (e.schemes.contains(s)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }
    }

    /** What the supported URLs look like, for error messages. */
    public static final String URL_FORMS = "postgresql://user[:password]@host[:port]/dbname (or postgres://),"
            + " mysql://user[:password]@host[:port]/dbname (or mariadb://)";

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]{0,30})://.*", Pattern.DOTALL);

    /**
     * @throws IllegalArgumentException naming the engine's URL and what is missing or out of range
     */
    public DatabaseLocation {
        Objects.requireNonNull(engine, "engine");
        String what = engine.displayName() + " URL";
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(what + ": host is missing");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + ": port must be 1..65535 but was " + port);
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException(what + ": database name is missing (…/dbname)");
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException(what + ": user is missing (…://user[:password]@host…)");
        }
    }

    /**
     * Parses a PostgreSQL or MySQL/MariaDB URL.
     *
     * @param url {@code <scheme>://user[:password]@host[:port]/dbname} with a scheme of {@link Engine#schemes()},
     *     optionally prefixed with {@code jdbc:}; user and password may be percent-encoded
     * @return the location
     * @throws IllegalArgumentException when the scheme is unknown, the URL cannot be read, or it lacks the host, the
     *     database name or (MySQL/MariaDB) the user; the message never repeats the password
     */
    public static DatabaseLocation parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("database URL is empty; use " + URL_FORMS);
        }
        String raw = url.strip();
        if (raw.regionMatches(true, 0, "jdbc:", 0, "jdbc:".length())) {
            raw = raw.substring("jdbc:".length());
        }
        var scheme = SCHEME.matcher(raw);
        if (!scheme.matches()) {
            throw new IllegalArgumentException("database URL must look like " + URL_FORMS);
        }
        Engine engine = Engine.forScheme(scheme.group(1))
                .orElseThrow(() -> new IllegalArgumentException(
                        "database URL scheme '" + scheme.group(1) + "://' is not supported; use " + URL_FORMS));
        String what = engine.displayName() + " URL";
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    what + " is not a valid URL (percent-encode special characters in the user and password)");
        }
        if (uri.getHost() == null && uri.getRawAuthority() != null) {
            throw new IllegalArgumentException(what + ": cannot read host[:port] (the port must be a number;"
                    + " percent-encode special characters in the user and password)");
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
        return new DatabaseLocation(
                engine,
                uri.getHost(),
                uri.getPort() < 0 ? engine.defaultPort() : uri.getPort(),
                database,
                user == null || user.isBlank() ? engine.defaultUser() : user,
                password == null || password.isEmpty() ? null : password);
    }

    /** {@code <engine>://host:port/database (as user)} ({@link Engine#configName()}): never a URL with user-info. */
    public String displayUrl() {
        return engine.configName() + "://" + hostForUrl() + ":" + port + "/" + database + " (as " + username + ")";
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
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("database URL holds a malformed percent-encoding (%XX)");
        }
    }
}
