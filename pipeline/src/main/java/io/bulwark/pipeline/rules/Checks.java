package io.bulwark.pipeline.rules;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import java.util.List;

/**
 * How checks add up to an outcome, and the check results every rule builds: PASSED, FAILED, WARNING, SKIPPED and ERROR
 * (not judged). Pure functions.
 */
public final class Checks {

    /** How many differing items a detail names before it says "and N more". */
    static final int MAX_NAMED = 20;

    /** How long a detail may grow before it is cut. */
    static final int MAX_DETAIL = 4000;

    private Checks() {}

    /**
     * The outcome of a verification: FAILED when a check FAILED (the backup is proven bad, whatever else went wrong);
     * otherwise ERROR when a check could not judge ({@link CheckStatus#ERROR}: sandbox, object store, no key);
     * otherwise PASSED (WARNING and SKIPPED do not fail it).
     */
    public static Outcome outcome(List<CheckResult> checks) {
        if (checks.stream().anyMatch(c -> c.status() == CheckStatus.FAILED)) {
            return Outcome.FAILED;
        }
        return checks.stream().anyMatch(c -> c.status() == CheckStatus.ERROR) ? Outcome.ERROR : Outcome.PASSED;
    }

    /** A check that did not run, with the reason. */
    public static CheckResult skipped(String name, String reason) {
        return new CheckResult(name, CheckStatus.SKIPPED, "not run: " + reason, 0);
    }

    /** A check that FAILED with {@code detail}. */
    public static CheckResult failed(String name, String detail, long durationMillis) {
        return new CheckResult(name, CheckStatus.FAILED, cap(detail), durationMillis);
    }

    /** A check that PASSED with {@code detail}. */
    public static CheckResult passed(String name, String detail, long durationMillis) {
        return new CheckResult(name, CheckStatus.PASSED, cap(detail), durationMillis);
    }

    /** A check that found something to look at that does not fail the backup. */
    public static CheckResult warning(String name, String detail, long durationMillis) {
        return new CheckResult(name, CheckStatus.WARNING, cap(detail), durationMillis);
    }

    /** A check that could not judge because of an infrastructure problem: {@code detail} says which. */
    public static CheckResult error(String name, String detail, long durationMillis) {
        return new CheckResult(name, CheckStatus.ERROR, cap(detail), durationMillis);
    }

    /** {@code detail} cut to {@value #MAX_DETAIL} characters. */
    static String cap(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "...";
    }

    /** The first {@value #MAX_NAMED} items, comma-separated, and how many more. */
    static String list(List<String> items) {
        if (items.size() <= MAX_NAMED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, MAX_NAMED)) + " and " + (items.size() - MAX_NAMED) + " more";
    }
}
