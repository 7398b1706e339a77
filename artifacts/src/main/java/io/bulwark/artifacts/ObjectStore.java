package io.bulwark.artifacts;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * An S3-compatible object store holding artifacts, in one bucket.
 *
 * <p>Implementations are thread-safe. Keys are the layout of {@link ObjectKeys}; there are no real
 * directories, a prefix is just the start of keys. Every method throws {@link ObjectStoreException}
 * when the store cannot be reached or refuses the call.
 */
public interface ObjectStore {

    /** The bucket this store reads and writes. */
    String bucket();

    /**
     * Streams {@code content} into {@code key} with a multipart upload of bounded memory (one part
     * buffered at a time), without knowing the size in advance. When reading {@code content} throws,
     * the upload is aborted and no object appears.
     *
     * @return the number of bytes stored
     */
    long putStream(String key, InputStream content, String contentType);

    /** Stores a small object whole (a manifest, a report). */
    void putBytes(String key, byte[] content, String contentType);

    /**
     * Opens {@code key} for streaming; the caller closes the stream. Reading the stream after it was
     * closed throws {@link java.io.IOException}.
     *
     * @throws ObjectNotFoundException when no such object exists
     */
    InputStream get(String key);

    /** True when {@code key} exists. */
    boolean exists(String key);

    /** Size of {@code key} in bytes; throws {@link ObjectNotFoundException} when it does not exist. */
    long size(String key);

    /** Every key that starts with {@code prefix}, recursively, sorted. */
    List<String> list(String prefix);

    /** Removes {@code key}; removing a missing key is not an error. */
    void delete(String key);

    /**
     * Removes every object under {@code prefix}; idempotent.
     *
     * @return how many objects were removed
     */
    int deletePrefix(String prefix);

    /**
     * The keys under {@code prefix} that have an incomplete multipart upload: started, neither completed
     * nor aborted, as a worker killed mid-upload leaves it (S3 ListMultipartUploads). Such an upload is no
     * object ({@link #list} does not show it) but its parts take space until it is aborted. Sorted, each
     * key once. A store that cannot list uploads returns an empty list (and logs that once).
     */
    List<String> incompleteUploads(String prefix);

    /**
     * Aborts every incomplete multipart upload under {@code prefix} that was initiated at least {@code
     * olderThan} ago (by this machine's clock against the store's initiation time), freeing its parts (S3
     * AbortMultipartUpload). Choose {@code olderThan} well above the longest upload, so a running upload
     * is not cut short: a day, say. Idempotent; an upload that disappears meanwhile is not counted. A store
     * that cannot list uploads returns 0 (and logs that once).
     *
     * @param olderThan the least age of an upload to abort; {@link Duration#ZERO} for all
     * @return how many uploads were aborted
     */
    int abortIncompleteUploads(String prefix, Duration olderThan);
}
