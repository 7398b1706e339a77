package io.bulwark.engines.postgres;

import io.bulwark.contracts.SourceHealth.ForeignKeyOrphans;
import io.bulwark.contracts.SourceHealth.SequencePosition;
import io.bulwark.engines.IndexFindings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The consistency queries of {@link PostgresInspector}: orphan rows per foreign key, {@code amcheck} over the btree
 * indexes, and each sequence's next value against its column's max. Every statement runs under the inspector's
 * statement timeout. Stateless.
 */
final class PostgresConsistency {

    /**
     * Ascending sequences and the columns they fill: sequence schema, name, table schema, table, column,
     * increment. A column is filled by a sequence that it owns ({@code serial}, {@code OWNED BY}: deptype
     * {@code a}; identity: {@code i}) or that its default takes values from ({@code DEFAULT
     * nextval('s'::regclass)} on a free-standing sequence, as hand-written schemas and old dumps have it:
     * the default's deptype {@code n} dependency on the sequence), for an integer column; one row per
     * pair, so a sequence that several columns share (inheritance children, say) is checked against each.
     */
    private static final String SEQUENCE_COLUMNS = "SELECT sn.nspname, s.relname, tn.nspname, t.relname, a.attname,"
            + " q.seqincrement FROM (SELECT d.objid AS seq, d.refobjid AS rel, d.refobjsubid AS att FROM pg_depend d"
            + " WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass"
            + " AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')"
            + " UNION SELECT d.refobjid, ad.adrelid, ad.adnum FROM pg_attrdef ad JOIN pg_depend d"
            + " ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid AND d.refclassid = 'pg_class'::regclass"
            + " AND d.deptype = 'n' JOIN pg_attribute da ON da.attrelid = ad.adrelid AND da.attnum = ad.adnum"
            + " JOIN pg_type ty ON ty.oid = da.atttypid"
            + " WHERE pg_get_expr(ad.adbin, ad.adrelid) LIKE 'nextval(%'"
            + " AND (CASE WHEN ty.typtype = 'd' THEN ty.typbasetype ELSE ty.oid END)"
            + " IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)) u"
            + " JOIN pg_class s ON s.oid = u.seq AND s.relkind = 'S'"
            + " JOIN pg_sequence q ON q.seqrelid = s.oid JOIN pg_namespace sn ON sn.oid = s.relnamespace"
            + " JOIN pg_class t ON t.oid = u.rel JOIN pg_namespace tn ON tn.oid = t.relnamespace"
            + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = u.att"
            + " WHERE q.seqincrement > 0 ORDER BY 1, 2, 3, 4, 5";

    private static final String AMCHECK = "amcheck bt_index_check";

    /** Valid btree indexes (no partitioned index, which has no storage) of the user schemas: oid, schema.table, name. */
    private static final String BTREE_INDEXES = "SELECT i.oid, n.nspname || '.' || t.relname, i.relname FROM pg_index x"
            + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
            + " JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam"
            + " WHERE am.amname = 'btree' AND i.relkind = 'i' AND x.indisvalid AND x.indisready"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
            + " ORDER BY 2, 3";

    /**
     * Foreign keys with their columns in key order; a partition's copy of its parent's constraint
     * ({@code conparentid <> 0}) is left out, the parent's covers it.
     */
    private static final String FOREIGN_KEYS = "SELECT n.nspname, t.relname, c.conname, pn.nspname, pt.relname,"
            + " array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord),"
            + " array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord)"
            + " FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid"
            + " JOIN pg_namespace n ON n.oid = t.relnamespace"
            + " JOIN pg_class pt ON pt.oid = c.confrelid JOIN pg_namespace pn ON pn.oid = pt.relnamespace"
            + " WHERE c.contype = 'f' AND c.conparentid = 0 ORDER BY 1, 2, 3";

    private final PostgresInspector inspector;

    PostgresConsistency(PostgresInspector inspector) {
        this.inspector = inspector;
    }

    /** {@link io.bulwark.engines.InspectEngine#foreignKeyOrphans}. */
    List<ForeignKeyOrphans> foreignKeyOrphans(Connection connection) throws SQLException {
        try (Statement st = inspector.limit(connection.createStatement())) {
            List<String> keys = new ArrayList<>();
            List<String> queries = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(FOREIGN_KEYS)) {
                while (rs.next()) {
                    String[] columns = (String[]) rs.getArray(6).getArray();
                    String[] referenced = (String[]) rs.getArray(7).getArray();
                    keys.add(rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3));
                    queries.add(orphanQuery(
                            PostgresInspector.qualify(rs.getString(1), rs.getString(2)),
                            PostgresInspector.qualify(rs.getString(4), rs.getString(5)),
                            columns,
                            referenced));
                }
            }
            List<ForeignKeyOrphans> orphans = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                try (ResultSet rs = st.executeQuery(queries.get(i))) {
                    rs.next();
                    orphans.add(new ForeignKeyOrphans(keys.get(i), rs.getLong(1)));
                }
            }
            return orphans;
        }
    }

    /** {@code SELECT count(*)} of the rows of {@code child} whose non-null key matches no {@code parent} row. */
    private static String orphanQuery(String child, String parent, String[] columns, String[] referenced) {
        List<String> notNull = new ArrayList<>();
        List<String> match = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            String column = PostgresInspector.quoteIdentifier(columns[i]);
            notNull.add("c." + column + " IS NOT NULL");
            match.add("p." + PostgresInspector.quoteIdentifier(referenced[i]) + " = c." + column);
        }
        return "SELECT count(*) FROM " + child + " c WHERE " + String.join(" AND ", notNull)
                + " AND NOT EXISTS (SELECT 1 FROM " + parent + " p WHERE " + String.join(" AND ", match) + ")";
    }

    /**
     * {@link io.bulwark.engines.InspectEngine#checkIndexes}: creates the {@code amcheck} extension when missing (so
     * only on a database the caller may change: a restored copy), then {@code bt_index_check} on each index.
     */
    IndexFindings checkIndexes(Connection connection) throws SQLException {
        try (Statement st = inspector.limit(connection.createStatement())) {
            try {
                st.execute("CREATE EXTENSION IF NOT EXISTS amcheck");
            } catch (SQLException e) {
                if (!e.getSQLState().startsWith("58") && !e.getSQLState().startsWith("0A")) {
                    throw e;
                }
                return IndexFindings.notRun(
                        AMCHECK,
                        "the amcheck extension is not available to this server (PostgreSQL contrib): "
                                + e.getMessage());
            }
            List<String[]> indexes = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(BTREE_INDEXES)) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2) + "." + rs.getString(3)});
                }
            }
            List<String> failures = new ArrayList<>();
            for (String[] index : indexes) {
                try (ResultSet rs = st.executeQuery("SELECT bt_index_check(" + index[0] + "::regclass)")) {
                    rs.next();
                } catch (SQLException e) {
                    if (e.getSQLState() == null || !e.getSQLState().startsWith("XX")) {
                        throw e;
                    }
                    failures.add(index[1] + ": " + e.getMessage());
                }
            }
            return new IndexFindings(AMCHECK, "btree indexes", indexes.size(), failures, null);
        }
    }

    /** {@link io.bulwark.engines.InspectEngine#sequences}. */
    List<SequencePosition> sequences(Connection connection) throws SQLException {
        try (Statement st = inspector.limit(connection.createStatement())) {
            List<String[]> owned = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(SEQUENCE_COLUMNS)) {
                while (rs.next()) {
                    owned.add(new String[] {
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)
                    });
                }
            }
            List<SequencePosition> states = new ArrayList<>();
            for (String[] o : owned) {
                long lastValue;
                boolean called;
                try (ResultSet rs =
                        st.executeQuery("SELECT last_value, is_called FROM " + PostgresInspector.qualify(o[0], o[1]))) {
                    rs.next();
                    lastValue = rs.getLong(1);
                    called = rs.getBoolean(2);
                }
                Long max;
                try (ResultSet rs = st.executeQuery("SELECT max(" + PostgresInspector.quoteIdentifier(o[4])
                        + ")::bigint FROM " + PostgresInspector.qualify(o[2], o[3]))) {
                    rs.next();
                    long value = rs.getLong(1);
                    max = rs.wasNull() ? null : value;
                }
                long next = called ? lastValue + Long.parseLong(o[5]) : lastValue;
                states.add(new SequencePosition(o[0] + "." + o[1], o[2] + "." + o[3] + "." + o[4], next, max));
            }
            return states;
        }
    }
}
