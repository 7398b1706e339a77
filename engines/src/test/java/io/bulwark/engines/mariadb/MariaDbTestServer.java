package io.bulwark.engines.mariadb;

import io.bulwark.engines.ConnectionSpec;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The machine's MariaDB (127.0.0.1:3306, {@code root} without password over TCP) for integration
 * tests: uniquely named databases and accounts, and SQL run through JDBC with multi-statements on.
 */
final class MariaDbTestServer {

    static final ConnectionSpec ADMIN = new ConnectionSpec("127.0.0.1", 3306, "mysql", "root", null);

    private static final SecureRandom RANDOM = new SecureRandom();

    private MariaDbTestServer() {}

    /** Root on {@code database}. */
    static ConnectionSpec admin(String database) {
        return new ConnectionSpec(ADMIN.host(), ADMIN.port(), database, ADMIN.username(), null);
    }

    /** {@code prefix_<12 hex>}. */
    static String uniqueName(String prefix) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return prefix + "_" + HexFormat.of().formatHex(bytes);
    }

    /** A random password with characters that need care in option files: quotes, backslash, hash, space. */
    static String trickyPassword() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "p\"w\\o#r d'" + HexFormat.of().formatHex(bytes);
    }

    static String createDatabase(String prefix) throws SQLException {
        String name = uniqueName(prefix);
        execute(ADMIN, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        return name;
    }

    static void dropDatabase(String name) throws SQLException {
        execute(ADMIN, "DROP DATABASE IF EXISTS `" + name + "`");
    }

    /** Creates {@code 'user'@'%'} with {@code password} and runs each grant ({@code GRANT x ON y}) for it. */
    static void createUser(String user, String password, String... grants) throws SQLException {
        try (Connection c = connect(ADMIN);
                var ps = c.prepareStatement("CREATE USER ?@'%' IDENTIFIED BY ?")) {
            ps.setString(1, user);
            ps.setString(2, password);
            ps.execute();
            try (Statement st = c.createStatement()) {
                for (String grant : grants) {
                    st.execute(grant + " TO '" + user + "'@'%'");
                }
            }
        }
    }

    static void dropUser(String user) throws SQLException {
        execute(ADMIN, "DROP USER IF EXISTS '" + user + "'@'%'");
    }

    /** Runs {@code sql} (several statements, compound statements included) in {@code spec}'s database. */
    static void execute(ConnectionSpec spec, String sql) throws SQLException {
        try (Connection c = connect(spec);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** A JDBC connection with {@code allowMultiQueries=true}. */
    static Connection connect(ConnectionSpec spec) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", spec.username());
        if (spec.password() != null) {
            props.setProperty("password", spec.password());
        }
        props.setProperty("allowMultiQueries", "true");
        return DriverManager.getConnection(
                "jdbc:mariadb://" + spec.host() + ":" + spec.port() + "/" + spec.database(), props);
    }

    /** {@code COUNT(*)} of every base table of {@code spec}'s database. */
    static Map<String, Long> countRows(ConnectionSpec spec) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect(spec)) {
            for (var table :
                    new MariaDbInspector().inventory(c, spec.database()).tables()) {
                counts.put(table.name(), table.rows());
            }
        }
        return counts;
    }

    /** The first column of the first row of {@code sql}. */
    static String single(ConnectionSpec spec, String sql) throws SQLException {
        try (Connection c = connect(spec);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** SQL creating {@code tables} (name to rows) as {@code (id int primary key, note text)}. */
    static String sampleTables(Map<String, Integer> tables) {
        StringBuilder sql = new StringBuilder();
        tables.forEach((name, rows) -> {
            sql.append("CREATE TABLE `").append(name).append("` (id INT PRIMARY KEY, note TEXT);\n");
            if (rows > 0) {
                sql.append("INSERT INTO `")
                        .append(name)
                        .append("` SELECT seq, CONCAT('row ', seq, ' ', REPEAT('x', 90)) FROM seq_1_to_")
                        .append(rows)
                        .append(";\n");
            }
        });
        return sql.toString();
    }
}
