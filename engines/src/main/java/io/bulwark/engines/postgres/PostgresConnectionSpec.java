package io.bulwark.engines.postgres;

import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.Command;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * How to reach one PostgreSQL database. The password is used for the JDBC connection and handed to
 * the PostgreSQL tools through a private password file ({@code PGPASSFILE}, {@link #toolCommand}) only; it is never
 * part of a URL, an argument list, a child's environment or {@link #toString()}.
 *
 * @param host host name or IP address
 * @param port TCP port, 1..65535
 * @param database database name
 * @param username role to connect as
 * @param password the role's password, or null for trust/peer/.pgpass authentication
 */
public record PostgresConnectionSpec(String host, int port, String database, String username, String password) {

    /** How long a connection attempt may take by default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** @throws IllegalArgumentException naming the field when one is missing or out of range */
    public PostgresConnectionSpec {
        requireText("host", host);
        requireText("database", database);
        requireText("username", username);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535 but was " + port);
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    /** The PostgreSQL form of an engine-neutral {@link io.bulwark.engines.ConnectionSpec}. */
    public static PostgresConnectionSpec of(io.bulwark.engines.ConnectionSpec spec) {
        return new PostgresConnectionSpec(spec.host(), spec.port(), spec.database(), spec.username(), spec.password());
    }

    /** The engine-neutral form of this spec. */
    public io.bulwark.engines.ConnectionSpec toConnectionSpec() {
        return new io.bulwark.engines.ConnectionSpec(host, port, database, username, password);
    }

    /** This spec for another database on the same server, with the same credentials. */
    public PostgresConnectionSpec withDatabase(String otherDatabase) {
        return new PostgresConnectionSpec(host, port, otherDatabase, username, password);
    }

    /** {@code jdbc:postgresql://host:port/database}, without credentials (they go in {@link #jdbcProperties}). */
    public String jdbcUrl() {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The driver properties: user, password (when set), application name and connect timeout.
     *
     * @param connectTimeout how long opening the connection may take
     */
    public Properties jdbcProperties(Duration connectTimeout) {
        Properties props = new Properties();
        props.setProperty("user", username);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "bulwark");
        props.setProperty("connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        return props;
    }

    /**
     * Opens a JDBC connection; the caller closes it.
     *
     * @throws SQLException with the server's SQLState when the server refuses (see {@link
     *     FailureClassifier#fromSqlException})
     */
    public Connection connect(Duration connectTimeout) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), jdbcProperties(connectTimeout));
    }

    /** Opens a JDBC connection with {@link #DEFAULT_CONNECT_TIMEOUT}. */
    public Connection connect() throws SQLException {
        return connect(DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * The libpq environment for the PostgreSQL tools ({@code pg_dump}, {@code pg_restore}, {@code
     * psql}): {@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER}, {@code PGAPPNAME} and {@code
     * PGCONNECT_TIMEOUT}; never the password (see {@link #toolCommand}). See the PostgreSQL documentation,
     * "Environment Variables" (libpq).
     */
    public Map<String, String> toolEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PGHOST", host);
        env.put("PGPORT", Integer.toString(port));
        env.put("PGDATABASE", database);
        env.put("PGUSER", username);
        env.put("PGAPPNAME", "bulwark");
        env.put("PGCONNECT_TIMEOUT", Long.toString(DEFAULT_CONNECT_TIMEOUT.toSeconds()));
        return env;
    }

    /**
     * A PostgreSQL tool's command for this database: {@code argv}, {@link #toolEnv()}, and, when a password is set, a
     * private password file ({@link #passFileLine()}) that {@link ProcessRunner#start} writes (mode 0600, in a folder
     * of its own), names in {@code PGPASSFILE} and deletes when the tool has ended. Without a password {@code
     * PGPASSFILE} is not set.
     *
     * @param argv the tool and its arguments; never a password
     * @param timeout how long the tool may run
     * @param fileOwner the OS user the tool runs as when that is not this JVM's user (the file is handed to it), or
     *     null
     */
    public Command toolCommand(List<String> argv, Duration timeout, String fileOwner) {
        Command command = new Command(argv, toolEnv(), timeout);
        if (password == null) {
            return command;
        }
        return command.withPrivateFile(
                new ProcessRunner.PrivateFile("PGPASSFILE", "pgpass", passFileLine(), fileOwner));
    }

    /** {@link #toolCommand(List, Duration, String)} for a tool that runs as this JVM's user. */
    public Command toolCommand(List<String> argv, Duration timeout) {
        return toolCommand(argv, timeout, null);
    }

    /**
     * This spec's line of a password file, {@code host:port:*:username:password} and a newline: any database of this
     * server, as this user. A {@code :} or {@code \} in a field is escaped with {@code \}, as the PostgreSQL manual's
     * "The Password File" section (libpq) says.
     *
     * @throws IllegalStateException when no password is set
     */
    public String passFileLine() {
        if (password == null) {
            throw new IllegalStateException("no password to write for " + this);
        }
        if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
            throw new IllegalStateException("a password with a line break cannot go into a password file");
        }
        return escapePassField(host) + ":" + port + ":*:" + escapePassField(username) + ":" + escapePassField(password)
                + "\n";
    }

    private static String escapePassField(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:");
    }

    /**
     * Replaces every occurrence of the password in {@code text} with {@code ***}, for messages that
     * come from elsewhere (a tool's stderr, a driver's exception).
     */
    public String redact(String text) {
        if (text == null || password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, "***");
    }

    /** Host, port, database and user; never the password. */
    @Override
    public String toString() {
        return "PostgresConnectionSpec[host=" + host + ", port=" + port + ", database=" + database + ", username="
                + username + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
