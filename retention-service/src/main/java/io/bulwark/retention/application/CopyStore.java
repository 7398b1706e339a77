package io.bulwark.retention.application;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * A copy store ({@code bulwark.copies.<copyId>}): a second bucket, region or provider that holds copies of verified
 * backups under the same keys as the primary store.
 *
 * <p>Implementations are thread-safe; every method throws {@link io.bulwark.artifacts.ObjectStoreException} when the
 * store cannot be reached or refuses the call.
 */
public interface CopyStore {

    /**
     * An object as the copy store holds it.
     *
     * @param size its size in bytes
     * @param sha256 the lowercase hex SHA-256 recorded with it when it was copied, or null when none was recorded
     */
    record StoredObject(long size, String sha256) {}

    /** The object at {@code key}, or empty when there is none. */
    Optional<StoredObject> stat(String key);

    /**
     * Streams {@code length} bytes of {@code content} into {@code key} (no temporary file), recording {@code sha256}
     * with the object. The caller closes {@code content}.
     *
     * @param length the exact number of bytes {@code content} yields
     * @param sha256 the lowercase hex SHA-256 those bytes should have
     */
    void put(String key, InputStream content, long length, String sha256, String contentType);

    /**
     * Opens {@code key} for streaming; the caller closes the stream.
     *
     * @throws io.bulwark.artifacts.ObjectNotFoundException when there is no such object
     */
    InputStream get(String key);

    /** Every key that starts with {@code prefix}, sorted. */
    List<String> list(String prefix);

    /** Removes {@code key}; removing a missing key is not an error. */
    void delete(String key);
}
