package io.bulwark.pipeline;

import io.bulwark.contracts.SchemaInventory;
import io.bulwark.engines.RestorePlan;
import io.bulwark.engines.RestoreSelection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a restore must bring back, from the manifest's inventory: all of it for a whole restore; for a partial restore
 * the tables of the plan, the indexes, constraints, triggers and policies of those tables (less the foreign keys left
 * out), the sequences the plan names, and every object of a schema chosen whole. Pure.
 */
final class ExpectedInventory {

    private ExpectedInventory() {}

    /**
     * @param manifest the manifest's inventory
     * @param selection what was asked for
     * @param plan the partial restore's plan, null for a whole restore
     * @param sourceDatabase the source database's name, which qualifies MySQL/MariaDB names (the plan names bare
     *     tables there); null on PostgreSQL
     */
    static SchemaInventory of(
            SchemaInventory manifest, RestoreSelection selection, RestorePlan plan, String sourceDatabase) {
        if (plan == null) {
            return manifest;
        }
        Set<String> tables = new HashSet<>();
        for (String table : plan.tables()) {
            tables.add(
                    sourceDatabase != null && !table.startsWith(sourceDatabase + ".")
                            ? sourceDatabase + "." + table
                            : table);
        }
        Set<String> schemas = new HashSet<>(selection.schemas());
        Set<String> objects = new HashSet<>(plan.objects());
        Set<String> leftOut = new HashSet<>(leftOutConstraints(plan, sourceDatabase));
        leftOut.addAll(plan.leftOutNames());
        Predicate<String> inSchema = name -> schemas.contains(name.substring(0, Math.max(0, name.indexOf('.'))));
        Predicate<String> ofTable = name -> {
            int last = name.lastIndexOf('.');
            return last > 0 && tables.contains(name.substring(0, last));
        };
        Predicate<String> tableObject = name -> (ofTable.test(name) || inSchema.test(name)) && !leftOut.contains(name);
        Predicate<String> named = name -> (objects.contains(name) || inSchema.test(name)) && !leftOut.contains(name);
        return new SchemaInventory(
                manifest.tables().stream()
                        .filter(t -> tables.contains(t.qualifiedName()) || schemas.contains(t.schema()))
                        .toList(),
                filter(manifest.views(), named),
                filter(manifest.materializedViews(), named),
                filter(manifest.sequences(), named),
                filter(manifest.functions(), inSchema),
                filter(manifest.indexes(), tableObject),
                filter(manifest.constraints(), tableObject),
                filter(manifest.triggers(), tableObject),
                filter(manifest.policies(), tableObject),
                List.of(),
                List.of(),
                null);
    }

    /**
     * The constraints of {@link RestorePlan#leftOutForeignKeys()}, each written {@code constraint -> table}, qualified
     * as the inventory qualifies them (MySQL/MariaDB names get the source database in front).
     *
     * @param sourceDatabase the source database's name on MySQL/MariaDB, null on PostgreSQL
     */
    static List<String> leftOutConstraints(RestorePlan plan, String sourceDatabase) {
        return plan.leftOutForeignKeys().stream()
                .map(entry -> {
                    int arrow = entry.indexOf(" -> ");
                    String constraint = arrow < 0 ? entry : entry.substring(0, arrow);
                    return sourceDatabase == null || constraint.startsWith(sourceDatabase + ".")
                            ? constraint
                            : sourceDatabase + "." + constraint;
                })
                .toList();
    }

    private static List<String> filter(List<String> names, Predicate<String> keep) {
        return names.stream().filter(keep).toList();
    }
}
