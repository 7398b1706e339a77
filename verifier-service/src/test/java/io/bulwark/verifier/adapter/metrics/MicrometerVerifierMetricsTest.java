package io.bulwark.verifier.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerVerifierMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerVerifierMetrics metrics = new MicrometerVerifierMetrics(registry);

    @Test
    void aVerdictCountsByOutcomeAndRecordsDurationsAndChecks() {
        metrics.verificationFinished(
                "chinook",
                Outcome.FAILED,
                Duration.ofSeconds(30),
                Duration.ofSeconds(12),
                List.of(
                        new CheckResult("checksum", CheckStatus.PASSED, "", 3),
                        new CheckResult("row-counts", CheckStatus.FAILED, "3 tables differ", 9)));

        assertThat(registry.get("bulwark.verifications")
                        .tag("target", "chinook")
                        .tag("outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        Timer total = registry.get("bulwark.verification.duration")
                .tag("target", "chinook")
                .timer();
        assertThat(total.totalTime(TimeUnit.SECONDS)).isEqualTo(30.0);
        Timer restore = registry.get("bulwark.restore.duration")
                .tag("target", "chinook")
                .tag("kind", "verification")
                .timer();
        assertThat(restore.totalTime(TimeUnit.SECONDS)).isEqualTo(12.0);
        assertThat(registry.get("bulwark.verification.checks")
                        .tag("check", "row-counts")
                        .tag("status", "failed")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("bulwark.verification.checks")
                        .tag("check", "checksum")
                        .tag("status", "passed")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aVerdictWithoutTimingsOnlyCounts() {
        metrics.verificationFinished("chinook", Outcome.ERROR, null, null, List.of());

        assertThat(registry.get("bulwark.verifications")
                        .tag("outcome", "error")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.find("bulwark.verification.duration").timer()).isNull();
        assertThat(registry.find("bulwark.restore.duration").timer()).isNull();
    }

    @Test
    void aRealRestoreIsKindRestoreAndCountsByOutcome() {
        metrics.restoreFinished("chinook", true, Duration.ofMinutes(2));
        metrics.restoreFinished("chinook", false, null);

        Timer restore = registry.get("bulwark.restore.duration")
                .tag("target", "chinook")
                .tag("kind", "restore")
                .timer();
        assertThat(restore.count()).isEqualTo(1);
        assertThat(restore.totalTime(TimeUnit.SECONDS)).isEqualTo(120.0);
        assertThat(registry.get("bulwark.restores")
                        .tag("outcome", "completed")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("bulwark.restores")
                        .tag("outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void prometheusNamesCarryTheBaseUnits() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MicrometerVerifierMetrics onPrometheus = new MicrometerVerifierMetrics(prometheus);

        onPrometheus.verificationFinished(
                "chinook",
                Outcome.PASSED,
                Duration.ofSeconds(30),
                Duration.ofSeconds(12),
                List.of(new CheckResult("checksum", CheckStatus.PASSED, "", 3)));
        onPrometheus.restoreFinished("chinook", true, Duration.ofMinutes(2));

        assertThat(prometheus.scrape())
                .contains("bulwark_verifications_total{outcome=\"passed\",target=\"chinook\"} 1.0")
                .contains("bulwark_verification_duration_seconds_count{target=\"chinook\"} 1")
                .contains("bulwark_verification_checks_total{check=\"checksum\",status=\"passed\"} 1.0")
                .contains("bulwark_restore_duration_seconds_count{kind=\"verification\",target=\"chinook\"} 1")
                .contains("bulwark_restore_duration_seconds_count{kind=\"restore\",target=\"chinook\"} 1")
                .contains("bulwark_restores_total{outcome=\"completed\",target=\"chinook\"} 1.0");
    }
}
