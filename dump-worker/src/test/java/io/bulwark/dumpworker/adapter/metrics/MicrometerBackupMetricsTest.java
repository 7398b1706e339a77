package io.bulwark.dumpworker.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerBackupMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerBackupMetrics metrics = new MicrometerBackupMetrics(registry);

    @Test
    void aCompletedBackupCountsAndRecordsItsDurationAndStoredBytes() {
        metrics.backupCompleted("chinook", Duration.ofSeconds(42), 4242);
        metrics.backupCompleted("chinook", Duration.ofSeconds(8), 1000);

        assertThat(registry.get("bulwark.backups")
                        .tag("target", "chinook")
                        .tag("outcome", "completed")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        Timer dump =
                registry.get("bulwark.dump.duration").tag("target", "chinook").timer();
        assertThat(dump.count()).isEqualTo(2);
        assertThat(dump.totalTime(TimeUnit.SECONDS)).isEqualTo(50.0);
        DistributionSummary bytes =
                registry.get("bulwark.artifact").tag("target", "chinook").summary();
        assertThat(bytes.getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(bytes.totalAmount()).isEqualTo(5242.0);
        assertThat(bytes.max()).isEqualTo(4242.0);
    }

    @Test
    void aFailedBackupCountsAsFailedOnly() {
        metrics.backupFailed("ticker");

        assertThat(registry.get("bulwark.backups")
                        .tag("target", "ticker")
                        .tag("outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.find("bulwark.backups").tag("outcome", "completed").counter())
                .isNull();
        assertThat(registry.find("bulwark.dump.duration").timer()).isNull();
    }

    @Test
    void prometheusNamesCarryTheBaseUnits() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MicrometerBackupMetrics onPrometheus = new MicrometerBackupMetrics(prometheus);

        onPrometheus.backupCompleted("chinook", Duration.ofMinutes(3), 4242);
        onPrometheus.backupFailed("chinook");

        String scrape = prometheus.scrape();
        assertThat(scrape)
                .contains("bulwark_backups_total{outcome=\"completed\",target=\"chinook\"} 1.0")
                .contains("bulwark_backups_total{outcome=\"failed\",target=\"chinook\"} 1.0")
                .contains("bulwark_dump_duration_seconds_bucket{target=\"chinook\",le=\"")
                .contains("bulwark_dump_duration_seconds_count{target=\"chinook\"} 1")
                .contains("bulwark_artifact_bytes_sum{target=\"chinook\"} 4242.0");
    }
}
