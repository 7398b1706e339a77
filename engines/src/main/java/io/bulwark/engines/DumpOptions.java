package io.bulwark.engines;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to dump of a target and how long it may take.
 *
 * <p>Names are exact (no patterns): schemas as {@code name}, tables as {@code schema.table} on
 * PostgreSQL and as {@code table} (or {@code database.table}) on MySQL/MariaDB, where a target is one
 * database and schema filters do not apply. Empty lists mean no filter. The manifest's inventory
 * lists exactly what the filtered dump holds.
 *
 * @param includeSchemas only these schemas (PostgreSQL {@code --schema})
 * @param excludeSchemas not these schemas (PostgreSQL {@code --exclude-schema})
 * @param includeTables only these tables (PostgreSQL {@code --table}; MySQL table arguments)
 * @param excludeTables not these tables (PostgreSQL {@code --exclude-table}; MySQL {@code
 *     --ignore-table})
 * @param timeout how long the dump (inventory and tool) may run before the tool is killed with its
 *     children
 */
public record DumpOptions(
        List<String> includeSchemas,
        List<String> excludeSchemas,
        List<String> includeTables,
        List<String> excludeTables,
        Duration timeout) {

    public DumpOptions {
        includeSchemas = copy(includeSchemas);
        excludeSchemas = copy(excludeSchemas);
        includeTables = copy(includeTables);
        excludeTables = copy(excludeTables);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive but was " + timeout);
        }
    }

    /** Everything, within {@code timeout}. */
    public static DumpOptions everything(Duration timeout) {
        return new DumpOptions(null, null, null, null, timeout);
    }

    /** True when no filter is set. */
    public boolean isEverything() {
        return includeSchemas.isEmpty()
                && excludeSchemas.isEmpty()
                && includeTables.isEmpty()
                && excludeTables.isEmpty();
    }

    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
