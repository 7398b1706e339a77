package io.bulwark.retention.application;

import io.bulwark.retention.domain.CopyRetentionPolicy;
import java.util.Objects;

/**
 * One enabled copy store with its id and its own retention.
 *
 * @param copyId the key of {@code bulwark.copies.<copyId>}
 * @param store the store
 * @param retention the store's retention ({@link CopyRetentionPolicy#KEEP_ALL} when none is set)
 */
public record CopyDestination(String copyId, CopyStore store, CopyRetentionPolicy retention) {

    public CopyDestination {
        Objects.requireNonNull(copyId, "copyId");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(retention, "retention");
    }
}
