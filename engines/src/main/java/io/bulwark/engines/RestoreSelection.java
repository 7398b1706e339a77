package io.bulwark.engines;

import java.util.List;

/**
 * Which part of an archive to restore: some schemas (PostgreSQL) and/or some tables, or everything.
 *
 * @param schemas schema names; every object of each is restored. Empty for none chosen by schema
 * @param tables table names: {@code schema.table} on PostgreSQL (an unqualified name means {@code public.name}),
 *     {@code table} on MySQL/MariaDB. Empty for none chosen by name
 */
public record RestoreSelection(List<String> schemas, List<String> tables) {

    /** Everything in the archive. */
    public static final RestoreSelection EVERYTHING = new RestoreSelection(List.of(), List.of());

    public RestoreSelection {
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** True when nothing is chosen: the whole archive is restored. */
    public boolean isEverything() {
        return schemas.isEmpty() && tables.isEmpty();
    }
}
