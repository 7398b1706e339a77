package io.bulwark.engines.postgres;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The table of contents of an archive, indexed: entries by dump id, tables by name, partitions by their
 * parent, and the relation each table-level entry (constraint, index, trigger...) belongs to. Immutable.
 */
final class PgToc {

    /** Relations that hold rows and whose definition may need another relation's (inheritance, row type). */
    static final Set<String> TABLE_KINDS = Set.of("TABLE", "FOREIGN TABLE");

    /** Relations: what table-level entries belong to. */
    static final Set<String> RELATION_KINDS = Set.of("TABLE", "FOREIGN TABLE", "VIEW", "MATERIALIZED VIEW", "SEQUENCE");

    /** Kinds whose tag is {@code table name} ({@code pg_dump.c}: the tag of these entries). */
    private static final Set<String> TAGGED_WITH_TABLE =
            Set.of("CONSTRAINT", "CHECK CONSTRAINT", "FK CONSTRAINT", "TRIGGER", "POLICY", "RULE", "DEFAULT");

    /** Entries that are or make an index: they may hang on the parent's in a partitioned table. */
    private static final Set<String> INDEX_KINDS = Set.of("INDEX", "CONSTRAINT");

    private final List<PgTocEntry> entries;
    private final Map<Integer, PgTocEntry> byId = new HashMap<>();
    private final Map<Integer, Integer> partitionParent = new HashMap<>();
    private final Map<Integer, List<PgTocEntry>> partitions = new HashMap<>();

    PgToc(List<PgTocEntry> entries) {
        this.entries = List.copyOf(entries);
        for (PgTocEntry e : this.entries) {
            byId.put(e.id(), e);
        }
        for (PgTocEntry attach : this.entries) {
            if (!attach.is("TABLE ATTACH")) {
                continue;
            }
            PgTocEntry child = null;
            PgTocEntry parent = null;
            for (PgTocEntry d : dependencies(attach)) {
                if (d.is("TABLE")) {
                    if (child == null
                            && Objects.equals(d.schema(), attach.schema())
                            && d.name().equals(attach.name())) {
                        child = d;
                    } else {
                        parent = d;
                    }
                }
            }
            if (child != null && parent != null) {
                partitionParent.put(child.id(), parent.id());
                partitions.computeIfAbsent(parent.id(), k -> new ArrayList<>()).add(child);
            }
        }
    }

    /** The entries in archive order. */
    List<PgTocEntry> entries() {
        return entries;
    }

    /** The entry with dump id {@code id}, or null when the archive has none (a dependency may name one). */
    PgTocEntry get(int id) {
        return byId.get(id);
    }

    /** The entries {@code e} depends on that are in the archive, each once, in listed order. */
    List<PgTocEntry> dependencies(PgTocEntry e) {
        Set<PgTocEntry> deps = new LinkedHashSet<>();
        for (int id : e.dependencies()) {
            PgTocEntry d = byId.get(id);
            if (d != null && d != e) {
                deps.add(d);
            }
        }
        return List.copyOf(deps);
    }

    /** The {@code TABLE} entry of {@code schema.name}, or null. */
    PgTocEntry table(String schema, String name) {
        for (PgTocEntry e : entries) {
            if (e.is("TABLE") && e.schema().equals(schema) && e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** The partitions attached to {@code table} ({@code TABLE ATTACH} entries), directly. */
    List<PgTocEntry> partitions(PgTocEntry table) {
        return partitions.getOrDefault(table.id(), List.of());
    }

    /** The partitioned table {@code child} is attached to ({@code TABLE ATTACH}), or null. */
    PgTocEntry partitionParent(PgTocEntry child) {
        Integer parent = partitionParent.get(child.id());
        return parent == null ? null : byId.get(parent);
    }

    /** True when {@code child} is a partition of {@code parent}, created alone and attached afterwards. */
    boolean isPartitionOf(PgTocEntry child, PgTocEntry parent) {
        return Integer.valueOf(parent.id()).equals(partitionParent.get(child.id()));
    }

    /**
     * True when {@code e}'s dependency on {@code d} only orders a partition after its parent: a partition
     * on its partitioned table, or a partition's index or unique constraint on the parent's. Both are
     * created alone and tied afterwards by {@code TABLE ATTACH} and {@code INDEX ATTACH} entries, which
     * depend on both sides.
     */
    boolean isPartitionLink(PgTocEntry e, PgTocEntry d) {
        if (e.is("TABLE") && d.is("TABLE")) {
            return isPartitionOf(e, d);
        }
        if (INDEX_KINDS.contains(e.desc()) && INDEX_KINDS.contains(d.desc())) {
            PgTocEntry table = owner(e);
            PgTocEntry parent = owner(d);
            return table != null && parent != null && isPartitionOf(table, parent);
        }
        return false;
    }

    /**
     * True for a sequence created by {@code ALTER TABLE ... ADD GENERATED ... AS IDENTITY}: it cannot exist
     * without its table, unlike a serial's, which {@code CREATE SEQUENCE} makes alone and a later {@code
     * SEQUENCE OWNED BY} entry ties to its column.
     */
    static boolean isIdentitySequence(PgTocEntry e) {
        return e.is("SEQUENCE") && e.sql() != null && e.sql().startsWith("ALTER TABLE");
    }

    /**
     * The relation a table-level entry belongs to: among its dependencies, the relation in its schema
     * whose name starts its tag ({@code table name}, the longest when several do), or for an index, a
     * sequence or a {@code ROW SECURITY} entry the relation it depends on; null when there is none.
     */
    PgTocEntry owner(PgTocEntry e) {
        List<PgTocEntry> relations = dependencies(e).stream()
                .filter(d -> RELATION_KINDS.contains(d.desc()) && !d.is("SEQUENCE"))
                .toList();
        if (e.name() != null && TAGGED_WITH_TABLE.contains(e.desc())) {
            return relations.stream()
                    .filter(d ->
                            Objects.equals(d.schema(), e.schema()) && e.name().startsWith(d.name() + " "))
                    .max(Comparator.comparingInt(d -> d.name().length()))
                    .orElse(null);
        }
        return relations.isEmpty() ? null : relations.getFirst();
    }

    /** The name of a table-level entry without its table: the tag after {@code table }, or the tag. */
    static String objectName(PgTocEntry e, PgTocEntry owner) {
        if (TAGGED_WITH_TABLE.contains(e.desc()) && e.name().startsWith(owner.name() + " ")) {
            return e.name().substring(owner.name().length() + 1);
        }
        return e.name();
    }

    /** The tables {@code table} inherits from ({@code INHERITS}), as they are in the archive. */
    List<PgTocEntry> inheritanceParents(PgTocEntry table) {
        if (table.sql() == null) {
            return List.of();
        }
        List<PgTocEntry> parents = new ArrayList<>();
        for (String[] name : PgCreateTable.inherits(table.sql())) {
            PgTocEntry parent = table(name[0], name[1]);
            if (parent != null) {
                parents.add(parent);
            }
        }
        return parents;
    }

    /** {@code KIND schema.name} of an entry, for messages. */
    static String describe(PgTocEntry e) {
        String name = e.name() == null ? "#" + e.id() : e.name();
        return e.desc() + " " + (e.schema() == null ? name : e.schema() + "." + name);
    }
}
