package io.bulwark.scheduler.adapter.storage;

import io.bulwark.artifacts.BoundedRead;
import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.artifacts.ObjectTooLargeException;
import io.bulwark.contracts.MessageRedactor;
import io.bulwark.scheduler.application.ReportStore;
import io.bulwark.scheduler.application.ReportStoreUnavailableException;
import io.bulwark.scheduler.application.ReportTooLargeException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ReportStore} on the bucket of {@code bulwark.storage.*}: reads a report whole with {@link BoundedRead}, at
 * most {@code maxBytes} of it. Needs only read access ({@code s3:GetObject}) to the reports. Thread-safe.
 */
public final class ObjectStoreReports implements ReportStore {

    private final ObjectStore store;
    private final long maxBytes;

    /**
     * @param store the bucket
     * @param maxBytes the largest report read, in bytes, at least 1
     * @throws IllegalArgumentException when {@code maxBytes} is below 1
     */
    public ObjectStoreReports(ObjectStore store, long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1 but was " + maxBytes);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(BoundedRead.read(store, key, maxBytes));
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        } catch (ObjectTooLargeException e) {
            throw new ReportTooLargeException(key, maxBytes);
        } catch (ObjectStoreException e) {
            throw new ReportStoreUnavailableException(
                    "cannot read " + key + " from the object store: " + MessageRedactor.redact(e.getMessage()), e);
        }
    }
}
