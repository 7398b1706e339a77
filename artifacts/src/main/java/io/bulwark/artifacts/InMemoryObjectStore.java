package io.bulwark.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An {@link ObjectStore} held in memory, for unit tests of the use cases that need a store but not
 * the network. It keeps the port's contract (an upload whose input fails leaves no object, a missing
 * key throws {@link ObjectNotFoundException}) and can be told to fail: {@link #setUnreachable} makes
 * every call throw {@link ObjectStoreException}, {@link #failReadsOf} makes one object's stream break
 * after a number of bytes, {@link #abandonUpload} leaves an incomplete multipart upload as a worker
 * killed mid-upload does. Like the real store, a {@link #putStream} whose input fails leaves no
 * incomplete upload behind, and a stream from {@link #get} throws {@link IOException} when read
 * after it was closed. Thread-safe.
 */
public final class InMemoryObjectStore implements ObjectStore {

    private final NavigableMap<String, byte[]> objects = new ConcurrentSkipListMap<>();
    private final ConcurrentMap<String, IncompleteUpload> uploads = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile boolean unreachable;
    private volatile String brokenKey;
    private volatile long brokenAfterBytes;

    /** A store whose upload ages are measured by the system clock. */
    public InMemoryObjectStore() {
        this(Clock.systemUTC());
    }

    /** A store whose upload ages ({@link #abortIncompleteUploads}) are measured by {@code clock}. */
    public InMemoryObjectStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Leaves an incomplete multipart upload of {@code key} initiated at {@code initiated}, as a worker
     * killed mid-upload does: no object appears, {@link #incompleteUploads} lists the key.
     *
     * @return the upload's id
     */
    public String abandonUpload(String key, Instant initiated) {
        String uploadId = UUID.randomUUID().toString();
        uploads.put(uploadId, new IncompleteUpload(key, initiated));
        return uploadId;
    }

    /** The stored objects by key, sorted; a live view that tests may read and change. */
    public NavigableMap<String, byte[]> objects() {
        return objects;
    }

    private volatile int failingUploads;

    /** While {@code unreachable}, every call throws {@link ObjectStoreException} ("connection refused"). */
    public void setUnreachable(boolean unreachable) {
        this.unreachable = unreachable;
    }

    /**
     * Makes streams of {@code key} throw an {@link IOException} ("connection reset") once {@code
     * afterBytes} bytes were read, as a dropped download does.
     */
    public void failReadsOf(String key, long afterBytes) {
        this.brokenKey = key;
        this.brokenAfterBytes = afterBytes;
    }

    /**
     * Makes the next {@code uploads} calls of {@link #putStream} fail as a store outage does: the
     * content is read halfway, then {@link ObjectStoreException} ("connection reset") is thrown and no
     * object appears.
     */
    public void failNextUploads(int uploads) {
        this.failingUploads = uploads;
    }

    @Override
    public String bucket() {
        return "memory";
    }

    @Override
    public long putStream(String key, InputStream content, String contentType) {
        check();
        if (failingUploads > 0) {
            failingUploads--;
            try {
                content.readNBytes(64 * 1024);
            } catch (IOException e) {
                throw new ObjectStoreException("upload of " + key + " aborted: " + e.getMessage(), e);
            }
            throw new ObjectStoreException("upload of " + key + " failed: connection reset by the store", null);
        }
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new ObjectStoreException("upload of " + key + " aborted: " + e.getMessage(), e);
        }
        objects.put(key, bytes);
        return bytes.length;
    }

    @Override
    public void putBytes(String key, byte[] content, String contentType) {
        check();
        objects.put(key, content.clone());
    }

    @Override
    public InputStream get(String key) {
        check();
        byte[] bytes = objects.get(key);
        if (bytes == null) {
            throw new ObjectNotFoundException(key);
        }
        return new ObjectStream(bytes, key.equals(brokenKey) ? brokenAfterBytes : Long.MAX_VALUE);
    }

    @Override
    public boolean exists(String key) {
        check();
        return objects.containsKey(key);
    }

    @Override
    public long size(String key) {
        check();
        byte[] bytes = objects.get(key);
        if (bytes == null) {
            throw new ObjectNotFoundException(key);
        }
        return bytes.length;
    }

    @Override
    public List<String> list(String prefix) {
        check();
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public void delete(String key) {
        check();
        objects.remove(key);
    }

    @Override
    public int deletePrefix(String prefix) {
        List<String> keys = list(prefix);
        keys.forEach(objects::remove);
        return keys.size();
    }

    @Override
    public List<String> incompleteUploads(String prefix) {
        check();
        return uploads.values().stream()
                .map(IncompleteUpload::key)
                .filter(k -> k.startsWith(prefix))
                .distinct()
                .sorted()
                .toList();
    }

    @Override
    public int abortIncompleteUploads(String prefix, Duration olderThan) {
        check();
        Instant cutoff = clock.instant().minus(olderThan);
        int aborted = 0;
        for (var entry : uploads.entrySet()) {
            IncompleteUpload upload = entry.getValue();
            if (upload.key().startsWith(prefix)
                    && !upload.initiated().isAfter(cutoff)
                    && uploads.remove(entry.getKey(), upload)) {
                aborted++;
            }
        }
        return aborted;
    }

    private record IncompleteUpload(String key, Instant initiated) {}

    private void check() {
        if (unreachable) {
            throw new ObjectStoreException("connection refused", null);
        }
    }

    /**
     * An object's bytes as a download: breaks with "connection reset" after {@code breakAt} bytes, and
     * refuses reads once closed, as the MinIO store's HTTP stream does.
     */
    private static final class ObjectStream extends InputStream {
        private final byte[] bytes;
        private final long breakAt;
        private int position;
        private volatile boolean closed;

        ObjectStream(byte[] bytes, long breakAt) {
            this.bytes = bytes;
            this.breakAt = breakAt;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (closed) {
                throw new IOException("closed");
            }
            if (len == 0) {
                return 0;
            }
            if (position >= bytes.length) {
                return -1;
            }
            if (position >= breakAt) {
                throw new IOException("connection reset");
            }
            int n = (int) Math.min(Math.min(len, bytes.length - position), breakAt - position);
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            return bytes.length - position;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
