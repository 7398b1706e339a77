package io.bulwark.engines.mariadb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The privileges of the connected account, read from {@code SHOW GRANTS} (which, unlike {@code
 * information_schema.SCHEMA_PRIVILEGES}, also lists the grants of the active role; MariaDB KB, "SHOW
 * GRANTS", "Roles"). Used to refuse a dump that {@code mariadb-dump} would take silently incomplete:
 * without TRIGGER it leaves out the triggers, without access to routine bodies it leaves out the
 * routines, both with exit code 0.
 *
 * <p>Database-level grants match with the {@code _} and {@code %} wildcards ({@code \_} is a literal
 * underscore), table-level grants exactly (MySQL manual 15.7.1.6, "GRANT Statement", "Database
 * Privileges"). Routine-level grants ({@code ON PROCEDURE ...}) and role grants are read but grant
 * nothing here. Immutable, thread-safe.
 */
public final class MariaDbGrants {

    /**
     * One {@code GRANT ... ON ... TO ...} line.
     *
     * @param privileges upper-case privilege names without column lists (column privileges are left
     *     out: they do not cover a whole table)
     * @param all true for {@code ALL [PRIVILEGES]}
     * @param database the database or its pattern, or null for {@code *}
     * @param table the table, or null for {@code *}
     */
    public record Grant(Set<String> privileges, boolean all, String database, String table) {

        public Grant {
            privileges = Set.copyOf(privileges);
        }

        /** True when this grant gives {@code privilege} on {@code database}.{@code table} (table may be null). */
        public boolean gives(String privilege, String db, String tableName) {
            if (!all && !privileges.contains(privilege)) {
                return false;
            }
            if (database == null) {
                return true;
            }
            if (table == null) {
                return likeMatches(database, db);
            }
            return database.equals(db) && tableName != null && table.equals(tableName);
        }
    }

    private final List<Grant> grants;

    private MariaDbGrants(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    /**
     * Runs {@code SHOW GRANTS} on {@code connection} (allowed for one's own account) and parses it.
     *
     * @throws SQLException as the driver reports it
     */
    public static MariaDbGrants of(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return parse(lines);
    }

    /** Parses the lines of {@code SHOW GRANTS}; lines it does not understand grant nothing. */
    public static MariaDbGrants parse(List<String> showGrantsLines) {
        List<Grant> parsed = new ArrayList<>();
        for (String line : showGrantsLines) {
            Grant grant = parseLine(line);
            if (grant != null) {
                parsed.add(grant);
            }
        }
        return new MariaDbGrants(parsed);
    }

    /** The grants understood. */
    public List<Grant> grants() {
        return grants;
    }

    /** True when some grant gives {@code privilege} on all of {@code database} (global or database level). */
    public boolean onDatabase(String privilege, String database) {
        return grants.stream().anyMatch(g -> g.table() == null && g.gives(privilege, database, null));
    }

    /** True when some grant gives {@code privilege} on {@code database}.{@code table}, at any level. */
    public boolean onTable(String privilege, String database, String table) {
        return grants.stream().anyMatch(g -> g.gives(privilege, database, table));
    }

    /** True when some grant gives {@code privilege} on {@code *.*}. */
    public boolean global(String privilege) {
        return grants.stream().anyMatch(g -> g.database() == null && g.gives(privilege, null, null));
    }

    static Grant parseLine(String line) {
        if (line == null || !line.regionMatches(true, 0, "GRANT ", 0, 6)) {
            return null;
        }
        int on = indexOutsideQuotes(line, " ON ", 6);
        if (on < 0) {
            return null; // a role granted to the account
        }
        int to = indexOutsideQuotes(line, " TO ", on + 4);
        if (to < 0) {
            return null;
        }
        String target = line.substring(on + 4, to).strip();
        String upperTarget = target.toUpperCase(Locale.ROOT);
        if (upperTarget.startsWith("PROCEDURE ")
                || upperTarget.startsWith("FUNCTION ")
                || upperTarget.startsWith("PACKAGE ")) {
            return null;
        }
        String[] parts = splitTarget(target);
        if (parts == null) {
            return null;
        }
        Set<String> privileges = new LinkedHashSet<>();
        boolean all = false;
        for (String privilege : splitPrivileges(line.substring(6, on))) {
            String p = privilege.strip().toUpperCase(Locale.ROOT);
            if (p.contains("(")) {
                continue; // column privilege
            }
            if (p.equals("ALL") || p.equals("ALL PRIVILEGES")) {
                all = true;
            } else if (!p.isEmpty()) {
                privileges.add(p.replaceAll("\\s+", " "));
            }
        }
        return new Grant(privileges, all, parts[0], parts[1]);
    }

    /** {@code *.*}, {@code `db`.*}, {@code `db`.`t`} or unquoted forms: [database or null, table or null]. */
    private static String[] splitTarget(String target) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < target.length()) {
            char c = target.charAt(i);
            StringBuilder name = new StringBuilder();
            if (c == '`') {
                i++;
                while (i < target.length()) {
                    char d = target.charAt(i);
                    if (d == '`') {
                        if (i + 1 < target.length() && target.charAt(i + 1) == '`') {
                            name.append('`');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    name.append(d);
                    i++;
                }
                names.add(name.toString());
            } else {
                while (i < target.length() && target.charAt(i) != '.') {
                    name.append(target.charAt(i++));
                }
                String bare = name.toString().strip();
                names.add(bare.equals("*") ? null : bare);
            }
            if (i < target.length() && target.charAt(i) == '.') {
                i++;
            } else if (i < target.length()) {
                return null;
            }
        }
        if (names.size() == 1) {
            return new String[] {names.getFirst(), null}; // "ON *" or "ON db": the current database; rare
        }
        return names.size() == 2 ? new String[] {names.get(0), names.get(1)} : null;
    }

    private static List<String> splitPrivileges(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(list.substring(start, i));
                start = i + 1;
            }
        }
        out.add(list.substring(start));
        return out;
    }

    private static int indexOutsideQuotes(String line, String needle, int from) {
        boolean quoted = false;
        char quote = 0;
        for (int i = from; i <= line.length() - needle.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == quote) {
                    quoted = false;
                }
            } else if (c == '`' || c == '\'') {
                quoted = true;
                quote = c;
            } else if (line.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** SQL LIKE with {@code %}, {@code _} and backslash escapes, case-sensitive (database names on Linux). */
    static boolean likeMatches(String pattern, String value) {
        if (value == null) {
            return false;
        }
        return like(pattern, 0, value, 0);
    }

    private static boolean like(String p, int pi, String v, int vi) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '%') {
                for (int k = vi; k <= v.length(); k++) {
                    if (like(p, pi + 1, v, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (vi >= v.length()) {
                return false;
            }
            if (c == '\\' && pi + 1 < p.length()) {
                if (p.charAt(pi + 1) != v.charAt(vi)) {
                    return false;
                }
                pi += 2;
            } else {
                if (c != '_' && c != v.charAt(vi)) {
                    return false;
                }
                pi++;
            }
            vi++;
        }
        return vi == v.length();
    }
}
