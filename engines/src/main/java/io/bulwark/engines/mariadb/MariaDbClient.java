package io.bulwark.engines.mariadb;

import io.bulwark.engines.ConnectionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * How Bulwark reaches a MariaDB/MySQL server: over JDBC (MariaDB Connector/J) and with the command-line
 * tools ({@code mariadb-dump}, {@code mariadb}), the password always through a private option file,
 * never an argument list (MariaDB KB, "Configuring MariaDB with Option Files"; MySQL manual 6.1.2.1,
 * "End-User Guidelines for Password Security", which calls {@code -p<password>} insecure and {@code
 * MYSQL_PWD} deprecated). Stateless helpers, thread-safe.
 */
public final class MariaDbClient {

    /** How long opening a connection may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private MariaDbClient() {}

    /**
     * {@code jdbc:mariadb://host:port/?allowLocalInfile=false} without database and credentials (they go in
     * properties). {@code allowLocalInfile=false}: a server, or a statement it was handed, can never make the driver
     * send one of this machine's files ({@code LOAD DATA LOCAL INFILE}; MariaDB Connector/J, "About MariaDB
     * Connector/J", {@code allowLocalInfile}).
     */
    public static String jdbcUrl(ConnectionSpec spec) {
        String host = spec.host().contains(":") && !spec.host().startsWith("[") ? "[" + spec.host() + "]" : spec.host();
        return "jdbc:mariadb://" + host + ":" + spec.port() + "/?allowLocalInfile=false";
    }

    /**
     * Opens a JDBC connection to {@code spec}'s database (selected with {@code USE}, so any name works);
     * the caller closes it.
     *
     * @throws SQLException with the server's error code: 1045 wrong password, 1049 unknown database,
     *     1044 no access to the database (see {@link MariaDbFailureClassifier#fromSqlException})
     */
    public static Connection connect(ConnectionSpec spec) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", spec.username());
        if (spec.password() != null) {
            props.setProperty("password", spec.password());
        }
        props.setProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
        props.setProperty("allowLocalInfile", "false");
        Connection connection = DriverManager.getConnection(jdbcUrl(spec), props);
        try {
            connection.setCatalog(spec.database());
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The connection options for a tool, after {@code --defaults-extra-file}: {@code --host}, {@code
     * --port}, {@code --user} and {@code --protocol=TCP}. TCP always: the JDBC connection that takes the
     * inventory reaches the server over TCP, so the tool must authenticate the same way ({@code
     * localhost} would otherwise mean the Unix socket, where another account may match).
     */
    public static List<String> connectionOptions(ConnectionSpec spec) {
        List<String> options = new ArrayList<>();
        options.add("--host=" + spec.host());
        options.add("--port=" + spec.port());
        options.add("--user=" + spec.username());
        options.add("--protocol=TCP");
        return options;
    }

    /**
     * A private option file holding the password, for {@code --defaults-extra-file=} (which must be a
     * tool's first option). It lives in a fresh directory (mode 0700) and is itself mode 0600; {@link
     * #close()} deletes both. With no password the file holds an empty {@code [client]} group, so the
     * tool never prompts.
     */
    public static final class OptionFile implements AutoCloseable {
        private final Path dir;
        private final Path file;

        private OptionFile(Path dir, Path file) {
            this.dir = dir;
            this.file = file;
        }

        /**
         * Writes the option file for {@code password} (may be null).
         *
         * @throws UncheckedIOException when the temporary directory cannot be written
         */
        public static OptionFile create(String password) {
            try {
                Path dir = Files.createTempDirectory(
                        "bulwark-mariadb-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Path file = Files.createFile(
                        dir.resolve("client.cnf"),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                StringBuilder text = new StringBuilder("[client]\n");
                if (password != null) {
                    text.append("password=\"").append(escape(password)).append("\"\n");
                }
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return new OptionFile(dir, file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a private MariaDB option file: " + e.getMessage(), e);
            }
        }

        /**
         * {@code value} escaped for a double-quoted option value: backslash, double quote and the control
         * characters the option-file reader knows ({@code \b \t \n \r}); MariaDB KB, "Configuring MariaDB
         * with Option Files", "Option File Syntax".
         */
        static String escape(String value) {
            StringBuilder out = new StringBuilder(value.length() + 8);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '"' -> out.append("\\\"");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }

        /** The file. */
        public Path path() {
            return file;
        }

        /** {@code --defaults-extra-file=<path>}: the first option of a tool's argument list. */
        public String option() {
            return "--defaults-extra-file=" + file;
        }

        /** Deletes the file and its directory; idempotent, never throws. */
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a temp directory of mode 0700; nothing else can read it
            }
        }
    }
}
