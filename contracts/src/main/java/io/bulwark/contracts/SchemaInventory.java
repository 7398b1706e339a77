package io.bulwark.contracts;

import java.util.List;

/**
 * The objects of a database, by name, taken from one snapshot: what a restore must bring back.
 *
 * <p>Names are qualified {@code schema.name}; indexes, constraints, triggers and policies are
 * qualified by their table ({@code schema.table.name}). Lists are sorted; an engine that has no such
 * object kind leaves the list empty.
 *
 * @param tables every table whose data the dump holds, with its exact row count
 * @param largeObjects the number of PostgreSQL large objects ({@code pg_largeobject_metadata}), which a whole-database
 *     dump holds; null when not counted (MySQL/MariaDB, which has none; a table-filtered dump, which leaves them out;
 *     and manifests written before this field existed)
 */
public record SchemaInventory(
        List<TableInfo> tables,
        List<String> views,
        List<String> materializedViews,
        List<String> sequences,
        List<String> functions,
        List<String> indexes,
        List<String> constraints,
        List<String> triggers,
        List<String> policies,
        List<String> events,
        List<String> extensions,
        Long largeObjects) {

    public SchemaInventory {
        tables = copy(tables);
        views = copy(views);
        materializedViews = copy(materializedViews);
        sequences = copy(sequences);
        functions = copy(functions);
        indexes = copy(indexes);
        constraints = copy(constraints);
        triggers = copy(triggers);
        policies = copy(policies);
        events = copy(events);
        extensions = copy(extensions);
    }

    /** An inventory without a large-object count. */
    public SchemaInventory(
            List<TableInfo> tables,
            List<String> views,
            List<String> materializedViews,
            List<String> sequences,
            List<String> functions,
            List<String> indexes,
            List<String> constraints,
            List<String> triggers,
            List<String> policies,
            List<String> events,
            List<String> extensions) {
        this(
                tables,
                views,
                materializedViews,
                sequences,
                functions,
                indexes,
                constraints,
                triggers,
                policies,
                events,
                extensions,
                null);
    }

    /** This inventory with {@code count} large objects. */
    public SchemaInventory withLargeObjects(Long count) {
        return new SchemaInventory(
                tables,
                views,
                materializedViews,
                sequences,
                functions,
                indexes,
                constraints,
                triggers,
                policies,
                events,
                extensions,
                count);
    }

    /** An inventory that names only tables, every other object kind empty. */
    public static SchemaInventory ofTables(List<TableInfo> tables) {
        return new SchemaInventory(tables, null, null, null, null, null, null, null, null, null, null);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * Sum of the rows the tables store themselves, each row counted once: a partitioned table's rows are its
     * partitions' rows, and an inheritance parent's {@link TableInfo#ownRows() own rows} are added, not those of
     * its children, which are listed as tables of their own.
     */
    public long totalRows() {
        return tables.stream()
                .filter(t -> !t.partitioned())
                .mapToLong(TableInfo::storedRows)
                .sum();
    }

    /**
     * One table and its exact row count ({@code SELECT count(*)} in the dump's snapshot).
     *
     * @param schema the schema (PostgreSQL) or database (MySQL)
     * @param name the table name
     * @param rows exact number of rows, as {@code SELECT count(*)} counts them: for a partitioned table the sum of
     *     its partitions' rows, for a table with inheritance children (PostgreSQL {@code INHERITS}) its own rows
     *     and theirs
     * @param partitioned true for a partitioned table (PostgreSQL relkind {@code p}), which stores no
     *     rows itself: its partitions are listed as tables of their own
     * @param ownRows for a table with inheritance children, the rows it stores itself ({@code SELECT count(*) FROM
     *     ONLY}); null for every other table (and in manifests written before this field existed)
     */
    public record TableInfo(String schema, String name, long rows, boolean partitioned, Long ownRows) {

        /** A table that stores its own rows. */
        public TableInfo(String schema, String name, long rows) {
            this(schema, name, rows, false, null);
        }

        /** A table that stores its own rows, or a partitioned table. */
        public TableInfo(String schema, String name, long rows, boolean partitioned) {
            this(schema, name, rows, partitioned, null);
        }

        /** {@code schema.name}. */
        public String qualifiedName() {
            return schema + "." + name;
        }

        /** The rows the table stores itself: {@link #ownRows()} when known, else {@link #rows()}. */
        public long storedRows() {
            return ownRows == null ? rows : ownRows;
        }
    }
}
