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
 * @param leftOut other objects of the selection left out because something they need is not restored, each {@code
 *     KIND schema.name: needs KIND schema.name} (a view over a table of another schema); empty for other engines
 */
public record RestorePlan(
        List<String> tables,
        List<String> objects,
        List<String> leftOutForeignKeys,
        String useList,
        List<String> leftOut) {

    public RestorePlan {
        tables = tables == null ? List.of() : List.copyOf(tables);
        objects = objects == null ? List.of() : List.copyOf(objects);
        leftOutForeignKeys = leftOutForeignKeys == null ? List.of() : List.copyOf(leftOutForeignKeys);
        leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
    }

    /** A plan that leaves out nothing but foreign keys. */
    public RestorePlan(List<String> tables, List<String> objects, List<String> leftOutForeignKeys, String useList) {
        this(tables, objects, leftOutForeignKeys, useList, List.of());
    }

    /** The names (without their kind) of {@link #leftOut()}: {@code schema.name}. */
    public List<String> leftOutNames() {
        return leftOut.stream()
                .map(entry -> {
                    int colon = entry.indexOf(':');
                    String head = colon < 0 ? entry : entry.substring(0, colon);
                    int space = head.lastIndexOf(' ');
                    return space < 0 ? head : head.substring(space + 1);
                })
                .toList();
    }
}
