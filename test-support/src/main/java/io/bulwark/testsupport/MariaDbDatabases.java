package io.bulwark.testsupport;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.mariadb.MariaDbInspector;
import io.bulwark.engines.mariadb.MariaDbRestoreTool;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ToolMissingException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Creates, fills and drops databases on a running MariaDB (or MySQL) server (by default the machine's
 * server at 127.0.0.1:3306, user {@code root} without password over TCP) so that each integration test
 * works on its own uniquely named database, and creates accounts with chosen grants. Scripts run
 * through the {@code mariadb} client ({@link MariaDbRestoreTool}, which stops at the first error),
 * with the password in a private option file, never in its arguments; {@link #execute} runs SQL over
 * JDBC with multi-statements on.
 */
public final class MariaDbDatabases {

    /** Classpath location of the Chinook MySQL script (version 1.4.5, MIT licence, see LICENSE.md next to it). */
    public static final String CHINOOK_RESOURCE = "/fixtures/chinook/Chinook_MySql.sql";

    /** The 11 tables of Chinook, as the MySQL script names them. */
    public static final List<String> CHINOOK_TABLES = List.of(
            "Album",
            "Artist",
            "Customer",
            "Employee",
            "Genre",
            "Invoice",
            "InvoiceLine",
            "MediaType",
            "Playlist",
            "PlaylistTrack",
            "Track");

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern DATABASE_LEVEL_LINE =
            Pattern.compile("^\\s*(DROP DATABASE|CREATE DATABASE|USE ).*", Pattern.CASE_INSENSITIVE);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);
    private static final ProcessRunner PROCESSES = new ProcessRunner();

    private final String host;
    private final int port;
    private final String username;
    private final String password;

    /**
     * A helper for a given server.
     *
     * @param host server host name or address
     * @param port server TCP port
     * @param username account allowed to create databases and users
     * @param password its password, or {@code null} for none
     */
    public MariaDbDatabases(String host, int port, String username, String password) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /** A helper for the machine's MariaDB at 127.0.0.1:3306 as {@code root} without password. */
    public static MariaDbDatabases local() {
        return new MariaDbDatabases("127.0.0.1", 3306, "root", null);
    }

    /** How to reach {@code database} with this helper's account. */
    public ConnectionSpec connectionSpec(String database) {
        return new ConnectionSpec(host, port, database, username, password);
    }

    /**
     * Opens a JDBC connection to a database of this server, with {@code allowMultiQueries=true}.
     *
     * @throws SQLException when the server refuses the connection
     */
    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", username);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("allowMultiQueries", "true");
        props.setProperty("allowLocalInfile", "false");
        return DriverManager.getConnection("jdbc:mariadb://" + host + ":" + port + "/" + database, props);
    }

    /**
     * Creates a new, empty database named {@code <prefix>_<random hex>} ({@code utf8mb4}).
     *
     * @param prefix lower-case letters, digits and underscores, at most 40 characters
     * @return the new database's name
     * @throws IllegalStateException when the database cannot be created
     */
    public String createUnique(String prefix) {
        String name = prefix.toLowerCase(Locale.ROOT) + "_" + randomHex(6);
        create(name);
        return name;
    }

    /**
     * Creates a new, empty database ({@code utf8mb4}).
     *
     * @param database name matching {@code [a-z_][a-z0-9_]{0,62}}
     * @throws IllegalArgumentException when the name does not match
     * @throws IllegalStateException when the database cannot be created (e.g. it exists)
     */
    public void create(String database) {
        execute("mysql", "CREATE DATABASE `" + checkName(database) + "` CHARACTER SET utf8mb4");
    }

    /**
     * Drops a database if it exists.
     *
     * @throws IllegalStateException when the database cannot be dropped
     */
    public void drop(String database) {
        execute("mysql", "DROP DATABASE IF EXISTS `" + checkName(database) + "`");
    }

    /** Tells whether a database exists on this server ({@code information_schema.SCHEMATA}). */
    public boolean exists(String database) {
        try (Connection c = connect("mysql");
                PreparedStatement ps =
                        c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list databases: " + e.getMessage(), e);
        }
    }

    /**
     * Runs SQL statements in a database through JDBC (several statements separated by semicolons,
     * compound statements such as {@code CREATE PROCEDURE ... BEGIN ...; END} included; no {@code
     * DELIMITER}).
     *
     * @throws IllegalStateException when a statement fails
     */
    public void execute(String database, String sql) {
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed in database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates account {@code 'user'@'%'} with {@code userPassword} and gives it {@code grants}, each a
     * {@code GRANT ... ON ...} clause without its {@code TO} part, e.g. {@code GRANT SELECT ON `shop`.*}.
     *
     * @throws IllegalStateException when the server refuses
     */
    public void createUser(String user, String userPassword, String... grants) {
        checkName(user);
        try (Connection c = connect("mysql")) {
            try (PreparedStatement ps = c.prepareStatement("CREATE USER ?@'%' IDENTIFIED BY ?")) {
                ps.setString(1, user);
                ps.setString(2, userPassword);
                ps.execute();
            }
            try (Statement st = c.createStatement()) {
                for (String grant : grants) {
                    st.execute(grant + " TO '" + user + "'@'%'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create user " + user + ": " + e.getMessage(), e);
        }
    }

    /** Drops account {@code 'user'@'%'} if it exists. */
    public void dropUser(String user) {
        execute("mysql", "DROP USER IF EXISTS '" + checkName(user) + "'@'%'");
    }

    /**
     * Counts the rows of a table: {@code SELECT COUNT(*) FROM `database`.`table`}.
     *
     * @throws IllegalStateException when the table cannot be read
     */
    public long countRows(String database, String table) {
        try (Connection c = connect(database)) {
            return new MariaDbInspector().countRows(c, database, table);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count rows of " + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * The exact row count of every Chinook table in a database.
     *
     * @return table name to row count, in {@link #CHINOOK_TABLES} order
     */
    public Map<String, Long> chinookRowCounts(String database) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : CHINOOK_TABLES) {
            counts.put(table, countRows(database, table));
        }
        return counts;
    }

    /**
     * Runs a SQL script file in a database through the {@code mariadb} client, stopping at the first
     * error.
     *
     * @throws IllegalStateException when the client fails (with its error), takes more than 10 minutes
     *     or is not installed
     */
    public void runScript(String database, Path script) {
        RestoreOutcome result;
        try (InputStream in = Files.newInputStream(script)) {
            result = new MariaDbRestoreTool(PROCESSES).restore(in, connectionSpec(database), SCRIPT_TIMEOUT);
        } catch (ToolMissingException e) {
            throw new IllegalStateException("cannot run mariadb (is the MariaDB client installed?)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
        if (!result.succeeded()) {
            throw new IllegalStateException(
                    "running " + script + " in database " + database + " failed: " + result.failureDetail());
        }
    }

    /**
     * Loads Chinook (11 tables, 15,607 rows) into an existing, empty database from this module's copy
     * of the MySQL script, without its {@code DROP/CREATE DATABASE} and {@code USE} lines so that it
     * fills {@code database} instead of one named {@code Chinook}.
     *
     * @throws IllegalStateException when loading fails
     */
    public void loadChinook(String database) {
        try {
            Path script = Files.createTempFile("chinook-mysql-", ".sql");
            try {
                writeChinookScript(script, false);
                runScript(database, script);
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Chinook script", e);
        }
    }

    /**
     * Writes this module's copy of the Chinook MySQL script to a file.
     *
     * @param target file to write (replaced)
     * @param withDatabaseStatements true to keep the script as shipped (it drops, creates and uses a
     *     database named {@code Chinook}); false to leave those lines out
     * @return {@code target}
     * @throws UncheckedIOException when the file cannot be written
     */
    public static Path writeChinookScript(Path target, boolean withDatabaseStatements) {
        try (InputStream in = MariaDbDatabases.class.getResourceAsStream(CHINOOK_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Chinook script missing from the classpath: " + CHINOOK_RESOURCE);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                    BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (withDatabaseStatements
                            || !DATABASE_LEVEL_LINE.matcher(line).matches()) {
                        writer.write(line);
                        writer.newLine();
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Chinook script to " + target, e);
        }
    }

    /** {@code bytes} random bytes as lower-case hex. */
    public static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must match " + NAME + ": " + name);
        }
        return name;
    }
}
