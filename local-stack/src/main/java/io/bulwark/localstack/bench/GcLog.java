package io.bulwark.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a JVM's garbage-collection log ({@code -Xlog:gc:file=...}, JDK unified logging) for the heap that
 * stayed in use after each collection, e.g. {@code GC(3) Pause Young (Normal) (G1 Evacuation Pause)
 * 25M->8M(256M) 3.456ms}: the live heap, as opposed to a sample of the used heap, which also counts garbage
 * not yet collected and so mostly reflects how large the collector lets the young generation grow.
 */
final class GcLog {

    private static final Pattern AFTER = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    /** How the unified log names a full collection forced by {@code jcmd GC.run}. */
    static final String FORCED = "Pause Full (Diagnostic Command)";

    private static final Pattern UPTIME = Pattern.compile("^\\[(\\d+(?:\\.\\d+)?)s\\]");

    private GcLog() {}

    /** The JVM option that writes the log to {@code file}. */
    static String option(Path file) {
        return "-Xlog:gc:file=" + file.toAbsolutePath();
    }

    /**
     * The largest heap in use after a collection, in MB, over the whole log; 0 when it names no collection.
     *
     * @throws IOException when the file cannot be read
     */
    static long peakAfterGcMb(Path file) throws IOException {
        return peakAfterGcMb(file, 0);
    }

    /**
     * The largest heap in use after a collection, in MB, over the collections logged at or after {@code
     * fromUptimeSeconds} of the JVM's uptime (the log's default {@code [12.345s]} decoration; a line without it
     * counts); 0 when there is none. So a series can leave out the start-up and its warm-up.
     *
     * @throws IOException when the file cannot be read
     */
    static long peakAfterGcMb(Path file, double fromUptimeSeconds) throws IOException {
        return maxAfterMb(file, line -> uptimeSeconds(line) >= fromUptimeSeconds);
    }

    /**
     * The largest heap left after a full collection that {@code jcmd <pid> GC.run} forced ({@link WorkerGc}, logged as
     * {@code Pause Full (Diagnostic Command)}), in MB, over those logged at or after {@code fromUptimeSeconds}; 0 when
     * there is none. Unlike {@link #peakAfterGcMb(Path, double)}, which also counts the young collections that land
     * mid-capture (and with them the buffers in flight and whatever old garbage is left), this is the heap the worker
     * keeps between captures: what would grow if something leaked or were cached per database.
     *
     * @throws IOException when the file cannot be read
     */
    static long retainedAfterForcedGcMb(Path file, double fromUptimeSeconds) throws IOException {
        return maxAfterMb(file, line -> line.contains(FORCED) && uptimeSeconds(line) >= fromUptimeSeconds);
    }

    /**
     * The live heap of a series, in MB: {@code retainedMb} ({@link #retainedAfterForcedGcMb(Path, double)}), or, when
     * no collection was forced ({@code jcmd} missing or failed, so it is 0), {@code peakMb} ({@link
     * #peakAfterGcMb(Path, double)}). After a young collection the heap still holds the buffers in flight and, under
     * the parallel collector, the old generation's garbage, so only a full collection shows what the worker keeps.
     */
    static long liveHeapMb(long retainedMb, long peakMb) {
        return retainedMb > 0 ? retainedMb : peakMb;
    }

    private static long maxAfterMb(Path file, Predicate<String> counted) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(counted).mapToLong(GcLog::afterMb).max().orElse(0);
        }
    }

    /** The uptime decoration of one log line in seconds, or positive infinity when it has none. */
    static double uptimeSeconds(String line) {
        Matcher m = UPTIME.matcher(line);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.POSITIVE_INFINITY;
    }

    /** The after-collection heap of one log line, in MB, or 0. */
    static long afterMb(String line) {
        Matcher m = AFTER.matcher(line);
        long max = 0;
        while (m.find()) {
            max = Math.max(max, Long.parseLong(m.group(2)));
        }
        return max;
    }
}
