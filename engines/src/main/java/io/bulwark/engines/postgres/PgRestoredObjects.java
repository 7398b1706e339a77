package io.bulwark.engines.postgres;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of the objects a set of kept table-of-contents entries creates, qualified as {@link
 * io.bulwark.contracts.SchemaInventory} qualifies them, including those PostgreSQL makes on its own while
 * they are restored:
 *
 * <ul>
 *   <li>the index of every primary-key, unique and exclusion constraint ({@code CONSTRAINT} entries);
 *   <li>the check constraints written inside {@code CREATE TABLE}, and those an {@code INHERITS} child
 *       inherits from its parents (all but {@code NO INHERIT} ones; PostgreSQL documentation, "Inheritance");
 *   <li>the foreign keys and row-level triggers of a partitioned table, which PostgreSQL clones onto each
 *       partition attached to it (documentation of {@code CREATE TRIGGER} and {@code ALTER TABLE ... ATTACH
 *       PARTITION}).
 * </ul>
 *
 * Constraints of domains are not listed (they belong to no table). Immutable once built.
 */
final class PgRestoredObjects {

    final Set<String> tables = new TreeSet<>();
    final Set<String> sequences = new TreeSet<>();
    final Set<String> indexes = new TreeSet<>();
    final Set<String> constraints = new TreeSet<>();
    final Set<String> triggers = new TreeSet<>();
    final Set<String> policies = new TreeSet<>();

    /** Per table: its check constraints that children inherit. */
    private final Map<PgTocEntry, Set<String>> inheritableChecks = new HashMap<>();
    /** Per table: its foreign keys and row-level triggers, which its partitions get copies of. */
    private final Map<PgTocEntry, List<String>> clonedForeignKeys = new HashMap<>();

    private final Map<PgTocEntry, List<String>> clonedTriggers = new HashMap<>();

    PgRestoredObjects(PgToc toc, Set<PgTocEntry> kept) {
        for (PgTocEntry e : toc.entries()) {
            if (kept.contains(e)) {
                add(toc, e);
            }
        }
        for (PgTocEntry table : toc.entries()) {
            if (kept.contains(table) && table.is("TABLE")) {
                inherit(toc, kept, table);
            }
        }
    }

    private void add(PgToc toc, PgTocEntry e) {
        switch (e.desc()) {
            case "TABLE" -> {
                tables.add(e.qualifiedName());
                for (PgCreateTable.Check check : PgCreateTable.checks(e.sql())) {
                    constraints.add(e.qualifiedName() + "." + check.name());
                    if (!check.noInherit()) {
                        inheritableChecks
                                .computeIfAbsent(e, k -> new LinkedHashSet<>())
                                .add(check.name());
                    }
                }
            }
            case "SEQUENCE" -> sequences.add(e.qualifiedName());
            case "INDEX" -> addOwned(toc, e, indexes);
            case "CONSTRAINT" -> {
                addOwned(toc, e, indexes);
                addOwned(toc, e, constraints);
            }
            case "CHECK CONSTRAINT" -> {
                String name = addOwned(toc, e, constraints);
                PgTocEntry owner = toc.owner(e);
                if (name != null && owner.is("TABLE")) {
                    inheritableChecks
                            .computeIfAbsent(owner, k -> new LinkedHashSet<>())
                            .add(name);
                }
            }
            case "FK CONSTRAINT" -> {
                String name = addOwned(toc, e, constraints);
                if (name != null) {
                    clonedForeignKeys
                            .computeIfAbsent(toc.owner(e), k -> new ArrayList<>())
                            .add(name);
                }
            }
            case "TRIGGER" -> {
                String name = addOwned(toc, e, triggers);
                List<String> words = PgCreateTable.tokens(e.sql());
                if (name != null && words.size() > 2 && words.get(1).equals("constraint")) {
                    addOwned(toc, e, constraints);
                }
                if (name != null && isRowTrigger(words)) {
                    clonedTriggers
                            .computeIfAbsent(toc.owner(e), k -> new ArrayList<>())
                            .add(name);
                }
            }
            case "POLICY" -> addOwned(toc, e, policies);
            default -> {
                // nothing the inventory names
            }
        }
    }

    /** Adds {@code table.name} of a table-level entry to {@code names}; returns the name, or null without owner. */
    private static String addOwned(PgToc toc, PgTocEntry e, Set<String> names) {
        PgTocEntry owner = toc.owner(e);
        if (owner == null || e.name() == null) {
            return null;
        }
        String name = PgToc.objectName(e, owner);
        names.add(owner.qualifiedName() + "." + name);
        return name;
    }

    private static boolean isRowTrigger(List<String> words) {
        for (int i = 0; i + 2 < words.size(); i++) {
            if (words.get(i).equals("for")
                    && words.get(i + 1).equals("each")
                    && words.get(i + 2).equals("row")) {
                return true;
            }
        }
        return false;
    }

    /** Adds what {@code table} inherits from its kept inheritance parents and partitioned ancestors. */
    private void inherit(PgToc toc, Set<PgTocEntry> kept, PgTocEntry table) {
        Set<PgTocEntry> seen = new LinkedHashSet<>();
        List<PgTocEntry> work = new ArrayList<>(toc.inheritanceParents(table));
        while (!work.isEmpty()) {
            PgTocEntry parent = work.removeFirst();
            if (kept.contains(parent) && seen.add(parent)) {
                for (String check : inheritableChecks.getOrDefault(parent, Set.of())) {
                    constraints.add(table.qualifiedName() + "." + check);
                }
                work.addAll(toc.inheritanceParents(parent));
            }
        }
        PgTocEntry ancestor = toc.partitionParent(table);
        while (ancestor != null && kept.contains(ancestor)) {
            for (String fk : clonedForeignKeys.getOrDefault(ancestor, List.of())) {
                constraints.add(table.qualifiedName() + "." + fk);
            }
            for (String trigger : clonedTriggers.getOrDefault(ancestor, List.of())) {
                triggers.add(table.qualifiedName() + "." + trigger);
            }
            ancestor = toc.partitionParent(ancestor);
        }
    }
}
