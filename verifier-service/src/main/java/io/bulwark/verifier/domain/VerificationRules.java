package io.bulwark.verifier.domain;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.TableRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules that judge a restored backup against its manifest (DESIGN.md, "Verification"). Pure
 * functions, no I/O; each returns one {@link CheckResult} whose detail names what differs.
 */
public final class VerificationRules {

    /** How many differing tables a detail names before it says "and N more". */
    static final int MAX_NAMED = 20;

    /** How long a detail may grow before it is cut. */
    static final int MAX_DETAIL = 4000;

    private VerificationRules() {}

    /**
     * The outcome of a verification: FAILED when a check FAILED on the backup's own account (the
     * backup is proven bad, whatever else went wrong); otherwise ERROR when a check could not give a
     * verdict because of an infrastructure problem (sandbox, object store); otherwise PASSED.
     *
     * @param checks every check run
     * @param unjudged names of the FAILED checks whose failure is an infrastructure problem, not a
     *     verdict on the backup
     */
    public static Outcome outcome(List<CheckResult> checks, Set<String> unjudged) {
        boolean backupFailed =
                checks.stream().anyMatch(c -> c.status() == CheckStatus.FAILED && !unjudged.contains(c.name()));
        if (backupFailed) {
            return Outcome.FAILED;
        }
        return unjudged.isEmpty() ? Outcome.PASSED : Outcome.ERROR;
    }

    /**
     * Compares the SHA-256 of the stored bytes with the manifest's.
     *
     * @param expectedSha256 lowercase hex from the manifest, or null when the manifest has none
     * @param expectedBytes stored size from the manifest in bytes
     * @param actualSha256 lowercase hex of the bytes read from the store
     * @param actualBytes how many bytes were read from the store
     */
    public static CheckResult checksum(
            String expectedSha256, long expectedBytes, String actualSha256, long actualBytes, long durationMillis) {
        if (expectedSha256 == null || expectedSha256.isBlank()) {
            return new CheckResult(
                    CheckNames.CHECKSUM,
                    CheckStatus.FAILED,
                    "the manifest records no SHA-256 for the artifact; the stored bytes hash to " + actualSha256,
                    durationMillis);
        }
        if (expectedSha256.equalsIgnoreCase(actualSha256)) {
            return new CheckResult(
                    CheckNames.CHECKSUM,
                    CheckStatus.PASSED,
                    "SHA-256 " + actualSha256 + " of " + actualBytes + " stored bytes matches the manifest",
                    durationMillis);
        }
        return new CheckResult(
                CheckNames.CHECKSUM,
                CheckStatus.FAILED,
                "SHA-256 of the stored object is " + actualSha256 + " (" + actualBytes
                        + " bytes) but the manifest says " + expectedSha256.toLowerCase() + " (" + expectedBytes
                        + " bytes): the artifact was altered",
                durationMillis);
    }

    /**
     * The table of contents of a PostgreSQL custom-format archive, listed from its head before the
     * restore: PASSED naming the number of entries, FAILED quoting the tool's error (a truncated or
     * corrupt header), SKIPPED when the head read ahead ended inside a table of contents too large
     * for it (the restore goes on, and judges the archive).
     *
     * @param tool the listing tool, e.g. {@code pg_restore --list}
     * @param error the tool's error, null when it read the whole table of contents
     * @param endOfInput the tool's input ended before the table of contents did
     * @param wholeArchive the head was the whole archive (then an early end means a truncated archive)
     * @param headBytes the most bytes read ahead of the restore
     */
    public static CheckResult archiveListing(
            String tool,
            int entries,
            String error,
            boolean endOfInput,
            boolean wholeArchive,
            int headBytes,
            long durationMillis) {
        if (error == null) {
            return new CheckResult(
                    CheckNames.ARCHIVE, CheckStatus.PASSED, tool + " read " + entries + " TOC entries", durationMillis);
        }
        if (endOfInput && !wholeArchive) {
            return skipped(
                    CheckNames.ARCHIVE,
                    "the table of contents is larger than the " + headBytes + " bytes read ahead of the restore");
        }
        return new CheckResult(
                CheckNames.ARCHIVE,
                CheckStatus.FAILED,
                cap(tool + " could not read the archive's table of contents: " + error),
                durationMillis);
    }

    /**
     * The head of a MariaDB (or MySQL) SQL dump: PASSED when it begins with a {@code mariadb-dump}
     * or {@code mysqldump} header ({@code -- MariaDB dump}, {@code -- MySQL dump}; after the {@code
     * /*M!999999\\- enable the sandbox mode *}{@code /} line of mariadb-dump 10.11.8 and later),
     * SKIPPED otherwise (a dump written with {@code --skip-comments}, or by another tool: the restore
     * judges it).
     *
     * @param head the dump's first bytes as text, empty for an empty dump
     */
    public static CheckResult dumpHeader(String head, long durationMillis) {
        List<String> lines = head.lines().limit(2).toList();
        String firstLine = lines.isEmpty() ? "" : lines.getFirst();
        if (firstLine.startsWith("/*M!999999") && lines.size() > 1) {
            firstLine = lines.get(1);
        }
        if (firstLine.startsWith("-- MariaDB dump") || firstLine.startsWith("-- MySQL dump")) {
            return new CheckResult(
                    CheckNames.ARCHIVE,
                    CheckStatus.PASSED,
                    cap("the dump begins with a mariadb-dump header: " + firstLine.strip()),
                    durationMillis);
        }
        return skipped(
                CheckNames.ARCHIVE,
                "the dump does not begin with a mariadb-dump header ("
                        + (firstLine.isBlank() ? "it is empty" : "it begins '" + cap(firstLine.strip()) + "'") + ")");
    }

    /**
     * The restore check.
     *
     * @param tool the restore tool, e.g. {@code pg_restore} or {@code mariadb}
     * @param succeeded true when the restore tool exited 0 after reading the whole archive
     * @param failureDetail what went wrong, quoting the tool's errors; ignored when {@code succeeded}
     */
    public static CheckResult restore(String tool, boolean succeeded, String failureDetail, long durationMillis) {
        return succeeded
                ? new CheckResult(
                        CheckNames.RESTORE,
                        CheckStatus.PASSED,
                        tool + " exited 0 in " + durationMillis + " ms",
                        durationMillis)
                : new CheckResult(CheckNames.RESTORE, CheckStatus.FAILED, failureDetail, durationMillis);
    }

    /**
     * The restored tables must be exactly the manifest's (by {@code schema.name}); the detail names
     * the missing and the extra ones.
     */
    public static CheckResult tables(SchemaInventory source, SchemaInventory restored, long durationMillis) {
        TreeSet<String> expected = names(source);
        TreeSet<String> actual = names(restored);
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        TreeSet<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        if (missing.isEmpty() && extra.isEmpty()) {
            return new CheckResult(
                    CheckNames.TABLES,
                    CheckStatus.PASSED,
                    "all " + expected.size() + " tables of the manifest were restored, no others",
                    durationMillis);
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add(missing.size() + " missing after restore: " + list(new ArrayList<>(missing)));
        }
        if (!extra.isEmpty()) {
            parts.add(extra.size() + " not in the manifest: " + list(new ArrayList<>(extra)));
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
                differing.size() + " of " + compared + " tables differ: " + list(differing),
                durationMillis);
    }

    /**
     * Every object other than tables must be restored as the manifest lists it, object by object and
     * kind by kind (views, materialized views, sequences, functions, indexes, constraints, triggers,
     * policies, events, extensions); the detail names, per kind, the missing and the extra objects.
     * Extensions are only looked for: a fresh server has some of its own (PostgreSQL's {@code plpgsql}),
     * so one the manifest does not list is not extra. On PASSED the detail gives the count per kind.
     */
    public static CheckResult schema(SchemaInventory source, SchemaInventory restored, long durationMillis) {
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
            if (kind.getKey().equals("extensions")) {
                extra.clear();
            }
            if (!missing.isEmpty()) {
                differences.add(kind.getKey() + ": " + missing.size() + " missing after restore: "
                        + list(new ArrayList<>(missing)));
            }
            if (!extra.isEmpty()) {
                differences.add(
                        kind.getKey() + ": " + extra.size() + " not in the manifest: " + list(new ArrayList<>(extra)));
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
                CheckNames.SCHEMA, CheckStatus.FAILED, cap(String.join("; ", differences)), durationMillis);
    }

    /**
     * The foreign-key check: no row references a parent row that does not exist.
     *
     * @param orphans every foreign-key constraint of the restored database with its number of orphan
     *     rows (child rows whose key columns are all set but match no parent row)
     */
    public static CheckResult foreignKeys(List<ForeignKeyOrphans> orphans, long durationMillis) {
        if (orphans.isEmpty()) {
            return skipped(CheckNames.FOREIGN_KEYS, "the restored database has no foreign key");
        }
        List<String> broken = orphans.stream()
                .filter(o -> o.orphanRows() > 0)
                .map(o -> o.constraint() + " (" + o.orphanRows() + " orphan rows)")
                .sorted()
                .toList();
        if (broken.isEmpty()) {
            return new CheckResult(
                    CheckNames.FOREIGN_KEYS,
                    CheckStatus.PASSED,
                    "no orphan rows under any of the " + orphans.size() + " foreign keys",
                    durationMillis);
        }
        return new CheckResult(
                CheckNames.FOREIGN_KEYS,
                CheckStatus.FAILED,
                broken.size() + " of " + orphans.size() + " foreign keys have orphan rows: " + list(broken),
                durationMillis);
    }

    /**
     * One foreign-key constraint and how many child rows reference no parent row.
     *
     * @param constraint qualified as {@link SchemaInventory} qualifies constraints: {@code schema.table.name}
     */
    public record ForeignKeyOrphans(String constraint, long orphanRows) {}

    /**
     * The index check: every structure the engine's checker looked at is sound; the detail names each
     * that is not, with the checker's message. SKIPPED when the checker is not available or there was
     * nothing to check.
     */
    public static CheckResult indexes(IndexFindings findings, long durationMillis) {
        if (findings.notRunReason() != null) {
            return skipped(CheckNames.INDEXES, findings.notRunReason());
        }
        if (findings.checked() == 0) {
            return skipped(CheckNames.INDEXES, "nothing for " + findings.method() + " to check");
        }
        if (findings.failures().isEmpty()) {
            return new CheckResult(
                    CheckNames.INDEXES,
                    CheckStatus.PASSED,
                    findings.method() + " found " + findings.checked() + " " + findings.what() + " sound",
                    durationMillis);
        }
        return new CheckResult(
                CheckNames.INDEXES,
                CheckStatus.FAILED,
                cap(findings.failures().size() + " of " + findings.checked() + " " + findings.what() + " failed "
                        + findings.method() + ": " + list(findings.failures())),
                durationMillis);
    }

    /**
     * What an engine's consistency checker found.
     *
     * @param method the checker, e.g. {@code amcheck bt_index_check} or {@code CHECK TABLE}
     * @param what what it checks, plural: {@code btree indexes}, {@code tables}
     * @param checked how many it checked
     * @param failures one entry per unsound one: its qualified name, a colon, the checker's message
     * @param notRunReason why the checker could not run (not installed, say); null when it ran
     */
    public record IndexFindings(String method, String what, int checked, List<String> failures, String notRunReason) {

        public IndexFindings {
            failures = failures == null ? List.of() : List.copyOf(failures);
        }

        /** The checker could not run, for {@code reason}. */
        public static IndexFindings notRun(String method, String reason) {
            return new IndexFindings(method, "", 0, List.of(), reason);
        }
    }

    /**
     * The sequence check: every sequence that fills a column (owned by it, or its default's {@code
     * nextval}) would next hand out a value above the column's greatest value, so the restored database
     * can take inserts without a duplicate key; the detail names each that would not, with its value and
     * the column's max. One {@link SequenceState} per sequence and column: a sequence that several
     * columns share must be past each, and counts once. SKIPPED when no sequence fills a column.
     */
    public static CheckResult sequences(List<SequenceState> sequences, long durationMillis) {
        if (sequences.isEmpty()) {
            return skipped(CheckNames.SEQUENCES, "no sequence or AUTO_INCREMENT column in the restored database");
        }
        long distinct =
                sequences.stream().map(SequenceState::sequence).distinct().count();
        List<SequenceState> behindStates = sequences.stream()
                .filter(s -> s.columnMax() != null && s.nextValue() <= s.columnMax())
                .toList();
        List<String> behind = behindStates.stream()
                .map(s -> s.sequence() + " (" + s.state() + ") is behind max(" + s.column() + ") = " + s.columnMax())
                .sorted()
                .toList();
        if (behind.isEmpty()) {
            String columns = sequences.size() == distinct
                    ? "their column's greatest value"
                    : "the greatest value of the " + sequences.size() + " columns they fill";
            return new CheckResult(
                    CheckNames.SEQUENCES,
                    CheckStatus.PASSED,
                    "all " + distinct + " sequences are past " + columns,
                    durationMillis);
        }
        long behindDistinct =
                behindStates.stream().map(SequenceState::sequence).distinct().count();
        return new CheckResult(
                CheckNames.SEQUENCES,
                CheckStatus.FAILED,
                cap(behindDistinct + " of " + distinct + " sequences would hand out a value already taken: "
                        + list(behind)),
                durationMillis);
    }

    /**
     * One sequence and a column it fills (owned by the column, or the column default's {@code nextval}),
     * as restored.
     *
     * @param sequence the sequence, qualified {@code schema.name} (MariaDB: the table's AUTO_INCREMENT,
     *     named {@code db.table})
     * @param column the column the sequence fills, {@code schema.table.column}
     * @param state the sequence's own values as the engine shows them, e.g. {@code last_value 347, is_called true}
     * @param nextValue the value the next {@code nextval} (the next insert) hands out
     * @param columnMax the column's greatest value; null when the table is empty
     */
    public record SequenceState(String sequence, String column, String state, long nextValue, Long columnMax) {}

    /**
     * The target's critical tables must be restored and hold at least one row; the detail names the
     * missing and the empty ones.
     *
     * @param critical {@code schema.table} names from the target's settings; not empty
     */
    public static CheckResult criticalTables(List<String> critical, SchemaInventory restored, long durationMillis) {
        Map<String, Long> rows = rowsByName(restored);
        List<String> missing = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (String table : critical) {
            Long count = rows.get(table);
            if (count == null) {
                missing.add(table);
            } else if (count == 0) {
                empty.add(table);
            }
        }
        if (missing.isEmpty() && empty.isEmpty()) {
            return new CheckResult(
                    CheckNames.CRITICAL_TABLES,
                    CheckStatus.PASSED,
                    "all " + critical.size() + " critical tables were restored with rows",
                    durationMillis);
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add(missing.size() + " missing: " + list(missing));
        }
        if (!empty.isEmpty()) {
            parts.add(empty.size() + " empty: " + list(empty));
        }
        return new CheckResult(
                CheckNames.CRITICAL_TABLES, CheckStatus.FAILED, String.join("; ", parts), durationMillis);
    }

    /**
     * One of the target's assertions: PASSED when the query's value, as text, equals {@code expect};
     * FAILED otherwise, quoting both, or the database's error when the query failed.
     *
     * @param actual the value the query answered, {@code null} for SQL NULL
     * @param error the database's error when the query failed, else null
     */
    public static CheckResult assertion(String name, String expect, String actual, String error, long durationMillis) {
        String check = CheckNames.ASSERTION_PREFIX + name;
        if (error != null) {
            return new CheckResult(check, CheckStatus.FAILED, cap("the query failed: " + error), durationMillis);
        }
        if (Objects.equals(expect, actual)) {
            return new CheckResult(check, CheckStatus.PASSED, "answered '" + actual + "' as expected", durationMillis);
        }
        return new CheckResult(
                check,
                CheckStatus.FAILED,
                cap("expected " + quote(expect) + " but the restored database answered " + quote(actual)),
                durationMillis);
    }

    /**
     * The recovery time objective: WARNING when download and restore took longer than {@code rto}
     * (the backup restores, only too slowly, so the outcome is not FAILED), PASSED otherwise,
     * SKIPPED when the target sets none.
     */
    public static CheckResult rto(Duration rto, long restoreMillis) {
        if (rto == null) {
            return skipped(CheckNames.RTO, "the target sets no rto");
        }
        if (restoreMillis > rto.toMillis()) {
            return new CheckResult(
                    CheckNames.RTO,
                    CheckStatus.WARNING,
                    "download and restore took " + restoreMillis + " ms, longer than the rto of " + rto,
                    restoreMillis);
        }
        return new CheckResult(
                CheckNames.RTO,
                CheckStatus.PASSED,
                "download and restore took " + restoreMillis + " ms, within the rto of " + rto,
                restoreMillis);
    }

    private static String quote(String value) {
        return value == null ? "NULL" : "'" + value + "'";
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

    /** A check that could not run, with the reason. */
    public static CheckResult skipped(String name, String reason) {
        return new CheckResult(name, CheckStatus.SKIPPED, "not run: " + reason, 0);
    }

    /** A check that FAILED with {@code detail}. */
    public static CheckResult failed(String name, String detail, long durationMillis) {
        return new CheckResult(name, CheckStatus.FAILED, detail, durationMillis);
    }

    /** A check that PASSED with {@code detail}. */
    public static CheckResult passed(String name, String detail, long durationMillis) {
        return new CheckResult(name, CheckStatus.PASSED, detail, durationMillis);
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

    private static String cap(String detail) {
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "...";
    }

    private static String list(List<String> items) {
        if (items.size() <= MAX_NAMED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, MAX_NAMED)) + " and " + (items.size() - MAX_NAMED) + " more";
    }
}
