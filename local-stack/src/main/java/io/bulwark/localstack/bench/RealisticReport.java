package io.bulwark.localstack.bench;

import io.bulwark.localstack.bench.CaptureReport.BareFigures;
import io.bulwark.localstack.bench.CaptureReport.WorkerFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lines {@code bench capture} prints after {@link CaptureReport}: the captures of the realistic-entropy database
 * ({@link RealisticDatabase}) against their bare pipelines, and the first capture after a fresh dump-worker start.
 *
 * @param bare the bare plain pipeline on the realistic database
 * @param bareEncrypted the bare encrypted pipeline on the realistic database
 * @param plain the dump-worker without encryption on the realistic database (captures after the first)
 * @param encrypted the dump-worker with encryption on the realistic database (captures after the first)
 * @param firstRunRatios per dump-worker series at the timed scale (pgbench and realistic, plain and encrypted), the
 *     wall-clock time of its first capture after the worker started divided by the median of the matching bare
 *     pipeline; at least one
 */
public record RealisticReport(
        BareFigures bare,
        BareFigures bareEncrypted,
        WorkerFigures plain,
        WorkerFigures encrypted,
        List<Double> firstRunRatios) {

    /** Goal: the first capture after a worker starts takes at most 30% longer than the bare pipeline. */
    public static final double GOAL_RATIO_FIRST_RUN = 1.30;

    /** @throws IllegalArgumentException when a figure is missing */
    public RealisticReport {
        Objects.requireNonNull(bare, "bare");
        Objects.requireNonNull(bareEncrypted, "bareEncrypted");
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(encrypted, "encrypted");
        if (firstRunRatios == null || firstRunRatios.isEmpty()) {
            throw new IllegalArgumentException("at least one first-run ratio is needed");
        }
        firstRunRatios = List.copyOf(firstRunRatios);
    }

    /** {@code realistic_plain_ms / realistic_bare_ms}. */
    public double ratioPlain() {
        return CaptureReport.ratio(plain.millis(), bare.millis());
    }

    /** {@code realistic_encrypted_ms / realistic_bare_encrypted_ms}. */
    public double ratioEncrypted() {
        return CaptureReport.ratio(encrypted.millis(), bareEncrypted.millis());
    }

    /** The median of {@link #firstRunRatios()} (of an even number, the mean of the middle two). */
    public double ratioFirstRun() {
        List<Double> sorted = new ArrayList<>(firstRunRatios);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The printed lines: {@code realistic_bare_ms}, {@code realistic_bare_encrypted_ms}, {@code realistic_plain_ms},
     * {@code realistic_encrypted_ms}, {@code realistic_bare_bytes}, {@code realistic_plain_bytes}, {@code
     * ratio_plain_realistic}, {@code ratio_encrypted_realistic}, {@code ratio_first_run} (3 decimals), then the goals of
     * the realistic ratios (those of {@link CaptureReport}) and of the first run.
     */
    public List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add("realistic_bare_ms " + bare.millis());
        l.add("realistic_bare_encrypted_ms " + bareEncrypted.millis());
        l.add("realistic_plain_ms " + plain.millis());
        l.add("realistic_encrypted_ms " + encrypted.millis());
        l.add("realistic_bare_bytes " + bare.artifactBytes());
        l.add("realistic_plain_bytes " + plain.artifactBytes());
        l.add("ratio_plain_realistic " + CaptureReport.decimals(ratioPlain(), 3));
        l.add("ratio_encrypted_realistic " + CaptureReport.decimals(ratioEncrypted(), 3));
        l.add("ratio_first_run " + CaptureReport.decimals(ratioFirstRun(), 3));
        l.add(goal("ratio_plain_realistic", CaptureReport.GOAL_RATIO_PLAIN, ratioPlain()));
        l.add(goal("ratio_encrypted_realistic", CaptureReport.GOAL_RATIO_ENCRYPTED, ratioEncrypted()));
        l.add(goal("ratio_first_run", GOAL_RATIO_FIRST_RUN, ratioFirstRun()));
        return l;
    }

    /** {@link #lines()} joined, each ending in a newline. */
    public String render() {
        return String.join("\n", lines()) + "\n";
    }

    private static String goal(String name, double limit, double value) {
        return "goal " + name + " <= " + CaptureReport.decimals(limit, 2) + ": " + (value <= limit ? "met" : "MISSED")
                + " (" + CaptureReport.decimals(value, 3) + ")";
    }
}
