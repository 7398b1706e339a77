package io.bulwark.engines.mariadb;

import io.bulwark.engines.DumpOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The table filter of one MariaDB dump, resolved from {@link DumpOptions} for one database, and what
 * {@code mariadb-dump} makes of it (checked against mariadb-dump 10.19 of MariaDB 10.11):
 *
 * <ul>
 *   <li>no filter: every table, view and sequence, with the triggers of the tables, and every
 *       routine and event (with {@code --routines --events});
 *   <li>excluded names ({@code --ignore-table=db.name}): those tables, views or sequences and their
 *       triggers are left out, everything else stays;
 *   <li>included names (table arguments after the database): only those tables, views or sequences
 *       and their triggers; the routines and events of the database are still dumped. {@code
 *       mariadb-dump} ignores {@code --ignore-table} for named tables, so an excluded name is taken out
 *       of the included ones here instead.
 * </ul>
 *
 * <p>A name is {@code table} or {@code database.table}; the {@code database.} prefix is dropped when it
 * names the target's database, otherwise the whole string is the table name (MariaDB allows dots in
 * quoted names).
 *
 * @param include the tables, views or sequences to dump, in order; empty means all
 * @param exclude the names to leave out when {@code include} is empty
 */
public record MariaDbTableFilter(List<String> include, Set<String> exclude) {

    public MariaDbTableFilter {
        include = List.copyOf(include);
        exclude = Set.copyOf(exclude);
    }

    /** No filter. */
    public static MariaDbTableFilter everything() {
        return new MariaDbTableFilter(List.of(), Set.of());
    }

    /**
     * Resolves {@code options} for {@code database}.
     *
     * @throws IllegalArgumentException when schema filters are set (a MariaDB target is one database)
     *     or when every included table is also excluded (an empty argument list would dump everything)
     */
    public static MariaDbTableFilter of(DumpOptions options, String database) {
        if (!options.includeSchemas().isEmpty() || !options.excludeSchemas().isEmpty()) {
            throw new IllegalArgumentException(
                    "schema filters do not apply to MariaDB/MySQL targets, which are one database each;"
                            + " filter tables instead");
        }
        Set<String> exclude = new LinkedHashSet<>();
        for (String name : options.excludeTables()) {
            exclude.add(tableName(name, database));
        }
        List<String> include = new ArrayList<>();
        for (String name : options.includeTables()) {
            String table = tableName(name, database);
            if (!exclude.contains(table) && !include.contains(table)) {
                include.add(table);
            }
        }
        if (!options.includeTables().isEmpty() && include.isEmpty()) {
            throw new IllegalArgumentException("every included table is also excluded: nothing to dump");
        }
        return new MariaDbTableFilter(include, include.isEmpty() ? exclude : Set.of());
    }

    /** True when a table, view or sequence of this name is dumped. */
    public boolean dumps(String name) {
        return include.isEmpty() ? !exclude.contains(name) : include.contains(name);
    }

    /** True when no filter is set. */
    public boolean isEverything() {
        return include.isEmpty() && exclude.isEmpty();
    }

    static String tableName(String name, String database) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a table filter names an empty table");
        }
        String prefix = database + ".";
        return name.startsWith(prefix) && name.length() > prefix.length() ? name.substring(prefix.length()) : name;
    }
}
