package io.bulwark.engines.mariadb;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.SourceHealth.ForeignKeyOrphans;
import io.bulwark.contracts.SourceHealth.SequencePosition;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpOptions;
import io.bulwark.engines.IndexFindings;
import io.bulwark.engines.InspectEngine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the {@link SchemaInventory} of one MariaDB/MySQL database from {@code information_schema}
 * (MariaDB KB, "Information Schema Tables"): its tables ({@code TABLE_TYPE} {@code BASE TABLE} or
 * {@code SYSTEM VERSIONED}) with exact row counts ({@code SELECT COUNT(*)}), views, sequences
 * ({@code TABLE_TYPE='SEQUENCE'}, MariaDB 10.3+), functions and procedures ({@code ROUTINES}), indexes
 * ({@code STATISTICS}, one entry per index name, the primary key as {@code PRIMARY}), constraints
 * ({@code TABLE_CONSTRAINTS}: PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK), triggers and events.
 * Materialized views, policies and extensions do not exist there and stay empty.
 *
 * <p>The database plays the part of the schema: tables, views and sequences are {@code db.name};
 * functions and procedures {@code db.name()} (MariaDB has no overloading, so the name alone identifies
 * a routine of its kind); indexes, constraints and triggers {@code db.table.name}; events {@code
 * db.event}. Lists are sorted. A filter keeps what {@code mariadb-dump} dumps under it (see {@link
 * MariaDbTableFilter}). What the inventory shows depends on the account's privileges as for the dump:
 * TRIGGER to see triggers, EVENT to see events, SELECT on {@code mysql.proc} (or ownership) to see
 * routines. Stateless and thread-safe.
 */
public final class MariaDbInspector implements InspectEngine {

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

    private final Duration statementTimeout;
    private final MariaDbConsistency consistency = new MariaDbConsistency(this);

    /** An inspector whose statements have no time limit. */
    public MariaDbInspector() {
        this(Duration.ZERO);
    }

    /**
     * An inspector whose every statement may run at most {@code statementTimeout} (JDBC query timeout,
     * whole seconds); {@link Duration#ZERO} for no limit.
     */
    public MariaDbInspector(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    @Override
    public String engine() {
        return "mariadb";
    }

    /** Opens a JDBC connection over TCP with {@link MariaDbClient#CONNECT_TIMEOUT}. */
    @Override
    public Connection connect(ConnectionSpec database) throws SQLException {
        return MariaDbClient.connect(database);
    }

    /** {@link #fullVersion}: the server's {@code VERSION()}, e.g. {@code 10.11.19-MariaDB-0+deb12u1}. */
    @Override
    public String serverVersion(Connection connection) throws SQLException {
        return fullVersion(connection);
    }

    @Override
    public List<ForeignKeyOrphans> foreignKeyOrphans(Connection connection, String database) throws SQLException {
        return consistency.foreignKeyOrphans(connection, database);
    }

    @Override
    public IndexFindings checkIndexes(Connection connection, String database) throws SQLException {
        return consistency.checkIndexes(connection, database);
    }

    @Override
    public List<SequencePosition> sequences(Connection connection, String database) throws SQLException {
        return consistency.sequences(connection, database);
    }

    @Override
    public QueryAnswer query(Connection connection, String sql) {
        try (Statement st = statement(connection);
                ResultSet rs = st.executeQuery(sql)) {
            return new QueryAnswer(rs.next() ? rs.getString(1) : null, null);
        } catch (SQLException e) {
            return new QueryAnswer(null, e.getMessage());
        }
    }

    /**
     * The inventory of {@code database} with exact row counts of every table.
     *
     * @throws SQLException as the driver reports it
     */
    @Override
    public SchemaInventory inventory(Connection connection, String database) throws SQLException {
        return inventory(connection, database, MariaDbTableFilter.everything(), true);
    }

    /**
     * The inventory of what {@code mariadb-dump} dumps of {@code database} under {@code filter}'s table
     * filters, with exact row counts.
     *
     * @throws IllegalArgumentException when the filter sets schemas (see {@link MariaDbTableFilter#of})
     * @throws SQLException as the driver reports it
     */
    public SchemaInventory inventory(Connection connection, String database, DumpOptions filter) throws SQLException {
        return inventory(connection, database, MariaDbTableFilter.of(filter, database), true);
    }

    /**
     * The inventory under {@code filter}; with {@code countRows} false every table has 0 rows (the dump
     * counts its rows in the stream instead).
     *
     * @throws SQLException as the driver reports it
     */
    public SchemaInventory inventory(
            Connection connection, String database, MariaDbTableFilter filter, boolean countRows) throws SQLException {
        List<TableInfo> tables = new ArrayList<>();
        List<String> views = new ArrayList<>();
        List<String> sequences = new ArrayList<>();
        List<String> tableNames = new ArrayList<>();
        for (String[] row : rows(
                connection,
                "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
                database)) {
            String name = row[0];
            if (!filter.dumps(name)) {
                continue;
            }
            switch (row[1]) {
                case "BASE TABLE", "SYSTEM VERSIONED" -> {
                    tableNames.add(name);
                    tables.add(new TableInfo(database, name, countRows ? countRows(connection, database, name) : 0));
                }
                case "VIEW" -> views.add(database + "." + name);
                case "SEQUENCE" -> sequences.add(database + "." + name);
                default -> {
                    // SYSTEM VIEW, TEMPORARY: not part of a database's dump
                }
            }
        }
        tables.sort(Comparator.comparing(TableInfo::name));
        Predicate<String> dumpedTable = tableNames::contains;
        return new SchemaInventory(
                tables,
                sorted(views),
                List.of(),
                sorted(sequences),
                names(
                        connection,
                        "SELECT ROUTINE_NAME, '' FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?"
                                + " AND ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE')",
                        database,
                        "()"),
                perTable(
                        connection,
                        "SELECT DISTINCT TABLE_NAME, INDEX_NAME FROM information_schema.STATISTICS"
                                + " WHERE TABLE_SCHEMA = ?",
                        database,
                        dumpedTable),
                perTable(
                        connection,
                        "SELECT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS"
                                + " WHERE TABLE_SCHEMA = ?",
                        database,
                        dumpedTable),
                perTable(
                        connection,
                        "SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME FROM information_schema.TRIGGERS"
                                + " WHERE TRIGGER_SCHEMA = ?",
                        database,
                        dumpedTable),
                List.of(),
                names(
                        connection,
                        "SELECT EVENT_NAME, '' FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?",
                        database,
                        ""),
                List.of());
    }

    /**
     * The exact number of rows of one table: {@code SELECT COUNT(*) FROM `db`.`table`}.
     *
     * @throws SQLException when the table does not exist or cannot be read
     */
    public long countRows(Connection connection, String database, String table) throws SQLException {
        try (Statement st = statement(connection);
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + qualify(database, table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code SELECT VERSION()}, e.g. {@code 10.11.19-MariaDB-0+deb12u1}. */
    public String fullVersion(Connection connection) throws SQLException {
        try (Statement st = statement(connection);
                ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * The server version without a distribution suffix: {@code 10.11.19-MariaDB} for {@code
     * 10.11.19-MariaDB-0+deb12u1}, {@code 8.0.36} for MySQL's {@code 8.0.36-log}.
     */
    public static String shortVersion(String version) {
        int mariadb = version.indexOf("-MariaDB");
        if (mariadb > 0) {
            return version.substring(0, mariadb + "-MariaDB".length());
        }
        Matcher m = VERSION.matcher(version);
        return m.find() ? m.group() : version;
    }

    /**
     * The version as a number, as {@code mysql_get_server_version()} computes it: {@code major * 10000
     * + minor * 100 + patch}, e.g. 101119 for 10.11.19; 0 when it cannot be read.
     */
    public static int versionNumber(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            return 0;
        }
        return Integer.parseInt(m.group(1)) * 10000 + Integer.parseInt(m.group(2)) * 100 + Integer.parseInt(m.group(3));
    }

    /** {@code `db`.`name`}, embedded backticks doubled (MariaDB KB, "Identifier Names"). */
    public static String qualify(String database, String name) {
        return quoteIdentifier(database) + "." + quoteIdentifier(name);
    }

    /** {@code identifier} in backticks, embedded backticks doubled. */
    public static String quoteIdentifier(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private List<String> perTable(Connection connection, String sql, String database, Predicate<String> dumpedTable)
            throws SQLException {
        List<String> out = new ArrayList<>();
        for (String[] row : rows(connection, sql, database)) {
            if (dumpedTable.test(row[0])) {
                out.add(database + "." + row[0] + "." + row[1]);
            }
        }
        return sorted(out);
    }

    private List<String> names(Connection connection, String sql, String database, String suffix) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String[] row : rows(connection, sql, database)) {
            out.add(database + "." + row[0] + suffix);
        }
        return sorted(out);
    }

    private List<String[]> rows(Connection connection, String sql, String database) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            if (!statementTimeout.isZero()) {
                st.setQueryTimeout(seconds());
            }
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }

    private static List<String> sorted(List<String> list) {
        list.sort(null);
        return list;
    }

    /**
     * Gives {@code statement} this inspector's statement time limit (JDBC query timeout, whole seconds, at least 1;
     * none when the limit is zero), for the caller's own queries of a database under inspection.
     *
     * @return {@code statement}
     * @throws SQLException when the driver refuses the timeout
     */
    public <T extends Statement> T limit(T statement) throws SQLException {
        if (!statementTimeout.isZero()) {
            statement.setQueryTimeout(seconds());
        }
        return statement;
    }

    private Statement statement(Connection connection) throws SQLException {
        Statement st = connection.createStatement();
        if (!statementTimeout.isZero()) {
            st.setQueryTimeout(seconds());
        }
        return st;
    }

    private int seconds() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, statementTimeout.toSeconds()));
    }
}
