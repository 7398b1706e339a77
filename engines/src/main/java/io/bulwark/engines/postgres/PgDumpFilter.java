package io.bulwark.engines.postgres;

import io.bulwark.engines.DumpOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which objects {@code pg_dump} dumps under a target's include/exclude settings, as exact names, and
 * the {@code pg_dump} switches that select them. The rules follow the PostgreSQL documentation of
 * {@code pg_dump} ({@code -n}, {@code -N}, {@code -t}, {@code -T}) and {@code pg_dump.c}:
 *
 * <ul>
 *   <li>with include-tables, only those relations (tables, views, materialized views, sequences) and
 *       the objects that belong to them (indexes, constraints, triggers, policies, the sequences they
 *       own) are dumped; schema filters then have no effect, and no schema-level object (function,
 *       domain constraint) or extension is dumped;
 *   <li>otherwise an object is dumped when its schema is included (every schema when include-schemas
 *       is empty) and not excluded, and a relation also when it is not an excluded table;
 *   <li>extensions are dumped only when neither include-schemas nor include-tables is set;
 *   <li>a sequence owned by a table column is dumped when it is selected itself or its table is,
 *       except that an identity sequence goes only with its table.
 * </ul>
 *
 * Names are exact: {@code schema} and {@code schema.table} (split at the first dot); each is passed
 * to {@code pg_dump} double-quoted, so that pattern characters are taken literally (psql
 * documentation, "Patterns"). Immutable and thread-safe.
 */
public final class PgDumpFilter {

    /** Dumps everything. */
    public static final PgDumpFilter EVERYTHING = new PgDumpFilter(List.of(), List.of(), List.of(), List.of());

    private final Set<String> includeSchemas;
    private final Set<String> excludeSchemas;
    private final Set<String> includeTables;
    private final Set<String> excludeTables;

    private PgDumpFilter(
            List<String> includeSchemas,
            List<String> excludeSchemas,
            List<String> includeTables,
            List<String> excludeTables) {
        this.includeSchemas = Set.copyOf(includeSchemas);
        this.excludeSchemas = Set.copyOf(excludeSchemas);
        this.includeTables = Set.copyOf(includeTables);
        this.excludeTables = Set.copyOf(excludeTables);
    }

    /**
     * The filter of {@code options}.
     *
     * @throws IllegalArgumentException naming the entry when a table is not {@code schema.table} or a
     *     name is blank
     */
    public static PgDumpFilter of(DumpOptions options) {
        options.includeSchemas().forEach(s -> requireName("include-schemas", s));
        options.excludeSchemas().forEach(s -> requireName("exclude-schemas", s));
        options.includeTables().forEach(t -> requireTable("include-tables", t));
        options.excludeTables().forEach(t -> requireTable("exclude-tables", t));
        return new PgDumpFilter(
                options.includeSchemas(), options.excludeSchemas(), options.includeTables(), options.excludeTables());
    }

    private static void requireName(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(field + " holds a blank name");
        }
    }

    private static void requireTable(String field, String name) {
        requireName(field, name);
        int dot = name.indexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            throw new IllegalArgumentException(field + " entries must be schema.table but one was '" + name + "'");
        }
    }

    /** True when nothing is filtered. */
    public boolean isEverything() {
        return includeSchemas.isEmpty()
                && excludeSchemas.isEmpty()
                && includeTables.isEmpty()
                && excludeTables.isEmpty();
    }

    /** True when the relation {@code schema.name} (table, view, sequence) is dumped. */
    public boolean dumpsRelation(String schema, String name) {
        String qualified = schema + "." + name;
        if (!includeTables.isEmpty()) {
            return includeTables.contains(qualified) && !excludeTables.contains(qualified);
        }
        return dumpsSchemaObject(schema) && !excludeTables.contains(qualified);
    }

    /** True when an object that belongs to a schema but to no table (a function, a domain) is dumped. */
    public boolean dumpsSchemaObject(String schema) {
        if (!includeTables.isEmpty()) {
            return false;
        }
        return (includeSchemas.isEmpty() || includeSchemas.contains(schema)) && !excludeSchemas.contains(schema);
    }

    /**
     * True when the sequence {@code schema.name} owned by a table column is dumped.
     *
     * @param owner {@code a} (serial) or {@code i} (identity) followed by the owning table's {@code schema.table}
     */
    public boolean dumpsOwnedSequence(String schema, String name, String owner) {
        boolean identity = owner.charAt(0) == 'i';
        String table = owner.substring(1);
        int dot = table.indexOf('.');
        boolean tableDumped = dumpsRelation(table.substring(0, dot), table.substring(dot + 1));
        return identity ? tableDumped : tableDumped || dumpsRelation(schema, name);
    }

    /** True when extensions are dumped: no include-schemas and no include-tables. */
    public boolean dumpsExtensions() {
        return includeSchemas.isEmpty() && includeTables.isEmpty();
    }

    /** The {@code pg_dump} switches, e.g. {@code --schema="public"}, {@code --exclude-table="public"."log"}. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>();
        includeSchemas.stream().sorted().forEach(s -> args.add("--schema=" + quote(s)));
        excludeSchemas.stream().sorted().forEach(s -> args.add("--exclude-schema=" + quote(s)));
        includeTables.stream().sorted().forEach(t -> args.add("--table=" + quoteTable(t)));
        excludeTables.stream().sorted().forEach(t -> args.add("--exclude-table=" + quoteTable(t)));
        return args;
    }

    private static String quoteTable(String qualified) {
        int dot = qualified.indexOf('.');
        return quote(qualified.substring(0, dot)) + "." + quote(qualified.substring(dot + 1));
    }

    private static String quote(String name) {
        return PostgresInspector.quoteIdentifier(name);
    }
}
