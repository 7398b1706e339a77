package io.bulwark.scheduler.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.scheduler.application.BackupGaugeReadings;
import io.bulwark.scheduler.application.BackupGauges;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MicrometerBackupGaugesTest {

    private static final Instant VERIFIED_AT = Instant.parse("2026-12-03T07:00:00Z");

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicReference<Map<String, Map<String, Long>>> counts = new AtomicReference<>(
            Map.of("chinook", Map.of("VERIFIED", 3L, "FAILED", 1L), "retired", Map.of("VERIFIED", 9L)));
    private final BackupGaugeReadings readings = new BackupGaugeReadings() {
        @Override
        public Map<String, Instant> lastVerifiedBackups() {
            reads.incrementAndGet();
            if (failure.get() != null) {
                throw failure.get();
            }
            return Map.of("chinook", VERIFIED_AT, "retired", VERIFIED_AT);
        }

        @Override
        public Map<String, Map<String, Long>> backupCounts() {
            return counts.get();
        }
    };
    private final BackupGauges gauges = new BackupGauges(
            readings, () -> Map.of("chinook", Duration.ofHours(25), "ticker", Duration.ofHours(1)), Instant::now);

    @Test
    void showsTheNewestVerifiedBackupStateCountsAndRpoOfConfiguredTargetsOnly() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerBackupGauges adapter = new MicrometerBackupGauges(gauges, registry, Duration.ofSeconds(15));

        adapter.refresh();

        assertThat(registry.get("bulwark.last.verified.backup.timestamp")
                        .tag("target", "chinook")
                        .gauge()
                        .value())
                .isEqualTo(VERIFIED_AT.getEpochSecond());
        assertThat(registry.find("bulwark.last.verified.backup.timestamp")
                        .tag("target", "ticker")
                        .gauge())
                .as("a target never verified has no gauge")
                .isNull();
        assertThat(registry.find("bulwark.last.verified.backup.timestamp")
                        .tag("target", "retired")
                        .gauge())
                .as("a target no longer configured is not shown")
                .isNull();
        assertThat(registry.get("bulwark.backups")
                        .tag("target", "chinook")
                        .tag("state", "VERIFIED")
                        .gauge()
                        .value())
                .isEqualTo(3.0);
        assertThat(registry.get("bulwark.backups")
                        .tag("target", "chinook")
                        .tag("state", "FAILED")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
        assertThat(registry.get("bulwark.target.rpo")
                        .tag("target", "ticker")
                        .gauge()
                        .value())
                .isEqualTo(3600.0);
    }

    @Test
    void aScrapeReadsMemoryAndAFailedRefreshKeepsThePreviousValues() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerBackupGauges adapter = new MicrometerBackupGauges(gauges, registry, Duration.ofSeconds(15));
        adapter.refresh();
        int readsAfterRefresh = reads.get();

        for (int i = 0; i < 5; i++) {
            registry.get("bulwark.last.verified.backup.timestamp").gauge().value();
        }
        assertThat(reads.get()).isEqualTo(readsAfterRefresh);

        failure.set(new IllegalStateException("database down"));
        counts.set(Map.of());
        adapter.refresh();
        assertThat(registry.get("bulwark.backups")
                        .tag("target", "chinook")
                        .tag("state", "VERIFIED")
                        .gauge()
                        .value())
                .isEqualTo(3.0);
    }

    @Test
    void aStateThatEmptiesIsNoLongerShown() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerBackupGauges adapter = new MicrometerBackupGauges(gauges, registry, Duration.ofSeconds(15));
        adapter.refresh();

        counts.set(Map.of("chinook", Map.of("VERIFIED", 4L)));
        adapter.refresh();

        assertThat(registry.find("bulwark.backups").tag("state", "FAILED").gauge())
                .isNull();
        assertThat(registry.get("bulwark.backups")
                        .tag("state", "VERIFIED")
                        .gauge()
                        .value())
                .isEqualTo(4.0);
    }

    @Test
    void prometheusNamesCarryTheBaseUnits() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new MicrometerBackupGauges(gauges, prometheus, Duration.ofSeconds(15)).refresh();

        assertThat(prometheus.scrape())
                .contains("bulwark_last_verified_backup_timestamp_seconds{target=\"chinook\"} 1.7962812E9")
                .contains("bulwark_target_rpo_seconds{target=\"chinook\"} 90000.0")
                .contains("bulwark_backups{state=\"VERIFIED\",target=\"chinook\"} 3.0");
    }
}
