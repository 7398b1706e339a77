package io.bulwark.pipeline.rules;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one target asks of its verification beyond the manifest ({@code bulwark.targets.<id>.verification}).
 *
 * @param criticalTables tables ({@code schema.table}; MariaDB {@code database.table}) that must be
 *     restored and hold rows
 * @param assertions SQL statements each answering one value that must equal the expected text
 * @param rto the longest the download and restore may take, or null when not set
 */
public record VerificationSettings(List<String> criticalTables, List<Assertion> assertions, Duration rto) {

    /** No settings: no critical tables, no assertions, no RTO. */
    public static final VerificationSettings NONE = new VerificationSettings(null, null, null);

    public VerificationSettings {
        criticalTables = criticalTables == null ? List.of() : List.copyOf(criticalTables);
        assertions = assertions == null ? List.of() : List.copyOf(assertions);
    }

    /**
     * @param name the check is named {@code assertion:<name>}
     * @param sql a query answering a single value, run in the restored database
     * @param expect the value's text that passes
     */
    public record Assertion(String name, String sql, String expect) {
        public Assertion {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sql, "sql");
        }
    }
}
