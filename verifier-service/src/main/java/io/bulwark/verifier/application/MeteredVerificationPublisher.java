package io.bulwark.verifier.application;

import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.VerificationReport;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link VerificationPublisher} that records each published verdict in {@link VerifierMetrics} once the broker
 * took it: outcome, checks, the whole duration ({@code timings.totalMillis}) and the sandbox restore's ({@code
 * timings.restoreMillis}, when positive). Only published verdicts count, so a verification retried after an ERROR
 * counts once. Thread-safe when the delegate is.
 */
public final class MeteredVerificationPublisher implements VerificationPublisher {

    private final VerificationPublisher delegate;
    private final VerifierMetrics metrics;

    /**
     * @param delegate publishes the verdicts
     * @param metrics records them
     */
    public MeteredVerificationPublisher(VerificationPublisher delegate, VerifierMetrics metrics) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void publish(BackupVerified event) {
        delegate.publish(event);
        VerificationReport.Timings timings = event.timings();
        Duration total = timings == null ? null : Duration.ofMillis(Math.max(0, timings.totalMillis()));
        Duration restore =
                timings == null || timings.restoreMillis() <= 0 ? null : Duration.ofMillis(timings.restoreMillis());
        metrics.verificationFinished(event.targetId(), event.outcome(), total, restore, event.checks());
    }
}
