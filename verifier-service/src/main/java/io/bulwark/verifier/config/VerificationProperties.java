package io.bulwark.verifier.config;

import io.bulwark.pipeline.rules.VerificationSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Each target's verification settings ({@code bulwark.targets.<id>.verification.*}, the shared
 * targets file; other target settings are ignored here).
 *
 * <pre>
 * bulwark:
 *   targets:
 *     chinook:
 *       verification:
 *         critical-tables: [public.invoice, public.customer]
 *         assertions:
 *           - name: invoices-2025
 *             sql: SELECT count(*) FROM invoice WHERE invoice_date &gt;= '2025-01-01'
 *             expect: "412"
 *         rto: 30m
 * </pre>
 *
 * @param targets each target's settings by id
 */
@ConfigurationProperties("bulwark")
public record VerificationProperties(Map<String, Target> targets) {

    public VerificationProperties {
        targets = targets == null ? Map.of() : new LinkedHashMap<>(targets);
    }

    /** The settings of {@code targetId}, {@link VerificationSettings#NONE} when it has none. */
    public VerificationSettings forTarget(String targetId) {
        Target target = targets.get(targetId);
        if (target == null || target.verification() == null) {
            return VerificationSettings.NONE;
        }
        Verification v = target.verification();
        return new VerificationSettings(
                v.criticalTables(),
                v.assertions().stream()
                        .map(a -> new VerificationSettings.Assertion(a.name(), a.sql(), a.expect()))
                        .toList(),
                v.rto());
    }

    /** @param verification the target's verification settings, or null */
    public record Target(Verification verification) {}

    /**
     * @param criticalTables {@code schema.table} names that must be restored with rows
     * @param assertions single-value queries and their expected text
     * @param rto the longest download and restore may take, or null
     */
    public record Verification(List<String> criticalTables, List<Assertion> assertions, Duration rto) {
        public Verification {
            criticalTables = criticalTables == null ? List.of() : List.copyOf(criticalTables);
            assertions = assertions == null ? List.of() : List.copyOf(assertions);
            for (Assertion a : assertions) {
                if (a.name() == null
                        || a.name().isBlank()
                        || a.sql() == null
                        || a.sql().isBlank()) {
                    throw new IllegalArgumentException(
                            "invalid Bulwark configuration: every bulwark.targets.<id>.verification.assertions entry"
                                    + " needs a name and an sql");
                }
            }
        }
    }

    /**
     * @param name names the check {@code assertion:<name>}
     * @param sql a query answering one value
     * @param expect the value's expected text
     */
    public record Assertion(String name, String sql, String expect) {}
}
