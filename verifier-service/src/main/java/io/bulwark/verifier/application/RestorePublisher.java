package io.bulwark.verifier.application;

import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.contracts.RestoreProgressed;

/** Publishes what restores do. Thread-safe. */
public interface RestorePublisher {

    /**
     * A restore's progress; best effort: a progress event that cannot be published is dropped.
     */
    void progressed(RestoreProgressed event);

    /**
     * @throws RuntimeException when the event cannot be published
     */
    void completed(RestoreCompleted event);

    /**
     * @throws RuntimeException when the event cannot be published
     */
    void failed(RestoreFailed event);
}
