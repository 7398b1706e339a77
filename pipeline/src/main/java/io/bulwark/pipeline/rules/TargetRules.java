package io.bulwark.pipeline.rules;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.SchemaInventory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of a target's own checks ({@code bulwark.targets.<id>.verification}): critical tables, assertions, the
 * recovery time objective. Pure functions.
 */
public final class TargetRules {

    private TargetRules() {}

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
            parts.add(missing.size() + " missing: " + Checks.list(missing));
        }
        if (!empty.isEmpty()) {
            parts.add(empty.size() + " empty: " + Checks.list(empty));
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
            return new CheckResult(check, CheckStatus.FAILED, Checks.cap("the query failed: " + error), durationMillis);
        }
        if (Objects.equals(expect, actual)) {
            return new CheckResult(check, CheckStatus.PASSED, "answered '" + actual + "' as expected", durationMillis);
        }
        return new CheckResult(
                check,
                CheckStatus.FAILED,
                Checks.cap("expected " + quote(expect) + " but the restored database answered " + quote(actual)),
                durationMillis);
    }

    /**
     * The recovery time objective: WARNING when download and restore took longer than {@code rto}
     * (the backup restores, only too slowly, so the outcome is not FAILED), PASSED otherwise,
     * SKIPPED when the target sets none.
     */
    public static CheckResult rto(Duration rto, long restoreMillis) {
        if (rto == null) {
            return Checks.skipped(CheckNames.RTO, "the target sets no rto");
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

    private static Map<String, Long> rowsByName(SchemaInventory inventory) {
        Map<String, Long> rows = new LinkedHashMap<>();
        inventory.tables().forEach(t -> rows.put(t.qualifiedName(), t.rows()));
        return rows;
    }
}
