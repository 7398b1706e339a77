package io.bulwark.verifier.application;

import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.contracts.RestoreProgressed;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link RestorePublisher} that records each restore's end in {@link VerifierMetrics} once the broker took the
 * event: a completion with its restore duration ({@code timings.restoreMillis}), a failure without one. Progress is
 * passed on unrecorded. Thread-safe when the delegate is.
 */
public final class MeteredRestorePublisher implements RestorePublisher {

    private final RestorePublisher delegate;
    private final VerifierMetrics metrics;

    /**
     * @param delegate publishes the events
     * @param metrics records the ends
     */
    public MeteredRestorePublisher(RestorePublisher delegate, VerifierMetrics metrics) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void progressed(RestoreProgressed event) {
        delegate.progressed(event);
    }

    @Override
    public void completed(RestoreCompleted event) {
        delegate.completed(event);
        Duration restore = event.timings() == null
                ? null
                : Duration.ofMillis(Math.max(0, event.timings().restoreMillis()));
        metrics.restoreFinished(event.targetId(), true, restore);
    }

    @Override
    public void failed(RestoreFailed event) {
        delegate.failed(event);
        metrics.restoreFinished(event.targetId(), false, null);
    }
}
