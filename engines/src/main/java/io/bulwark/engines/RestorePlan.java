package io.bulwark.engines;

import java.util.List;

/**
 * What a partial restore brings back, as {@link RestoreEngine#plan} planned it.
 *
 * @param tables the qualified tables restored ({@code schema.table}; MySQL/MariaDB: as asked for, qualified by the
 *     restore's database later)
 * @param objects the schema objects restored with them, qualified as {@link io.bulwark.contracts.SchemaInventory}
 *     qualifies them ({@code schema.table.index}, {@code schema.sequence}); empty when the engine learns them only
 *     while restoring
 * @param leftOutForeignKeys foreign keys of restored tables that reference a table left out, each {@code constraint
 *     -> referenced table}; PostgreSQL leaves them out of the restore, MySQL/MariaDB restores them dangling
 * @param useList the PostgreSQL {@code pg_restore -L} list (the archive's own order, left-out entries commented out
 *     with {@code ;}), null for other engines
 */
public record RestorePlan(List<String> tables, List<String> objects, List<String> leftOutForeignKeys, String useList) {

    public RestorePlan {
        tables = tables == null ? List.of() : List.copyOf(tables);
        objects = objects == null ? List.of() : List.copyOf(objects);
        leftOutForeignKeys = leftOutForeignKeys == null ? List.of() : List.copyOf(leftOutForeignKeys);
    }
}
