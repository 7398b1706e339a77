package io.bulwark.embedded;

import io.bulwark.engines.postgres.PostgresConnectionSpec;
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
import java.util.regex.Pattern;

/**
 * Creates, fills and drops databases on a running PostgreSQL server (by default the machine's server at
 * 127.0.0.1:5432, user {@code postgres}, trust authentication): the local stack's state database, the Chinook
 * sample database of {@code bulwark demo} and {@code bulwark up}, the benchmarks' pgbench databases, and the
 * uniquely named database each integration test works on. Scripts run through {@code psql} with {@code
 * ON_ERROR_STOP}; a password, when there is one, goes to {@code psql} through a private {@code PGPASSFILE}, never through its
 * arguments or its environment.
 *
 * <p>Every method opens and closes its own JDBC connection; nothing stays open between calls.
 */
public final class PostgresDatabases {

    /**
     * Classpath location of the Chinook PostgreSQL script (version 1.4.5, MIT licence, see LICENSE.md next to it),
     * about 600 kB: 11 tables, 15,607 rows.
     */
    public static final String CHINOOK_RESOURCE = "/chinook/Chinook_PostgreSql.sql";

    /** The 11 tables of Chinook, all in schema {@code public}. */
    public static final List<String> CHINOOK_TABLES = List.of(
            "album",
            "artist",
            "customer",
            "employee",
            "genre",
            "invoice",
            "invoice_line",
            "media_type",
            "playlist",
            "playlist_track",
            "track");

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern DATABASE_LEVEL_LINE =
            Pattern.compile("^\\s*(DROP DATABASE|CREATE DATABASE|\\\\c |\\\\connect ).*", Pattern.CASE_INSENSITIVE);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);

    private static final ProcessRunner PROCESSES = new ProcessRunner();

    private final PostgresConnectionSpec admin;

    /**
     * A helper for a given server.
     *
     * @param host server host name or address
     * @param port server TCP port
     * @param username role with CREATEDB (or superuser) rights
     * @param password the role's password, or {@code null} for trust/peer authentication
     */
    public PostgresDatabases(String host, int port, String username, String password) {
        this.admin = new PostgresConnectionSpec(host, port, "postgres", username, password);
    }

    /** A helper for the machine's PostgreSQL at 127.0.0.1:5432 as {@code postgres} without password. */
    public static PostgresDatabases local() {
        return new PostgresDatabases("127.0.0.1", 5432, "postgres", null);
    }

    /** Server host. */
    public String host() {
        return admin.host();
    }

    /** Server port. */
    public int port() {
        return admin.port();
    }

    /** Role used to connect. */
    public String username() {
        return admin.username();
    }

    /** The role's password, or {@code null}. */
    public String password() {
        return admin.password();
    }

    /**
     * The JDBC URL of a database on this server.
     *
     * @param database database name
     * @return e.g. {@code jdbc:postgresql://127.0.0.1:5432/chinook}
     */
    public String jdbcUrl(String database) {
        return admin.withDatabase(database).jdbcUrl();
    }

    /**
     * Opens a JDBC connection to a database of this server.
     *
     * @param database database name
     * @return an open connection the caller closes
     * @throws SQLException when the server refuses the connection
     */
    public Connection connect(String database) throws SQLException {
        return admin.withDatabase(database).connect();
    }

    /**
     * Creates a new, empty database named {@code <prefix>_<random hex>}.
     *
     * @param prefix lower-case letters, digits and underscores, at most 40 characters
     * @return the new database's name
     * @throws IllegalStateException when the database cannot be created
     */
    public String createUnique(String prefix) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String name = prefix.toLowerCase(Locale.ROOT) + "_" + HexFormat.of().formatHex(random);
        create(name);
        return name;
    }

    /**
     * Creates a new, empty database.
     *
     * @param database name matching {@code [a-z_][a-z0-9_]{0,62}}
     * @throws IllegalArgumentException when the name does not match
     * @throws IllegalStateException when the database cannot be created (e.g. it exists)
     */
    public void create(String database) {
        String name = checkName(database);
        executeOnMaintenanceDb("CREATE DATABASE " + name);
    }

    /**
     * Drops a database if it exists, terminating its open connections first.
     *
     * @param database database name
     * @throws IllegalStateException when the database cannot be dropped
     */
    public void drop(String database) {
        String name = checkName(database);
        try (Connection c = connect("postgres");
                PreparedStatement terminate = c.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            terminate.setString(1, name);
            terminate.executeQuery().close();
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Tells whether a database exists on this server.
     *
     * @param database database name
     * @return true when {@code pg_database} lists it
     * @throws IllegalStateException when the server cannot be queried
     */
    public boolean exists(String database) {
        try (Connection c = connect("postgres");
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list databases: " + e.getMessage(), e);
        }
    }

    /**
     * Runs SQL statements in a database through JDBC (several statements separated by semicolons are fine).
     *
     * @param database database name
     * @param sql the statements
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
     * Counts the rows of a table.
     *
     * @param database database name
     * @param qualifiedTable table name, optionally schema-qualified, already quoted where needed
     * @return the exact row count
     * @throws IllegalStateException when the count fails (e.g. no such table)
     */
    public long countRows(String database, String qualifiedTable) {
        try (Connection c = connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + qualifiedTable)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count rows of " + qualifiedTable + ": " + e.getMessage(), e);
        }
    }

    /**
     * The exact row count of every Chinook table in a database.
     *
     * @param database database holding Chinook
     * @return table name to row count, in {@link #CHINOOK_TABLES} order
     * @throws IllegalStateException when a count fails (e.g. a table is missing)
     */
    public Map<String, Long> chinookRowCounts(String database) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : CHINOOK_TABLES) {
            counts.put(table, countRows(database, "public." + table));
        }
        return counts;
    }

    /**
     * Runs a SQL script file with {@code psql -v ON_ERROR_STOP=1 -1} (one transaction) in a database.
     *
     * @param database database name
     * @param script the script file
     * @throws IllegalStateException when {@code psql} fails, with the tail of its error output, or takes more than
     *     10 minutes
     */
    public void runScript(String database, Path script) {
        ProcessRunner.Command psql = admin.withDatabase(database)
                .toolCommand(
                        List.of(
                                "psql",
                                "-X",
                                "-q",
                                "-v",
                                "ON_ERROR_STOP=1",
                                "-1",
                                "-f",
                                script.toAbsolutePath().toString()),
                        SCRIPT_TIMEOUT);
        ProcessRunner.Result result;
        try {
            result = PROCESSES.run(psql);
        } catch (ToolMissingException e) {
            throw new IllegalStateException("cannot run psql (is the PostgreSQL client installed?)", e);
        }
        if (result.timedOut()) {
            throw new IllegalStateException("psql did not finish " + script + " within " + SCRIPT_TIMEOUT);
        }
        if (result.exitCode() != 0) {
            throw new IllegalStateException("psql exited with " + result.exitCode() + " running " + script
                    + " in database " + database + ": " + tail(result.stderr()));
        }
    }

    /**
     * Loads Chinook (11 tables, 15,607 rows) into an existing, empty database from this module's copy of the script.
     * The script's own {@code DROP/CREATE DATABASE} and {@code \c} lines are left out so that it fills
     * {@code database} instead of one named {@code chinook}.
     *
     * @param database an existing database
     * @throws IllegalStateException when loading fails
     */
    public void loadChinook(String database) {
        try {
            Path script = Files.createTempFile("chinook-", ".sql");
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
     * Writes this module's copy of the Chinook script to a file.
     *
     * @param target file to write (replaced)
     * @param withDatabaseStatements true to keep the script as shipped (it drops, creates and connects to a database
     *     named {@code chinook}); false to leave those lines out so the script fills the current database
     * @return {@code target}
     * @throws UncheckedIOException when the file cannot be written
     */
    public static Path writeChinookScript(Path target, boolean withDatabaseStatements) {
        try (InputStream in = PostgresDatabases.class.getResourceAsStream(CHINOOK_RESOURCE)) {
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

    private void executeOnMaintenanceDb(String sql) {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static String checkName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + database);
        }
        return database;
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 2000 ? trimmed : "..." + trimmed.substring(trimmed.length() - 2000);
    }
}
