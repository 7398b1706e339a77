package io.bulwark.verifier.adapter.metrics;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.Outcome;
import io.bulwark.verifier.application.VerifierMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@link VerifierMetrics} as Micrometer meters; in Prometheus:
 *
 * <ul>
 *   <li>{@code bulwark_verifications_total{target, outcome="passed"|"failed"|"error"}}: counter of published verdicts;
 *   <li>{@code bulwark_verification_duration_seconds{target}}: histogram of whole verifications;
 *   <li>{@code bulwark_verification_checks_total{check, status="passed"|"failed"|"warning"|"skipped"}}: counter of
 *       checks by name and status;
 *   <li>{@code bulwark_restore_duration_seconds{target, kind="verification"|"restore"}}: histogram of restores, into
 *       a verification's sandbox or into a real destination;
 *   <li>{@code bulwark_restores_total{target, outcome="completed"|"failed"}}: counter of real restores.
 * </ul>
 *
 * Histograms have percentile buckets from 1 s to 24 h. Thread-safe (Micrometer meters are).
 */
public final class MicrometerVerifierMetrics implements VerifierMetrics {

    private final MeterRegistry registry;

    /** @param registry where the meters are registered */
    public MicrometerVerifierMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void verificationFinished(
            String targetId, Outcome outcome, Duration duration, Duration restoreDuration, List<CheckResult> checks) {
        String target = tag(targetId);
        Counter.builder("bulwark.verifications")
                .description("Published verification verdicts, by outcome")
                .tag("target", target)
                .tag("outcome", outcome == null ? "unknown" : outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
        if (duration != null) {
            timer("bulwark.verification.duration", "Duration of whole verifications")
                    .tag("target", target)
                    .register(registry)
                    .record(duration);
        }
        if (restoreDuration != null) {
            restoreTimer(target, "verification").record(restoreDuration);
        }
        for (CheckResult check : checks == null ? List.<CheckResult>of() : checks) {
            Counter.builder("bulwark.verification.checks")
                    .description("Verification checks, by name and status")
                    .tag("check", tag(check.name()))
                    .tag(
                            "status",
                            check.status() == null
                                    ? "unknown"
                                    : check.status().name().toLowerCase(Locale.ROOT))
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void restoreFinished(String targetId, boolean completed, Duration restoreDuration) {
        String target = tag(targetId);
        Counter.builder("bulwark.restores")
                .description("Restores into a destination that ended, by outcome")
                .tag("target", target)
                .tag("outcome", completed ? "completed" : "failed")
                .register(registry)
                .increment();
        if (restoreDuration != null) {
            restoreTimer(target, "restore").record(restoreDuration);
        }
    }

    private Timer restoreTimer(String target, String kind) {
        return timer("bulwark.restore.duration", "Duration of restores, into a verification's sandbox or a destination")
                .tag("target", target)
                .tag("kind", kind)
                .register(registry);
    }

    private static Timer.Builder timer(String name, String description) {
        return Timer.builder(name)
                .description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(24));
    }

    private static String tag(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
