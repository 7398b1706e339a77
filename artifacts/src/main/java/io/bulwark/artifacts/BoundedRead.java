package io.bulwark.artifacts;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a small object (a manifest, a report) whole, but never more than a limit: a bucket that anyone with write
 * access could fill must not make a service buffer gigabytes. Stateless.
 */
public final class BoundedRead {

    private BoundedRead() {}

    /**
     * The bytes of {@code key}, at most {@code maxBytes} of them.
     *
     * @param maxBytes the largest size accepted, in bytes, at least 1
     * @throws ObjectNotFoundException when there is no such object
     * @throws ObjectTooLargeException when the object holds more than {@code maxBytes} bytes (only {@code maxBytes +
     *     1} of them are read)
     * @throws ObjectStoreException when the store cannot be read
     * @throws IllegalArgumentException when {@code maxBytes} is below 1
     */
    public static byte[] read(ObjectStore store, String key, long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1 but was " + maxBytes);
        }
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        try (InputStream in = store.get(key)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new ObjectTooLargeException(key, limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new ObjectStoreException("could not read " + key + ": " + e.getMessage(), e);
        }
    }
}
