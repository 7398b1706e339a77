package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GcLog} reads the live heap after each collection from a unified GC log. */
class GcLogTest {

    @Test
    void takesTheLargestHeapLeftAfterACollection(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, """
                [0.012s][info][gc] Using G1
                [1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->8M(256M) 3.456ms
                [2.345s][info][gc] GC(1) Pause Young (Concurrent Start) (Metadata GC Threshold) 61M->42M(256M) 9.1ms
                [2.400s][info][gc] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 150M->17M(256M) 2.0ms
                """);
        assertThat(GcLog.peakAfterGcMb(log)).isEqualTo(42);
        assertThat(GcLog.peakAfterGcMb(dir.resolve("missing.log"))).isZero();
        assertThat(GcLog.option(log)).isEqualTo("-Xlog:gc:file=" + log.toAbsolutePath());
    }

    @Test
    void leavesOutTheCollectionsBeforeAGivenUptime(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, """
                [1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 130M->90M(256M) 3.456ms
                [12.5s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 61M->30M(256M) 9.1ms
                [20.000s][info][gc] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 150M->41M(256M) 2.0ms
                """);
        assertThat(GcLog.peakAfterGcMb(log, 12.5)).isEqualTo(41);
        assertThat(GcLog.peakAfterGcMb(log, 0)).isEqualTo(90);
        assertThat(GcLog.peakAfterGcMb(log, 21)).isZero();
        assertThat(GcLog.uptimeSeconds("GC(3) 1M->1M(2M)")).isInfinite();
    }

    @Test
    void readsTheRetainedHeapFromTheForcedFullCollectionsOnly(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, """
                [1.234s][info][gc] GC(0) Pause Full (Diagnostic Command) 130M->60M(256M) 30.0ms
                [12.5s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 80M->58M(256M) 9.1ms
                [13.0s][info][gc] GC(2) Pause Full (Diagnostic Command) 70M->44M(256M) 25.0ms
                [14.0s][info][gc] GC(3) Pause Full (Diagnostic Command) 66M->45M(256M) 24.0ms
                """);
        assertThat(GcLog.retainedAfterForcedGcMb(log, 12.5)).isEqualTo(45);
        assertThat(GcLog.peakAfterGcMb(log, 12.5)).isEqualTo(58);
        assertThat(GcLog.retainedAfterForcedGcMb(log, 0)).isEqualTo(60);
        assertThat(GcLog.retainedAfterForcedGcMb(log, 15)).isZero();
        assertThat(GcLog.retainedAfterForcedGcMb(dir.resolve("missing.log"), 0)).isZero();
    }

    @Test
    void takesTheLiveHeapFromTheForcedCollectionsAndThePeakOnlyWithoutThem(@TempDir Path dir) throws Exception {
        Path forced = dir.resolve("forced.log");
        Files.writeString(forced, """
                [0.004s][info][gc] Using Parallel
                [20.1s][info][gc] GC(7) Pause Young (Allocation Failure) 130M->77M(224M) 1.7ms
                [21.3s][info][gc] GC(8) Pause Full (Diagnostic Command) 79M->46M(230M) 130.4ms
                [25.6s][info][gc] GC(9) Pause Young (Allocation Failure) 98M->55M(230M) 5.9ms
                [27.0s][info][gc] GC(10) Pause Full (Diagnostic Command) 60M->44M(230M) 101.2ms
                """);
        Path unforced = dir.resolve("unforced.log");
        Files.writeString(unforced, """
                [20.1s][info][gc] GC(7) Pause Young (Allocation Failure) 130M->77M(224M) 1.7ms
                [25.6s][info][gc] GC(9) Pause Young (Allocation Failure) 98M->55M(230M) 5.9ms
                """);

        assertThat(liveHeapMb(forced, 20)).isEqualTo(46);
        assertThat(liveHeapMb(forced, 22)).isEqualTo(44);
        assertThat(liveHeapMb(unforced, 20)).isEqualTo(77);
        assertThat(liveHeapMb(unforced, 30)).isZero();
    }

    private static long liveHeapMb(Path log, double fromUptimeSeconds) throws Exception {
        return GcLog.liveHeapMb(
                GcLog.retainedAfterForcedGcMb(log, fromUptimeSeconds), GcLog.peakAfterGcMb(log, fromUptimeSeconds));
    }
}
