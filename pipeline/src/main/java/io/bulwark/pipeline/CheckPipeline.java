package io.bulwark.pipeline;

import io.bulwark.artifacts.Manifest;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SourceHealth;
import io.bulwark.contracts.TableRows;
import io.bulwark.engines.InspectEngine.QueryAnswer;
import io.bulwark.engines.RestorePlan;
import io.bulwark.engines.RestoreSelection;
import io.bulwark.pipeline.rules.CheckNames;
import io.bulwark.pipeline.rules.Checks;
import io.bulwark.pipeline.rules.ComparisonRules;
import io.bulwark.pipeline.rules.ConsistencyRules;
import io.bulwark.pipeline.rules.TargetRules;
import io.bulwark.pipeline.rules.VerificationSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The check pipeline: compares a restored database with its manifest, for what was restored, and judges its
 * consistency against the source's own state at dump time. The checks, in report order: {@code tables}, {@code
 * row-counts}, {@code schema}, {@code large-objects}, {@code foreign-keys}, {@code indexes} (only where asked: it
 * creates the {@code amcheck} extension, fine in a sandbox, not in an operator's database), {@code sequences}, {@code
 * source-health}, {@code partial} (a partial restore's foreign keys left out), then the target's own: {@code
 * critical-tables}, {@code assertion:<name>} (whole restores only) and {@code rto}.
 *
 * <p>A restored database that cannot be read makes the checks that needed it ERROR (not judged). Stateless and
 * thread-safe; the {@link Inspection} is the caller's.
 */
public final class CheckPipeline {

    /**
     * What to check.
     *
     * @param selection what the restore was asked for
     * @param plan the partial restore's plan, null for a whole restore
     * @param checkIndexes run the engine's index checker ({@code amcheck}, {@code CHECK TABLE})
     * @param othersAllowed the database may hold tables and objects the manifest does not list (a restore into an
     *     existing database, a partial restore's supporting types and functions)
     * @param target the target's own checks
     */
    public record Scope(
            RestoreSelection selection,
            RestorePlan plan,
            boolean checkIndexes,
            boolean othersAllowed,
            VerificationSettings target) {

        public Scope {
            selection = selection == null ? RestoreSelection.EVERYTHING : selection;
            target = target == null ? VerificationSettings.NONE : target;
        }

        /** A verification's scope: everything, exactly, with the index checker. */
        public static Scope verification(VerificationSettings target) {
            return new Scope(RestoreSelection.EVERYTHING, null, true, false, target);
        }
    }

    /**
     * What the checks found.
     *
     * @param checks every check, in report order
     * @param tables per-table source and restored counts of what was to be restored
     * @param restored the restored database's inventory, null when it could not be read
     * @param checksMillis how long the checks took, in milliseconds
     */
    public record Result(
            List<CheckResult> checks, List<TableRows> tables, SchemaInventory restored, long checksMillis) {}

    /**
     * Runs the checks.
     *
     * @param restoreMillis the measured restore time, in milliseconds, judged against the target's RTO
     */
    public Result run(Inspection inspection, Manifest manifest, Scope scope, long restoreMillis) {
        long started = System.nanoTime();
        String sourceDatabase = isMariaDb(manifest) ? manifest.source().database() : null;
        SchemaInventory expected =
                ExpectedInventory.of(manifest.inventory(), scope.selection(), scope.plan(), sourceDatabase);
        boolean partial = scope.plan() != null;
        boolean othersAllowed = scope.othersAllowed() || partial;
        SourceHealth health = manifest.sourceHealth();
        List<CheckResult> checks = new ArrayList<>();
        SchemaInventory restored = null;
        List<TableRows> tables;
        try {
            restored = inspection.inventory();
        } catch (InspectionException e) {
            checks.add(Checks.error(CheckNames.TABLES, "could not read the restored database: " + e.getMessage(), 0));
            for (String name : List.of(
                    CheckNames.ROW_COUNTS,
                    CheckNames.SCHEMA,
                    CheckNames.LARGE_OBJECTS,
                    CheckNames.FOREIGN_KEYS,
                    CheckNames.INDEXES,
                    CheckNames.SEQUENCES)) {
                checks.add(Checks.skipped(name, "the restored database could not be read"));
            }
        }
        if (restored != null) {
            long inventoryMillis = millisSince(started);
            checks.add(ComparisonRules.tables(expected, restored, scope.othersAllowed(), 0));
            checks.add(ComparisonRules.rowCounts(expected, restored, inventoryMillis));
            checks.add(ComparisonRules.schema(expected, restored, othersAllowed, 0));
            checks.add(
                    ComparisonRules.largeObjects(partial ? null : expected.largeObjects(), restored.largeObjects(), 0));
            Set<String> leftOut = partial
                    ? new HashSet<>(ExpectedInventory.leftOutConstraints(scope.plan(), sourceDatabase))
                    : Set.of();
            checks.add(query(
                    CheckNames.FOREIGN_KEYS,
                    ms -> ConsistencyRules.foreignKeys(
                            inspection.foreignKeyOrphans().stream()
                                    .filter(k -> !leftOut.contains(k.constraint()))
                                    .toList(),
                            health,
                            ms.getAsLong())));
            checks.add(
                    scope.checkIndexes()
                            ? query(
                                    CheckNames.INDEXES,
                                    ms -> ConsistencyRules.indexes(inspection.checkIndexes(), ms.getAsLong()))
                            : Checks.skipped(
                                    CheckNames.INDEXES,
                                    "the index checker runs in verification sandboxes only (amcheck would be"
                                            + " installed into this database)"));
            checks.add(query(
                    CheckNames.SEQUENCES,
                    ms -> ConsistencyRules.sequences(inspection.sequences(), health, ms.getAsLong())));
        }
        checks.add(ConsistencyRules.sourceHealth(health));
        if (partial) {
            checks.add(partialCheck(scope.plan(), sourceDatabase != null));
        }
        tables = ComparisonRules.tableRows(expected, restored);
        targetChecks(inspection, scope, restored, partial, restoreMillis, checks);
        return new Result(checks, tables, restored, millisSince(started));
    }

    private static CheckResult partialCheck(RestorePlan plan, boolean dangling) {
        String restoredTables = plan.tables().size() + " tables restored"
                + (plan.leftOut().isEmpty()
                        ? ""
                        : "; left out as they need what is not restored: " + String.join(", ", plan.leftOut()));
        if (plan.leftOutForeignKeys().isEmpty() && plan.leftOut().isEmpty()) {
            return Checks.passed(CheckNames.PARTIAL, restoredTables + "; no foreign key points at a table left out", 0);
        }
        return Checks.warning(
                CheckNames.PARTIAL,
                restoredTables + "; " + plan.leftOutForeignKeys().size()
                        + " foreign keys point at a table left out and "
                        + (dangling
                                ? "were restored dangling (not enforced for the rows already there): "
                                : "were not restored: ")
                        + String.join(", ", plan.leftOutForeignKeys()),
                0);
    }

    private static void targetChecks(
            Inspection inspection,
            Scope scope,
            SchemaInventory restored,
            boolean partial,
            long restoreMillis,
            List<CheckResult> checks) {
        VerificationSettings target = scope.target();
        if (!target.criticalTables().isEmpty()) {
            if (partial) {
                checks.add(Checks.skipped(CheckNames.CRITICAL_TABLES, "a partial restore"));
            } else if (restored == null) {
                checks.add(Checks.skipped(CheckNames.CRITICAL_TABLES, "the restored database could not be read"));
            } else {
                checks.add(TargetRules.criticalTables(target.criticalTables(), restored, 0));
            }
        }
        for (VerificationSettings.Assertion assertion : target.assertions()) {
            String name = CheckNames.ASSERTION_PREFIX + assertion.name();
            if (partial) {
                checks.add(Checks.skipped(name, "a partial restore"));
                continue;
            }
            checks.add(query(name, ms -> {
                QueryAnswer answer = inspection.query(assertion.sql());
                return TargetRules.assertion(
                        assertion.name(), assertion.expect(), answer.value(), answer.error(), ms.getAsLong());
            }));
        }
        checks.add(TargetRules.rto(target.rto(), restoreMillis));
    }

    /**
     * Runs a check that queries the restored database: {@code check} queries, then judges with the milliseconds since
     * the start; a database that cannot be queried makes the check ERROR.
     */
    private static CheckResult query(String name, Function<LongSupplier, CheckResult> check) {
        long started = System.nanoTime();
        try {
            return check.apply(() -> millisSince(started));
        } catch (InspectionException e) {
            return Checks.error(name, "could not query the restored database: " + e.getMessage(), millisSince(started));
        }
    }

    private static boolean isMariaDb(Manifest manifest) {
        return manifest.source() != null
                && manifest.source().engine() != null
                && !manifest.source().engine().equalsIgnoreCase("postgresql");
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
