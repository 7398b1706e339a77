package io.bulwark.engines.mariadb;

import io.bulwark.contracts.SourceHealth.ForeignKeyOrphans;
import io.bulwark.contracts.SourceHealth.SequencePosition;
import io.bulwark.engines.IndexFindings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consistency queries of {@link MariaDbInspector}: orphan rows per foreign key, {@code CHECK TABLE} on every table,
 * and each AUTO_INCREMENT against its column's max (MariaDB KB, "CHECK TABLE", "AUTO_INCREMENT"). Every statement
 * runs under the inspector's statement timeout. Stateless.
 */
final class MariaDbConsistency {

    /** The columns of every foreign key of one database, in key order. */
    private static final String FOREIGN_KEYS = "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_SCHEMA,"
            + " k.REFERENCED_TABLE_NAME, k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME"
            + " FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r"
            + " ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
            + " AND r.TABLE_NAME = k.TABLE_NAME"
            + " WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL"
            + " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

    private final MariaDbInspector inspector;

    MariaDbConsistency(MariaDbInspector inspector) {
        this.inspector = inspector;
    }

    /** {@link io.bulwark.engines.InspectEngine#foreignKeyOrphans}. */
    List<ForeignKeyOrphans> foreignKeyOrphans(Connection connection, String database) throws SQLException {
        Map<String, String[]> parents = new LinkedHashMap<>();
        Map<String, List<String[]>> columns = new LinkedHashMap<>();
        try (PreparedStatement st = inspector.limit(connection.prepareStatement(FOREIGN_KEYS))) {
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String key = database + "." + rs.getString(1) + "." + rs.getString(2);
                    parents.putIfAbsent(key, new String[] {rs.getString(1), rs.getString(3), rs.getString(4)});
                    columns.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new String[] {rs.getString(5), rs.getString(6)});
                }
            }
        }
        List<ForeignKeyOrphans> orphans = new ArrayList<>();
        try (Statement st = inspector.limit(connection.createStatement())) {
            for (Map.Entry<String, String[]> key : parents.entrySet()) {
                String[] tables = key.getValue();
                List<String> notNull = new ArrayList<>();
                List<String> match = new ArrayList<>();
                for (String[] column : columns.get(key.getKey())) {
                    String child = MariaDbInspector.quoteIdentifier(column[0]);
                    notNull.add("c." + child + " IS NOT NULL");
                    match.add("p." + MariaDbInspector.quoteIdentifier(column[1]) + " = c." + child);
                }
                if (!tableExists(connection, tables[1], tables[2])) {
                    // the referenced table is missing (a dangling key of a partial restore): every non-null key is
                    // an orphan
                    String sql = "SELECT count(*) FROM " + MariaDbInspector.qualify(database, tables[0]) + " c WHERE "
                            + String.join(" AND ", notNull);
                    try (ResultSet rs = st.executeQuery(sql)) {
                        rs.next();
                        orphans.add(new ForeignKeyOrphans(key.getKey(), rs.getLong(1)));
                    }
                    continue;
                }
                String sql = "SELECT count(*) FROM " + MariaDbInspector.qualify(database, tables[0]) + " c WHERE "
                        + String.join(" AND ", notNull) + " AND NOT EXISTS (SELECT 1 FROM "
                        + MariaDbInspector.qualify(tables[1], tables[2]) + " p WHERE "
                        + String.join(" AND ", match) + ")";
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    orphans.add(new ForeignKeyOrphans(key.getKey(), rs.getLong(1)));
                }
            }
        }
        return orphans;
    }

    private boolean tableExists(Connection connection, String database, String table) throws SQLException {
        try (PreparedStatement st = inspector.limit(connection.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"))) {
            st.setString(1, database);
            st.setString(2, table);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * {@link io.bulwark.engines.InspectEngine#checkIndexes}: {@code CHECK TABLE} on every table the inventory lists,
     * base and system-versioned.
     */
    IndexFindings checkIndexes(Connection connection, String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement st =
                inspector.limit(connection.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') ORDER BY 1"))) {
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        List<String> failures = new ArrayList<>();
        try (Statement st = inspector.limit(connection.createStatement())) {
            for (String table : tables) {
                List<String> messages = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("CHECK TABLE " + MariaDbInspector.qualify(database, table))) {
                    while (rs.next()) {
                        String type = rs.getString("Msg_type");
                        String text = rs.getString("Msg_text");
                        boolean bad = "error".equalsIgnoreCase(type)
                                || ("status".equalsIgnoreCase(type) && !"OK".equalsIgnoreCase(text));
                        if (bad) {
                            messages.add(type + " " + text);
                        }
                    }
                }
                if (!messages.isEmpty()) {
                    failures.add(database + "." + table + ": " + String.join("; ", messages));
                }
            }
        }
        return new IndexFindings("CHECK TABLE", "tables", tables.size(), failures, null);
    }

    /** {@link io.bulwark.engines.InspectEngine#sequences}: each table's AUTO_INCREMENT and its column's max. */
    List<SequencePosition> sequences(Connection connection, String database) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement st =
                inspector.limit(connection.prepareStatement("SELECT c.TABLE_NAME, c.COLUMN_NAME, t.AUTO_INCREMENT"
                        + " FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
                        + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                        + " WHERE c.TABLE_SCHEMA = ? AND c.EXTRA LIKE '%auto_increment%' AND t.AUTO_INCREMENT IS NOT NULL"
                        + " ORDER BY 1"))) {
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        List<SequencePosition> states = new ArrayList<>();
        try (Statement st = inspector.limit(connection.createStatement())) {
            for (String[] c : columns) {
                Long max;
                try (ResultSet rs = st.executeQuery("SELECT max(" + MariaDbInspector.quoteIdentifier(c[1]) + ") FROM "
                        + MariaDbInspector.qualify(database, c[0]))) {
                    rs.next();
                    long value = rs.getLong(1);
                    max = rs.wasNull() ? null : value;
                }
                states.add(new SequencePosition(
                        database + "." + c[0], database + "." + c[0] + "." + c[1], Long.parseLong(c[2]), max));
            }
        }
        return states;
    }
}
