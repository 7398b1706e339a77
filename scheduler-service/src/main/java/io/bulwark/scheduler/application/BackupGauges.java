package io.bulwark.scheduler.application;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures behind the scheduler's gauges, read from the catalog by {@link #refresh()} (every few seconds) and
 * served from memory by {@link #snapshot()}, so that a scrape never queries the database. Only configured targets
 * are reported. When a refresh fails the previous snapshot stays. Thread-safe.
 */
public final class BackupGauges {

    private static final Logger log = LoggerFactory.getLogger(BackupGauges.class);

    /**
     * What the gauges show.
     *
     * @param lastVerified configured target id to the completion time of its newest VERIFIED backup (targets without
     *     one are absent)
     * @param counts configured target id to (state name to count); every configured target is present
     * @param rpo configured target id to its recovery point objective
     * @param readAt when the catalog was read, or null before the first successful refresh
     */
    public record Snapshot(
            Map<String, Instant> lastVerified,
            Map<String, Map<String, Long>> counts,
            Map<String, Duration> rpo,
            Instant readAt) {

        public Snapshot {
            lastVerified = Map.copyOf(lastVerified);
            counts = Map.copyOf(counts);
            rpo = Map.copyOf(rpo);
        }
    }

    private final BackupGaugeReadings readings;
    private final Supplier<Map<String, Duration>> configuredTargets;
    private final Supplier<Instant> clock;
    private volatile Snapshot snapshot;

    /**
     * @param readings reads the catalog
     * @param configuredTargets the configured targets' ids with their recovery point objectives
     * @param clock the current time
     */
    public BackupGauges(
            BackupGaugeReadings readings, Supplier<Map<String, Duration>> configuredTargets, Supplier<Instant> clock) {
        this.readings = Objects.requireNonNull(readings, "readings");
        this.configuredTargets = Objects.requireNonNull(configuredTargets, "configuredTargets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), null);
    }

    /**
     * Reads the catalog again.
     *
     * @return true when the snapshot was replaced, false when the catalog could not be read (logged; the previous
     *     snapshot stays)
     */
    public boolean refresh() {
        Map<String, Duration> targets = new TreeMap<>(configuredTargets.get());
        try {
            Map<String, Instant> verified = new LinkedHashMap<>();
            readings.lastVerifiedBackups().forEach((target, at) -> {
                if (targets.containsKey(target) && at != null) {
                    verified.put(target, at);
                }
            });
            Map<String, Map<String, Long>> read = readings.backupCounts();
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            for (String target : targets.keySet()) {
                counts.put(target, Map.copyOf(read.getOrDefault(target, Map.of())));
            }
            snapshot = new Snapshot(verified, counts, targets, clock.get());
            return true;
        } catch (RuntimeException e) {
            log.warn("the backup gauges were not refreshed: {}", e.getMessage());
            return false;
        }
    }

    /** The figures of the last successful {@link #refresh()}; empty before the first. */
    public Snapshot snapshot() {
        return snapshot;
    }
}
