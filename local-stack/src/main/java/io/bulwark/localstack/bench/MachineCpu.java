package io.bulwark.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CPU time the whole machine has spent busy, from the aggregate {@code cpu} line of {@code /proc/stat} (proc(5)):
 * user + nice + system + irq + softirq, summed over all cores, in milliseconds. The capture benchmark reads it before
 * and after each run, so that a run's figure holds every process that took part (pg_dump, the PostgreSQL backend, the
 * compressor, the JVMs, the S3 server), whether or not it is a child of the benchmark. On a machine whose cores are all
 * busy during a run, wall time follows this figure, so the ratio of two runs' busy CPU says how much of their wall-time
 * ratio is extra work rather than waiting.
 */
final class MachineCpu {

    /** Clock ticks per second of {@code /proc/stat} ({@code USER_HZ}, 100 on Linux for x86 and arm64; proc(5)). */
    static final long TICKS_PER_SECOND = 100;

    private static final Path PROC_STAT = Path.of("/proc/stat");

    private MachineCpu() {}

    /**
     * The machine's busy CPU time so far.
     *
     * @return milliseconds, or -1 where {@code /proc/stat} cannot be read (not Linux)
     */
    static long busyMillis() {
        try {
            List<String> lines = Files.readAllLines(PROC_STAT);
            return lines.isEmpty() ? -1 : busyMillis(lines.getFirst());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Parses the aggregate line {@code cpu  user nice system idle iowait irq softirq steal ...}.
     *
     * @return user + nice + system + irq + softirq in milliseconds, or -1 when the line is not the aggregate line
     */
    static long busyMillis(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (f.length < 8 || !"cpu".equals(f[0])) {
            return -1;
        }
        long ticks = Long.parseLong(f[1])
                + Long.parseLong(f[2])
                + Long.parseLong(f[3])
                + Long.parseLong(f[6])
                + Long.parseLong(f[7]);
        return ticks * 1000 / TICKS_PER_SECOND;
    }
}
