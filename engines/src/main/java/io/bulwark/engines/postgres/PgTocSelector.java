package io.bulwark.engines.postgres;

import io.bulwark.engines.postgres.PgRestorePlan.ForeignKeyLeftOut;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses the table-of-contents entries of a partial restore, by the rules {@link PgArchiveSelection}
 * documents, in two passes over the dependencies {@code pg_dump} recorded:
 *
 * <ol>
 *   <li><em>grow</em>: from the selected relations, add the entries that belong to kept relations (all the
 *       relations they are attached to being kept) and pull in what kept entries need (schema-level
 *       definitions, sequences, and for a table the tables its definition names), plus every schema-level
 *       definition of a schema involved, until nothing changes;
 *   <li><em>prune</em>: drop every kept entry that depends on an entry not kept (a view, a function body or
 *       a rule naming a table that is not restored), until nothing changes; foreign keys whose referenced
 *       table is not kept never join and are reported.
 * </ol>
 *
 * Two dependencies are not real and are ignored when pruning: a serial's sequence on its table (the
 * sequence is made by {@code CREATE SEQUENCE} alone; the {@code SEQUENCE OWNED BY} entry carries the link)
 * and a partition on its parent (created alone, then {@code TABLE ATTACH}ed). Not thread-safe: one
 * instance per selection.
 */
final class PgTocSelector {

    private static final Set<String> SUPPORT_KINDS = Set.of(
            "SCHEMA",
            "EXTENSION",
            "TYPE",
            "SHELL TYPE",
            "DOMAIN",
            "FUNCTION",
            "PROCEDURE",
            "AGGREGATE",
            "COLLATION",
            "CONVERSION",
            "OPERATOR",
            "OPERATOR CLASS",
            "OPERATOR FAMILY",
            "TEXT SEARCH PARSER",
            "TEXT SEARCH TEMPLATE",
            "TEXT SEARCH DICTIONARY",
            "TEXT SEARCH CONFIGURATION",
            "CAST",
            "TRANSFORM",
            "PROCEDURAL LANGUAGE",
            "ACCESS METHOD",
            "FOREIGN DATA WRAPPER",
            "SERVER",
            "USER MAPPING");

    private static final Set<String> ATTACHED_KINDS = Set.of(
            "TABLE DATA",
            "SEQUENCE SET",
            "SEQUENCE OWNED BY",
            "DEFAULT",
            "CONSTRAINT",
            "CHECK CONSTRAINT",
            "FK CONSTRAINT",
            "INDEX",
            "INDEX ATTACH",
            "TABLE ATTACH",
            "TRIGGER",
            "POLICY",
            "ROW SECURITY",
            "RULE",
            "STATISTICS",
            "STATISTICS DATA",
            "COMMENT",
            "SECURITY LABEL",
            "MATERIALIZED VIEW DATA");

    /** Entries about another entry: kept with it, never pulling anything in. */
    private static final Set<String> NOTES = Set.of("COMMENT", "SECURITY LABEL");

    /** Entries {@code pg_restore} always processes, use-list or not ({@code _tocEntryRequired}). */
    private static final Set<String> ALWAYS = Set.of("ENCODING", "STDSTRINGS", "SEARCHPATH");

    private final PgToc toc;
    private final Set<PgTocEntry> keep = new HashSet<>();
    private final Map<PgTocEntry, PgTocEntry> prunedFor = new LinkedHashMap<>();

    /** What was chosen: the entries kept, the foreign keys left out, the other entries pruned. */
    record Choice(Set<PgTocEntry> kept, List<ForeignKeyLeftOut> foreignKeysLeftOut, List<String> leftOut) {}

    PgTocSelector(PgToc toc) {
        this.toc = toc;
    }

    /**
     * The entries to restore for {@code seeds} (the selected relations and, for a selected schema, its
     * relations and schema-level definitions).
     *
     * @param seeds the entries selected
     * @param selectedTables the tables selected by name, which must be restorable
     * @param selectedSchemas the schemas selected by name
     * @throws IllegalArgumentException when a selected table cannot be restored because something its
     *     definition needs cannot be
     */
    Choice choose(Set<PgTocEntry> seeds, Set<PgTocEntry> selectedTables, Set<String> selectedSchemas) {
        for (PgTocEntry e : toc.entries()) {
            if (ALWAYS.contains(e.desc()) || e.is("EXTENSION")) {
                keep.add(e);
            }
        }
        keep.addAll(seeds);
        grow(selectedSchemas);
        prune();
        for (PgTocEntry table : selectedTables) {
            if (!keep.contains(table)) {
                throw new IllegalArgumentException("table " + table.qualifiedName() + " cannot be restored without "
                        + PgToc.describe(prunedFor.get(table)) + ", which is not restored");
            }
        }
        addSchemas(selectedSchemas);
        List<String> leftOut = new ArrayList<>();
        prunedFor.forEach((e, cause) -> {
            if (!NOTES.contains(e.desc()) && e.name() != null && !keep.contains(e)) {
                leftOut.add(PgToc.describe(e) + ": needs " + PgToc.describe(cause));
            }
        });
        return new Choice(Set.copyOf(keep), foreignKeysLeftOut(), leftOut);
    }

    private void grow(Set<String> selectedSchemas) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (PgTocEntry e : toc.entries()) {
                if (keep.contains(e)) {
                    for (PgTocEntry d : toc.dependencies(e)) {
                        if (!keep.contains(d) && pulls(e, d)) {
                            keep.add(d);
                            changed = true;
                        }
                    }
                } else if (joins(e)) {
                    keep.add(e);
                    changed = true;
                }
            }
            Set<String> involved = new HashSet<>(selectedSchemas);
            for (PgTocEntry e : keep) {
                if (PgToc.RELATION_KINDS.contains(e.desc())) {
                    involved.add(e.schema());
                }
            }
            for (PgTocEntry e : toc.entries()) {
                if (!keep.contains(e)
                        && SUPPORT_KINDS.contains(e.desc())
                        && e.schema() != null
                        && involved.contains(e.schema())) {
                    keep.add(e);
                    changed = true;
                }
            }
        }
    }

    /** True when kept entry {@code e} brings {@code d}, which it needs, into the restore. */
    private boolean pulls(PgTocEntry e, PgTocEntry d) {
        if (NOTES.contains(e.desc())) {
            return false;
        }
        if (SUPPORT_KINDS.contains(d.desc())) {
            return true;
        }
        if (d.is("SEQUENCE")) {
            return !e.is("SEQUENCE SET") && !e.is("SEQUENCE OWNED BY");
        }
        return PgToc.TABLE_KINDS.contains(e.desc())
                && PgToc.TABLE_KINDS.contains(d.desc())
                && !toc.isPartitionLink(e, d);
    }

    /** True when {@code e}, not kept, belongs to what is kept and so joins it. */
    private boolean joins(PgTocEntry e) {
        if (e.is("SEQUENCE")) {
            List<PgTocEntry> tables = tablesOf(e);
            return !tables.isEmpty() && keep.containsAll(tables);
        }
        if (e.is("SEQUENCE OWNED BY")) {
            List<PgTocEntry> deps = toc.dependencies(e);
            return !deps.isEmpty()
                    && keep.containsAll(deps)
                    && deps.stream().allMatch(s -> keep.containsAll(tablesOf(s)));
        }
        if (!ATTACHED_KINDS.contains(e.desc())) {
            return false;
        }
        List<PgTocEntry> deps = toc.dependencies(e);
        List<PgTocEntry> anchors = NOTES.contains(e.desc()) || e.is("SEQUENCE SET")
                ? deps
                : deps.stream()
                        .filter(d -> ((PgToc.RELATION_KINDS.contains(d.desc()) && !d.is("SEQUENCE"))
                                        || ATTACHED_KINDS.contains(d.desc()))
                                && !toc.isPartitionLink(e, d))
                        .toList();
        if (anchors.isEmpty()) {
            anchors = deps;
        }
        return !anchors.isEmpty() && keep.containsAll(anchors);
    }

    private List<PgTocEntry> tablesOf(PgTocEntry sequence) {
        return toc.dependencies(sequence).stream()
                .filter(d -> PgToc.TABLE_KINDS.contains(d.desc()))
                .toList();
    }

    private void prune() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (PgTocEntry e : toc.entries()) {
                if (!keep.contains(e) || ALWAYS.contains(e.desc()) || e.is("SCHEMA")) {
                    continue;
                }
                for (PgTocEntry d : toc.dependencies(e)) {
                    if (!keep.contains(d) && !d.is("SCHEMA") && isReal(e, d)) {
                        keep.remove(e);
                        prunedFor.put(e, d);
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    private boolean isReal(PgTocEntry e, PgTocEntry d) {
        if (e.is("SEQUENCE") && PgToc.TABLE_KINDS.contains(d.desc())) {
            return PgToc.isIdentitySequence(e);
        }
        return !toc.isPartitionLink(e, d);
    }

    /** Keeps the {@code SCHEMA} entry of every schema that holds a kept entry, or that was selected. */
    private void addSchemas(Set<String> selectedSchemas) {
        Set<String> schemas = new HashSet<>(selectedSchemas);
        for (PgTocEntry e : keep) {
            if (e.schema() != null) {
                schemas.add(e.schema());
            }
        }
        for (PgTocEntry e : toc.entries()) {
            if (e.is("SCHEMA") && schemas.contains(e.name())) {
                keep.add(e);
            }
        }
    }

    /** The foreign keys of kept tables that did not join because a table they reference is not kept. */
    private List<ForeignKeyLeftOut> foreignKeysLeftOut() {
        List<ForeignKeyLeftOut> left = new ArrayList<>();
        for (PgTocEntry fk : toc.entries()) {
            PgTocEntry owner = fk.is("FK CONSTRAINT") ? toc.owner(fk) : null;
            if (owner == null || keep.contains(fk) || !keep.contains(owner)) {
                continue;
            }
            Set<String> referenced = new TreeSet<>();
            for (PgTocEntry d : toc.dependencies(fk)) {
                PgTocEntry table = PgToc.TABLE_KINDS.contains(d.desc())
                        ? d
                        : d.is("CONSTRAINT") || d.is("INDEX") ? toc.owner(d) : null;
                if (table != null && table != owner && !keep.contains(table)) {
                    referenced.add(table.qualifiedName());
                }
            }
            String missing = referenced.isEmpty() ? owner.qualifiedName() : String.join(", ", referenced);
            left.add(new ForeignKeyLeftOut(
                    owner.qualifiedName() + "." + PgToc.objectName(fk, owner), owner.qualifiedName(), missing));
        }
        return left;
    }
}
