package io.bulwark.scheduler.application;

import java.util.Optional;

/**
 * Port: reads a report (a small object: {@code verification.json}, {@code verification.html}, {@code restore.json})
 * from the object store, whole but never more than the configured limit. Implementations are thread-safe.
 */
public interface ReportStore {

    /**
     * The bytes of {@code key}.
     *
     * @return the object's bytes, or empty when there is no such object
     * @throws ReportTooLargeException when the object is larger than the limit
     * @throws ReportStoreUnavailableException when the store cannot be reached or refuses the read
     */
    Optional<byte[]> read(String key);
}
