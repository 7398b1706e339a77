package io.bulwark.localstack.bench;

import java.util.List;

/**
 * The figures of {@code bulwark bench restore} and how they are printed: {@code bare_ms}, {@code restore_ms}, {@code
 * ratio} (restore_ms / bare_ms), {@code bare_jobs_ms}, {@code restore_jobs_ms}, {@code ratio_jobs} (restore_jobs_ms /
 * bare_jobs_ms), 3 decimals, and the goals {@code ratio <= 1.15} and {@code ratio_jobs <= 1.15}. Every {@code *_ms}
 * figure is the median of the runs, in milliseconds.
 *
 * @param bareMillis {@code zstd -dc | pg_restore} into a fresh database, each run
 * @param restoreMillis Bulwark's streamed restore including its proof, each run
 * @param bareJobsMillis {@code pg_restore -j 2} of the decoded archive file, each run
 * @param restoreJobsMillis Bulwark's restore with {@code --jobs 2} including its proof, each run
 */
record RestoreBenchReport(
        List<Long> bareMillis, List<Long> restoreMillis, List<Long> bareJobsMillis, List<Long> restoreJobsMillis) {

    /** The goal on both ratios. */
    static final double RATIO_GOAL = 1.15;

    RestoreBenchReport {
        bareMillis = List.copyOf(bareMillis);
        restoreMillis = List.copyOf(restoreMillis);
        bareJobsMillis = List.copyOf(bareJobsMillis);
        restoreJobsMillis = List.copyOf(restoreJobsMillis);
        if (bareMillis.isEmpty()
                || restoreMillis.isEmpty()
                || bareJobsMillis.isEmpty()
                || restoreJobsMillis.isEmpty()) {
            throw new IllegalArgumentException("every figure needs at least one run");
        }
    }

    long bareMs() {
        return CaptureReport.median(bareMillis);
    }

    long restoreMs() {
        return CaptureReport.median(restoreMillis);
    }

    long bareJobsMs() {
        return CaptureReport.median(bareJobsMillis);
    }

    long restoreJobsMs() {
        return CaptureReport.median(restoreJobsMillis);
    }

    /** {@code restore_ms / bare_ms}; a bare time of 0 ms counts as 1 ms. */
    double ratio() {
        return (double) restoreMs() / Math.max(1, bareMs());
    }

    /** {@code restore_jobs_ms / bare_jobs_ms}; a bare time of 0 ms counts as 1 ms. */
    double ratioJobs() {
        return (double) restoreJobsMs() / Math.max(1, bareJobsMs());
    }

    /** The per-run lines (when more than one run), the figure lines and the goal lines, each ending in a newline. */
    String render() {
        StringBuilder out = new StringBuilder();
        if (bareMillis.size() > 1) {
            out.append("# runs (ms): bare ")
                    .append(bareMillis)
                    .append(", restore ")
                    .append(restoreMillis)
                    .append(", bare_jobs ")
                    .append(bareJobsMillis)
                    .append(", restore_jobs ")
                    .append(restoreJobsMillis)
                    .append('\n');
        }
        String ratio = CaptureReport.decimals(ratio(), 3);
        String ratioJobs = CaptureReport.decimals(ratioJobs(), 3);
        out.append("bare_ms ").append(bareMs()).append('\n');
        out.append("restore_ms ").append(restoreMs()).append('\n');
        out.append("ratio ").append(ratio).append('\n');
        out.append("bare_jobs_ms ").append(bareJobsMs()).append('\n');
        out.append("restore_jobs_ms ").append(restoreJobsMs()).append('\n');
        out.append("ratio_jobs ").append(ratioJobs).append('\n');
        String goal = CaptureReport.decimals(RATIO_GOAL, 2);
        out.append(goal(
                "ratio <= " + goal,
                ratio() <= RATIO_GOAL,
                "ratio " + ratio + " = restore_ms " + restoreMs() + " / bare_ms " + bareMs()));
        out.append(goal(
                "ratio_jobs <= " + goal,
                ratioJobs() <= RATIO_GOAL,
                "ratio_jobs " + ratioJobs + " = restore_jobs_ms " + restoreJobsMs() + " / bare_jobs_ms "
                        + bareJobsMs()));
        return out.toString();
    }

    private static String goal(String goal, boolean met, String why) {
        return "goal " + goal + ": " + (met ? "met" : "MISSED") + " (" + why + ")\n";
    }
}
