package io.bulwark.localstack.bench;

import java.util.List;

/**
 * The figures of {@code bulwark bench verify} and how they are printed: {@code bare_ms}, {@code verify_ms}, {@code
 * ratio} (verify_ms / bare_ms, 3 decimals), {@code sandbox_ready_ms}, {@code restore_ms} and the goals {@code ratio <=
 * 1.3} and {@code sandbox_ready_ms <= 2000}. Every {@code *_ms} figure is the median of the runs, in milliseconds.
 *
 * @param bareMillis wall-clock milliseconds of each run of the bare restore script
 * @param verifyMillis milliseconds from the bench receiving {@code BackupCompleted} to receiving {@code
 *     BackupVerified}, each run
 * @param sandboxMillis the verifier's own {@code timings.sandboxMillis} (starting the sandbox), each run
 * @param restoreMillis the verifier's own {@code timings.restoreMillis}, each run
 */
record VerifyReport(
        List<Long> bareMillis, List<Long> verifyMillis, List<Long> sandboxMillis, List<Long> restoreMillis) {

    /** The goal on {@link #ratio()}. */
    static final double RATIO_GOAL = 1.3;

    /** The goal on {@link #sandboxReadyMs()}, milliseconds. */
    static final long SANDBOX_READY_GOAL_MS = 2000;

    VerifyReport {
        bareMillis = List.copyOf(bareMillis);
        verifyMillis = List.copyOf(verifyMillis);
        sandboxMillis = List.copyOf(sandboxMillis);
        restoreMillis = List.copyOf(restoreMillis);
        if (bareMillis.isEmpty() || verifyMillis.isEmpty() || sandboxMillis.isEmpty() || restoreMillis.isEmpty()) {
            throw new IllegalArgumentException("every figure needs at least one run");
        }
    }

    long bareMs() {
        return CaptureReport.median(bareMillis);
    }

    long verifyMs() {
        return CaptureReport.median(verifyMillis);
    }

    long sandboxReadyMs() {
        return CaptureReport.median(sandboxMillis);
    }

    long restoreMs() {
        return CaptureReport.median(restoreMillis);
    }

    /** {@code verify_ms / bare_ms}; a bare time of 0 ms counts as 1 ms. */
    double ratio() {
        return (double) verifyMs() / Math.max(1, bareMs());
    }

    /** The figure lines and the goal lines, each ending in a newline. */
    String render() {
        String ratio = CaptureReport.decimals(ratio(), 3);
        StringBuilder out = new StringBuilder();
        out.append("bare_ms ").append(bareMs()).append('\n');
        out.append("verify_ms ").append(verifyMs()).append('\n');
        out.append("ratio ").append(ratio).append('\n');
        out.append("sandbox_ready_ms ").append(sandboxReadyMs()).append('\n');
        out.append("restore_ms ").append(restoreMs()).append('\n');
        out.append(goal(
                "ratio <= " + CaptureReport.decimals(RATIO_GOAL, 1),
                ratio() <= RATIO_GOAL,
                "ratio " + ratio + " = verify_ms " + verifyMs() + " / bare_ms " + bareMs()));
        out.append(goal(
                "sandbox_ready_ms <= " + SANDBOX_READY_GOAL_MS,
                sandboxReadyMs() <= SANDBOX_READY_GOAL_MS,
                "sandbox_ready_ms " + sandboxReadyMs()));
        return out.toString();
    }

    private static String goal(String goal, boolean met, String why) {
        return "goal " + goal + ": " + (met ? "met" : "MISSED") + " (" + why + ")\n";
    }
}
