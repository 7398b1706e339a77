package io.bulwark.dumpworker.adapter.metrics;

import io.bulwark.dumpworker.application.BackupMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link BackupMetrics} as Micrometer meters; in Prometheus:
 *
 * <ul>
 *   <li>{@code bulwark_backups_total{target, outcome="completed"|"failed"}}: counter of finished backups;
 *   <li>{@code bulwark_dump_duration_seconds{target}}: histogram (percentile buckets from 1 s to 24 h) of completed
 *       dumps;
 *   <li>{@code bulwark_artifact_bytes{target}}: distribution summary (percentile buckets from 1 KiB to 16 TiB) of
 *       the bytes stored per completed backup.
 * </ul>
 *
 * Thread-safe (Micrometer meters are).
 */
public final class MicrometerBackupMetrics implements BackupMetrics {

    private final MeterRegistry registry;

    /** @param registry where the meters are registered */
    public MicrometerBackupMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void backupCompleted(String targetId, Duration dumpDuration, long storedBytes) {
        backups(targetId, "completed").increment();
        Timer.builder("bulwark.dump.duration")
                .description("Duration of completed dumps, from the dump's start to the manifest")
                .tag("target", tag(targetId))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(24))
                .register(registry)
                .record(dumpDuration);
        DistributionSummary.builder("bulwark.artifact")
                .description("Bytes stored per completed backup (compressed, and encrypted when the target is)")
                .baseUnit("bytes")
                .tag("target", tag(targetId))
                .publishPercentileHistogram()
                .minimumExpectedValue(1024.0)
                .maximumExpectedValue(16.0 * 1024 * 1024 * 1024 * 1024)
                .register(registry)
                .record(storedBytes);
    }

    @Override
    public void backupFailed(String targetId) {
        backups(targetId, "failed").increment();
    }

    private Counter backups(String targetId, String outcome) {
        return Counter.builder("bulwark.backups")
                .description("Backups that ended, by outcome")
                .tag("target", tag(targetId))
                .tag("outcome", outcome)
                .register(registry);
    }

    private static String tag(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
