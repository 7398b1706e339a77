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
        List<String> extensions) {

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

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Sum of the exact row counts of all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(TableInfo::rows).sum();
    }

    /**
     * One table and its exact row count ({@code SELECT count(*)} in the dump's snapshot).
     *
     * @param schema the schema (PostgreSQL) or database (MySQL)
     * @param name the table name
     * @param rows exact number of rows
     */
    public record TableInfo(String schema, String name, long rows) {

        /** {@code schema.name}. */
        public String qualifiedName() {
            return schema + "." + name;
        }
    }
}
