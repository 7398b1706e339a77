package io.bulwark.dumpworker.application;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupProgressed;
import java.time.Duration;
import java.util.Objects;

/**
 * An {@link EventPublisher} that records each outcome in {@link BackupMetrics} once the broker took the event: a
 * completion with its dump duration ({@link BackupCompleted#dumpMillis()}) and stored bytes, a failure by its
 * target. An event the broker refuses is not counted (the request is retried). A completion published again for a
 * redelivered request is counted again. Thread-safe when the delegate is.
 */
public final class MeteredEventPublisher implements EventPublisher {

    private final EventPublisher delegate;
    private final BackupMetrics metrics;

    /**
     * @param delegate publishes the events
     * @param metrics records their outcomes
     */
    public MeteredEventPublisher(EventPublisher delegate, BackupMetrics metrics) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void completed(BackupCompleted event) {
        delegate.completed(event);
        long storedBytes = event.artifact() == null ? 0 : event.artifact().storedBytes();
        metrics.backupCompleted(
                event.targetId(), Duration.ofMillis(Math.max(0, event.dumpMillis())), Math.max(0, storedBytes));
    }

    @Override
    public void failed(BackupFailed event) {
        delegate.failed(event);
        metrics.backupFailed(event.targetId());
    }

    @Override
    public void progressed(BackupProgressed event) {
        delegate.progressed(event);
    }
}
