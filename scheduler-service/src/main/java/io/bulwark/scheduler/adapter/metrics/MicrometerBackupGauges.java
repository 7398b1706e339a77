package io.bulwark.scheduler.adapter.metrics;

import io.bulwark.scheduler.application.BackupGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The scheduler's gauges, refreshed every {@code interval} on a thread of its own (the first refresh at start), so
 * that a scrape reads memory only; in Prometheus:
 *
 * <ul>
 *   <li>{@code bulwark_last_verified_backup_timestamp_seconds{target}}: completion time (Unix seconds) of the target's
 *       newest VERIFIED backup, the RPO gauge ({@code time() - bulwark_last_verified_backup_timestamp_seconds} is the
 *       age of the newest restorable backup); absent for a target that never had one;
 *   <li>{@code bulwark_target_rpo_seconds{target}}: the target's recovery point objective ({@code
 *       bulwark.targets.<id>.rpo});
 *   <li>{@code bulwark_backups{target, state}}: how many backups the catalog holds per target and state.
 * </ul>
 *
 * Only configured targets are shown. Thread-safe.
 */
public final class MicrometerBackupGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MicrometerBackupGauges.class);

    private final BackupGauges gauges;
    private final Duration interval;
    private final MultiGauge lastVerified;
    private final MultiGauge rpo;
    private final MultiGauge counts;
    private ScheduledExecutorService executor;

    /**
     * @param gauges the figures, refreshed by this adapter
     * @param registry where the gauges are registered
     * @param interval time between two refreshes, positive
     * @throws IllegalArgumentException when {@code interval} is not positive
     */
    public MicrometerBackupGauges(BackupGauges gauges, MeterRegistry registry, Duration interval) {
        this.gauges = Objects.requireNonNull(gauges, "gauges");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive but was " + interval);
        }
        this.interval = interval;
        this.lastVerified = MultiGauge.builder("bulwark.last.verified.backup.timestamp")
                .description("Completion time of the target's newest VERIFIED backup")
                .baseUnit("seconds")
                .register(registry);
        this.rpo = MultiGauge.builder("bulwark.target.rpo")
                .description("The target's recovery point objective")
                .baseUnit("seconds")
                .register(registry);
        this.counts = MultiGauge.builder("bulwark.backups")
                .description("Backups in the catalog, by target and state")
                .register(registry);
    }

    /** Reads the catalog and updates the gauges; a failed read keeps the previous values. */
    public void refresh() {
        gauges.refresh();
        publish(gauges.snapshot());
    }

    private void publish(BackupGauges.Snapshot snapshot) {
        List<MultiGauge.Row<?>> verifiedRows = new ArrayList<>();
        snapshot.lastVerified().forEach((target, at) -> verifiedRows.add(row(Tags.of("target", target), seconds(at))));
        lastVerified.register(verifiedRows, true);
        List<MultiGauge.Row<?>> rpoRows = new ArrayList<>();
        snapshot.rpo()
                .forEach((target, objective) ->
                        rpoRows.add(row(Tags.of("target", target), objective.toMillis() / 1000.0)));
        rpo.register(rpoRows, true);
        List<MultiGauge.Row<?>> countRows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> target : snapshot.counts().entrySet()) {
            target.getValue()
                    .forEach((state, n) ->
                            countRows.add(row(Tags.of("target", target.getKey(), "state", state), n.doubleValue())));
        }
        counts.register(countRows, true);
    }

    private static MultiGauge.Row<?> row(Tags tags, double value) {
        return MultiGauge.Row.of(tags, value);
    }

    private static double seconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("the backup gauges were not refreshed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backup-gauges");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
