package io.bulwark.engines.postgres;

import java.util.List;
import java.util.Objects;

/**
 * What a partial restore of a custom-format archive restores, computed by {@link PgArchiveSelection}.
 *
 * <p>Object names are unquoted and qualified as {@link io.bulwark.contracts.SchemaInventory} qualifies them:
 * {@code schema.name} for tables and sequences, {@code schema.table.name} for indexes, constraints,
 * triggers and policies, so that they can be looked up in the manifest's inventory and in the inventory of
 * the restored database. Lists are sorted.
 *
 * @param useList the use-list to write to a file for {@code pg_restore -L file}: every entry of {@code
 *     pg_restore --list} in the archive's own order, those left out commented out with a leading {@code ;}
 *     (never reordered, so that an archive read from a pipe restores)
 * @param tables the tables restored, with their data: the selected ones, the partitions of a selected
 *     partitioned table, and the tables a restored table cannot be created without (an {@code INHERITS}
 *     parent, a table whose row type a column uses)
 * @param sequences the sequences restored: owned by a restored table (serial and identity columns), or used
 *     by a restored table's {@code DEFAULT nextval(...)}, with their current value
 * @param indexes the indexes restored, those of primary-key, unique and exclusion constraints included (as
 *     {@code pg_index} lists them)
 * @param constraints the table constraints restored: primary keys, unique, exclusion, check (also those a
 *     table inherits) and the foreign keys whose referenced table is restored too
 * @param triggers the triggers restored, those PostgreSQL clones onto the partitions of a restored
 *     partitioned table included
 * @param policies the row-level-security policies restored
 * @param foreignKeysLeftOut the foreign keys of restored tables left out because the table they reference
 *     is not restored: to report, the restored rows may reference rows that do not exist
 * @param leftOut other objects of the selection left out because something they need is not restored
 *     (a view over a table of another schema, a function whose body names such a table...), each as
 *     {@code KIND schema.name: needs KIND schema.name}
 */
public record PgRestorePlan(
        String useList,
        List<String> tables,
        List<String> sequences,
        List<String> indexes,
        List<String> constraints,
        List<String> triggers,
        List<String> policies,
        List<ForeignKeyLeftOut> foreignKeysLeftOut,
        List<String> leftOut) {

    public PgRestorePlan {
        Objects.requireNonNull(useList, "useList");
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
        indexes = List.copyOf(indexes);
        constraints = List.copyOf(constraints);
        triggers = List.copyOf(triggers);
        policies = List.copyOf(policies);
        foreignKeysLeftOut = List.copyOf(foreignKeysLeftOut);
        leftOut = List.copyOf(leftOut);
    }

    /**
     * A foreign key left out of the restore.
     *
     * @param constraint {@code schema.table.name} of the constraint
     * @param table {@code schema.table} of the restored table that holds it
     * @param referencedTable {@code schema.table} of the table it references, not restored
     */
    public record ForeignKeyLeftOut(String constraint, String table, String referencedTable) {}
}
