package io.bulwark.engines;

import java.util.List;

/**
 * What an engine's consistency checker found ({@link InspectEngine#checkIndexes}).
 *
 * @param method the checker, e.g. {@code amcheck bt_index_check} or {@code CHECK TABLE}
 * @param what what it checks, plural, e.g. {@code btree indexes} or {@code tables}
 * @param checked how many it checked
 * @param failures one line per corrupt index or table, naming it and quoting the checker
 * @param notRunReason why the checker could not run (not installed), null when it ran
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
