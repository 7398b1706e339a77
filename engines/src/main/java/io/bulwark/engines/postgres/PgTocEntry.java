package io.bulwark.engines.postgres;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a custom-format archive's table of contents, as {@code pg_restore --list --verbose} lists it
 * and {@code pg_restore --schema-only --verbose} prints it.
 *
 * @param id the entry's dump id, the number a use-list ({@code pg_restore -L}) names it by
 * @param desc the entry's kind as {@code pg_dump} names it: {@code TABLE}, {@code TABLE DATA}, {@code FK
 *     CONSTRAINT}, {@code SEQUENCE OWNED BY}...
 * @param schema the schema, or null for an object outside any schema ({@code -} in the listing)
 * @param name the entry's tag as the definition header prints it ({@code -- Name: tag; Type: ...}): the
 *     object's name, {@code table name} for a constraint, trigger, policy or rule, {@code table column} for
 *     a default; null for an entry that prints no definition (table data, sequence values, large objects)
 * @param dependencies the dump ids the entry depends on, as listed (repeats kept; ids of objects that are
 *     not in the archive may appear)
 * @param sql the entry's definition as printed, or null when it prints none
 * @param listLine the entry's line of {@code pg_restore --list}, to copy into a use-list
 */
record PgTocEntry(
        int id, String desc, String schema, String name, List<Integer> dependencies, String sql, String listLine) {

    PgTocEntry {
        Objects.requireNonNull(desc, "desc");
        Objects.requireNonNull(listLine, "listLine");
        dependencies = List.copyOf(dependencies);
    }

    /** {@code schema.name} (unquoted, as {@link io.bulwark.contracts.SchemaInventory} names objects). */
    String qualifiedName() {
        return schema + "." + name;
    }

    boolean is(String kind) {
        return desc.equals(kind);
    }

    @Override
    public String toString() {
        return desc + " " + (schema == null ? "" : schema + ".") + name + " (" + id + ")";
    }
}
