package io.bulwark.pipeline.rules;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.TableRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rules that compare a restored database with the manifest: the table set, exact row counts, every other
 * object, large objects. Pure functions; each returns one {@link CheckResult} whose detail names what differs.
 */
public final class ComparisonRules {

    private ComparisonRules() {}

    /**
     * The restored tables must be exactly the manifest's (by {@code schema.name}); the detail names
     * the missing and the extra ones. With {@code othersAllowed} (a restore into an existing database, which may
     * hold tables of its own) extra tables are only named.
     */
    public static CheckResult tables(
            SchemaInventory source, SchemaInventory restored, boolean othersAllowed, long durationMillis) {
        TreeSet<String> expected = names(source);
        TreeSet<String> actual = names(restored);
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        TreeSet<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        if (othersAllowed && missing.isEmpty()) {
            return new CheckResult(
                    CheckNames.TABLES,
                    CheckStatus.PASSED,
                    "all " + expected.size() + " tables of the manifest were restored"
                            + (extra.isEmpty()
                                    ? ""
                                    : "; the database also holds " + extra.size() + " others: "
                                            + Checks.list(new ArrayList<>(extra))),
                    durationMillis);
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            return new CheckResult(
                    CheckNames.TABLES,
                    CheckStatus.PASSED,
                    "all " + expected.size() + " tables of the manifest were restored, no others",
                    durationMillis);
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add(missing.size() + " missing after restore: " + Checks.list(new ArrayList<>(missing)));
        }
        if (!extra.isEmpty()) {
            parts.add(extra.size() + " not in the manifest: " + Checks.list(new ArrayList<>(extra)));
        }
        return new CheckResult(CheckNames.TABLES, CheckStatus.FAILED, String.join("; ", parts), durationMillis);
    }

    /**
     * Every table present on both sides must hold exactly the manifest's number of rows; the detail
     * names each differing table with both counts. Missing tables are the {@link #tables} check's
     * finding and are not repeated here. The row total in the detail counts each row once, as {@link
     * SchemaInventory#totalRows()} does (a partitioned table's rows in its partitions, an inheritance child's
     * rows in the child).
     */
    public static CheckResult rowCounts(SchemaInventory source, SchemaInventory restored, long durationMillis) {
        Map<String, Long> restoredRows = rowsByName(restored);
        List<String> differing = new ArrayList<>();
        int compared = 0;
        long rows = 0;
        for (TableInfo table : source.tables()) {
            Long actual = restoredRows.get(table.qualifiedName());
            if (actual == null) {
                continue;
            }
            compared++;
            if (!table.partitioned()) {
                rows += table.storedRows();
            }
            if (actual != table.rows()) {
                differing.add(table.qualifiedName() + " (source " + table.rows() + ", restored " + actual + ")");
            }
        }
        if (differing.isEmpty()) {
            return new CheckResult(
                    CheckNames.ROW_COUNTS,
                    CheckStatus.PASSED,
                    "exact row counts of " + compared + " tables (" + rows + " rows) match the manifest",
                    durationMillis);
        }
        return new CheckResult(
                CheckNames.ROW_COUNTS,
                CheckStatus.FAILED,
                differing.size() + " of " + compared + " tables differ: " + Checks.list(differing),
                durationMillis);
    }

    /**
     * Every object other than tables must be restored as the manifest lists it, object by object and
     * kind by kind (views, materialized views, sequences, functions, indexes, constraints, triggers,
     * policies, events, extensions); the detail names, per kind, the missing and the extra objects.
     * Extensions are only looked for: a fresh server has some of its own (PostgreSQL's {@code plpgsql}),
     * so one the manifest does not list is not extra; with {@code othersAllowed} (a restore into an existing database)
     * no object is extra. On PASSED the detail gives the count per kind.
     */
    public static CheckResult schema(
            SchemaInventory source, SchemaInventory restored, boolean othersAllowed, long durationMillis) {
        List<String> differences = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (Map.Entry<String, List<List<String>>> kind :
                objectKinds(source, restored).entrySet()) {
            TreeSet<String> expected = new TreeSet<>(kind.getValue().get(0));
            TreeSet<String> actual = new TreeSet<>(kind.getValue().get(1));
            TreeSet<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            TreeSet<String> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            if (othersAllowed || kind.getKey().equals("extensions")) {
                extra.clear();
            }
            if (!missing.isEmpty()) {
                differences.add(kind.getKey() + ": " + missing.size() + " missing after restore: "
                        + Checks.list(new ArrayList<>(missing)));
            }
            if (!extra.isEmpty()) {
                differences.add(kind.getKey() + ": " + extra.size() + " not in the manifest: "
                        + Checks.list(new ArrayList<>(extra)));
            }
            counts.add(expected.size() + " " + kind.getKey());
        }
        if (differences.isEmpty()) {
            return new CheckResult(
                    CheckNames.SCHEMA,
                    CheckStatus.PASSED,
                    "every object of the manifest was restored, no others: " + String.join(", ", counts),
                    durationMillis);
        }
        return new CheckResult(
                CheckNames.SCHEMA, CheckStatus.FAILED, Checks.cap(String.join("; ", differences)), durationMillis);
    }

    /**
     * PostgreSQL large objects: the restored database must hold as many as the manifest counted. SKIPPED when the
     * manifest counted none (MySQL/MariaDB, a filtered dump, an older manifest).
     *
     * @param restored the restored database's count, null when it was not counted
     */
    public static CheckResult largeObjects(Long source, Long restored, long durationMillis) {
        if (source == null) {
            return Checks.skipped(CheckNames.LARGE_OBJECTS, "the manifest counts no large objects");
        }
        if (restored != null && restored.longValue() == source.longValue()) {
            return Checks.passed(
                    CheckNames.LARGE_OBJECTS, source + " large objects, as the manifest counts", durationMillis);
        }
        return Checks.failed(
                CheckNames.LARGE_OBJECTS,
                "the manifest counts " + source + " large objects but the restored database holds "
                        + (restored == null ? "none that could be counted" : restored),
                durationMillis);
    }

    /**
     * Per-table source and restored counts, for the report: every table of the manifest, in its
     * order, with {@code restoredRows} null when the table was not restored.
     */
    public static List<TableRows> tableRows(SchemaInventory source, SchemaInventory restored) {
        Map<String, TableInfo> restoredTables = new HashMap<>();
        if (restored != null) {
            restored.tables().forEach(t -> restoredTables.put(t.qualifiedName(), t));
        }
        return source.tables().stream()
                .map(t -> {
                    TableInfo after = restoredTables.get(t.qualifiedName());
                    return new TableRows(
                            t.schema(),
                            t.name(),
                            t.rows(),
                            after == null ? null : after.rows(),
                            t.partitioned(),
                            t.ownRows(),
                            after == null || t.ownRows() == null ? null : after.storedRows());
                })
                .toList();
    }

    private static TreeSet<String> names(SchemaInventory inventory) {
        TreeSet<String> names = new TreeSet<>();
        inventory.tables().forEach(t -> names.add(t.qualifiedName()));
        return names;
    }

    private static Map<String, Long> rowsByName(SchemaInventory inventory) {
        Map<String, Long> rows = new LinkedHashMap<>();
        inventory.tables().forEach(t -> rows.put(t.qualifiedName(), t.rows()));
        return rows;
    }

    /** Kind name to [source objects, restored objects], in report order. */
    private static Map<String, List<List<String>>> objectKinds(SchemaInventory source, SchemaInventory restored) {
        Map<String, List<List<String>>> kinds = new LinkedHashMap<>();
        kinds.put("views", List.of(source.views(), restored.views()));
        kinds.put("materialized views", List.of(source.materializedViews(), restored.materializedViews()));
        kinds.put("sequences", List.of(source.sequences(), restored.sequences()));
        kinds.put("functions", List.of(source.functions(), restored.functions()));
        kinds.put("indexes", List.of(source.indexes(), restored.indexes()));
        kinds.put("constraints", List.of(source.constraints(), restored.constraints()));
        kinds.put("triggers", List.of(source.triggers(), restored.triggers()));
        kinds.put("policies", List.of(source.policies(), restored.policies()));
        kinds.put("events", List.of(source.events(), restored.events()));
        kinds.put("extensions", List.of(source.extensions(), restored.extensions()));
        return kinds;
    }
}
