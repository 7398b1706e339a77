package io.bulwark.localstack.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures of one {@code bench capture} and the lines it prints: {@code key value} lines a script can grep, then one
 * {@code goal ...} line per goal saying whether it is met. Wall-clock figures are the median of the runs.
 *
 * @param scale the pgbench scale the timings were taken at
 * @param bare the bare {@code pg_dump | zstd | tee | sha256sum} pipeline
 * @param bareEncrypted the bare pipeline with {@code gpg --encrypt} after {@code zstd}, what {@code ratio_encrypted}
 *     compares with; null to compare the encrypted capture with {@code bare}
 * @param plain the dump-worker without encryption
 * @param encrypted the dump-worker with encryption to an OpenPGP public key
 * @param heapMbByScale live heap of the dump-worker (MB, the larger of its plain and encrypted series; what a full
 *     collection between captures left) per pgbench scale; holds
 *     {@code scale}; kept in ascending order of scale
 */
public record CaptureReport(
        int scale,
        BareFigures bare,
        BareFigures bareEncrypted,
        WorkerFigures plain,
        WorkerFigures encrypted,
        Map<Integer, Double> heapMbByScale) {

    /** Goal: the plain capture takes at most 10% longer than the bare pipeline. */
    public static final double GOAL_RATIO_PLAIN = 1.10;
    /** Goal: the encrypted capture takes at most 20% longer than the bare encrypted pipeline. */
    public static final double GOAL_RATIO_ENCRYPTED = 1.20;
    /** Goal: the live heap differs by at most 10% between scales (it does not grow with the database). */
    public static final double GOAL_HEAP_SPREAD = 0.10;
    /** Goal: the live heap stays within 256 MB (the worker's {@code -Xmx}). */
    public static final double GOAL_HEAP_MB = 256;

    /**
     * What the bare pipeline measured.
     *
     * @param wallMillis wall-clock milliseconds of each run
     * @param artifactBytes size of the file it wrote, in bytes
     */
    public record BareFigures(List<Long> wallMillis, long artifactBytes) {
        public BareFigures {
            wallMillis = requireRuns(wallMillis);
        }

        /** The median wall-clock time, in milliseconds. */
        public long millis() {
            return median(wallMillis);
        }
    }

    /**
     * What the dump-worker measured in one mode (plain or encrypted).
     *
     * @param wallMillis milliseconds from publishing each {@code BackupRequested} to receiving its {@code
     *     BackupCompleted}
     * @param dumpMillis each {@code BackupCompleted}'s own {@code dumpMillis}
     * @param artifactBytes stored size of the last run's artifact, in bytes
     * @param liveHeapMb the live heap of the runs: the most a full collection between them left (the largest heap after
     *     any collection when none was forced), in MB (2^20 bytes)
     * @param artifactEncrypted true when the artifact is OpenPGP-encrypted (its key ends in {@code .gpg} or its codec
     *     chain names OpenPGP)
     */
    public record WorkerFigures(
            List<Long> wallMillis,
            List<Long> dumpMillis,
            long artifactBytes,
            double liveHeapMb,
            boolean artifactEncrypted) {
        public WorkerFigures {
            wallMillis = requireRuns(wallMillis);
            dumpMillis = requireRuns(dumpMillis);
        }

        /** The median wall-clock time, in milliseconds. */
        public long millis() {
            return median(wallMillis);
        }

        /** The median of the events' own {@code dumpMillis}. */
        public long eventDumpMillis() {
            return median(dumpMillis);
        }
    }

    /** @throws IllegalArgumentException when a figure is missing or the heap of {@code scale} is not given */
    public CaptureReport {
        Objects.requireNonNull(bare, "bare");
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(encrypted, "encrypted");
        heapMbByScale = Collections.unmodifiableSortedMap(new TreeMap<>(heapMbByScale));
        if (!heapMbByScale.containsKey(scale)) {
            throw new IllegalArgumentException("no heap figure for scale " + scale);
        }
    }

    /** {@code plain_ms / bare_ms}. */
    public double ratioPlain() {
        return ratio(plain.millis(), bare.millis());
    }

    /** A report whose encrypted capture is compared with the plain bare pipeline. */
    public CaptureReport(
            int scale,
            BareFigures bare,
            WorkerFigures plain,
            WorkerFigures encrypted,
            Map<Integer, Double> heapMbByScale) {
        this(scale, bare, null, plain, encrypted, heapMbByScale);
    }

    /** {@code encrypted_ms / bare_encrypted_ms}, or {@code encrypted_ms / bare_ms} without a bare encrypted figure. */
    public double ratioEncrypted() {
        return ratio(encrypted.millis(), (bareEncrypted != null ? bareEncrypted : bare).millis());
    }

    /**
     * The printed lines: {@code bare_ms}, {@code plain_ms}, {@code plain_dump_ms}, {@code encrypted_ms}, {@code
     * encrypted_dump_ms}, {@code ratio_plain}, {@code ratio_encrypted} (3 decimals), {@code heap_mb_s<N>} per scale
     * (1 decimal), the artifact sizes in bytes, then the goals.
     */
    public List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add("bare_ms " + bare.millis());
        if (bareEncrypted != null) {
            l.add("bare_encrypted_ms " + bareEncrypted.millis());
        }
        l.add("plain_ms " + plain.millis());
        l.add("plain_dump_ms " + plain.eventDumpMillis());
        l.add("encrypted_ms " + encrypted.millis());
        l.add("encrypted_dump_ms " + encrypted.eventDumpMillis());
        l.add("ratio_plain " + decimals(ratioPlain(), 3));
        l.add("ratio_encrypted " + decimals(ratioEncrypted(), 3));
        heapMbByScale.forEach((s, mb) -> l.add("heap_mb_s" + s + " " + decimals(mb, 1)));
        l.add("bare_bytes " + bare.artifactBytes());
        l.add("plain_bytes " + plain.artifactBytes());
        l.add("encrypted_bytes " + encrypted.artifactBytes());
        l.add(goal("ratio_plain <= " + decimals(GOAL_RATIO_PLAIN, 2), ratioPlain() <= GOAL_RATIO_PLAIN) + " ("
                + decimals(ratioPlain(), 3) + ")");
        if (encrypted.artifactEncrypted()) {
            l.add(goal(
                            "ratio_encrypted <= " + decimals(GOAL_RATIO_ENCRYPTED, 2),
                            ratioEncrypted() <= GOAL_RATIO_ENCRYPTED)
                    + " (" + decimals(ratioEncrypted(), 3) + ")");
        } else {
            l.add("goal ratio_encrypted <= " + decimals(GOAL_RATIO_ENCRYPTED, 2)
                    + ": NOT MEASURED (the artifact of the encrypted run is not encrypted: this dump-worker ignores"
                    + " the target's encryption settings)");
        }
        l.add(heapSpreadGoal());
        Map.Entry<Integer, Double> peak = heapMbByScale.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow();
        l.add(goal("heap <= " + decimals(GOAL_HEAP_MB, 0) + " MB", peak.getValue() <= GOAL_HEAP_MB) + " (peak "
                + decimals(peak.getValue(), 1) + " MB at s" + peak.getKey() + ")");
        return l;
    }

    /** {@link #lines()} joined, each ending in a newline. */
    public String render() {
        return String.join("\n", lines()) + "\n";
    }

    private String heapSpreadGoal() {
        String name = "heap flat within " + decimals(GOAL_HEAP_SPREAD * 100, 0) + "% between scales";
        if (heapMbByScale.size() < 2) {
            return "goal " + name + ": NOT MEASURED (one scale only: s"
                    + heapMbByScale.keySet().iterator().next() + "; use --heap-scales 10,50)";
        }
        double min = Collections.min(heapMbByScale.values());
        double max = Collections.max(heapMbByScale.values());
        double spread = heapSpread(heapMbByScale);
        StringBuilder figures = new StringBuilder();
        heapMbByScale.forEach((s, mb) -> figures.append(figures.isEmpty() ? "" : ", ")
                .append('s')
                .append(s)
                .append(' ')
                .append(decimals(mb, 1))
                .append(" MB"));
        return goal(name, spread <= GOAL_HEAP_SPREAD) + " (" + figures + ": max " + decimals(max, 1) + " is "
                + decimals(spread * 100, 1) + "% above min " + decimals(min, 1) + ")";
    }

    /**
     * How far the largest heap figure is above the smallest, as a fraction of the smallest.
     *
     * @param heapMbByScale at least one figure, all positive
     * @return {@code (max - min) / min}
     */
    static double heapSpread(Map<Integer, Double> heapMbByScale) {
        double min = Collections.min(heapMbByScale.values());
        double max = Collections.max(heapMbByScale.values());
        return min <= 0 ? Double.POSITIVE_INFINITY : (max - min) / min;
    }

    /**
     * The median of some measurements; of an even number, the mean of the middle two rounded half up.
     *
     * @param values at least one value
     * @return the median
     */
    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(requireRuns(values));
        Collections.sort(sorted);
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
    }

    static double ratio(long numerator, long denominator) {
        return denominator <= 0 ? Double.POSITIVE_INFINITY : (double) numerator / denominator;
    }

    static String decimals(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String goal(String name, boolean met) {
        return "goal " + name + ": " + (met ? "met" : "MISSED");
    }

    private static List<Long> requireRuns(List<Long> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("at least one run is needed");
        }
        return List.copyOf(values);
    }
}
