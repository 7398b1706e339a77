package io.bulwark.scheduler.application.alerts;

import java.util.Optional;

/** Port: asks the scheduler's object store whether it answers. */
public interface ObjectStoreProbe {

    /**
     * Asks the store, within a bounded time; never throws.
     *
     * @return empty when the store answered and its bucket exists; otherwise why not (naming no credential)
     */
    Optional<String> problem();
}
