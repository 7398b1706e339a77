package io.bulwark.dumpworker.adapter.storage;

import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An {@link ObjectStore} whose every call goes through a Resilience4j circuit breaker: failures of
 * the store ({@link ObjectStoreException}) count against it, a missing object does not, and a
 * streamed upload that failed because its <em>content</em> failed (the dump tool, not the store)
 * counts neither way. While the breaker is open every call fails at once with an {@link
 * ObjectStoreException} that says so. Thread-safe.
 */
public final class ResilientObjectStore implements ObjectStore {

    private final ObjectStore delegate;
    private final CircuitBreaker breaker;

    public ResilientObjectStore(ObjectStore delegate, CircuitBreaker breaker) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
    }

    @Override
    public String bucket() {
        return delegate.bucket();
    }

    @Override
    public long putStream(String key, InputStream content, String contentType) {
        acquire("upload " + key);
        long start = System.nanoTime();
        WatchedInputStream watched = new WatchedInputStream(content);
        try {
            long stored = delegate.putStream(key, watched, contentType);
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return stored;
        } catch (ObjectStoreException e) {
            if (watched.failed) {
                breaker.releasePermission();
            } else {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            }
            throw e;
        } catch (RuntimeException e) {
            breaker.releasePermission();
            throw e;
        }
    }

    @Override
    public void putBytes(String key, byte[] content, String contentType) {
        call("upload " + key, () -> {
            delegate.putBytes(key, content, contentType);
            return null;
        });
    }

    @Override
    public InputStream get(String key) {
        return call("download " + key, () -> delegate.get(key));
    }

    @Override
    public boolean exists(String key) {
        return call("stat " + key, () -> delegate.exists(key));
    }

    @Override
    public long size(String key) {
        return call("stat " + key, () -> delegate.size(key));
    }

    @Override
    public List<String> list(String prefix) {
        return call("list " + prefix, () -> delegate.list(prefix));
    }

    @Override
    public void delete(String key) {
        call("delete " + key, () -> {
            delegate.delete(key);
            return null;
        });
    }

    @Override
    public int deletePrefix(String prefix) {
        return call("delete under " + prefix, () -> delegate.deletePrefix(prefix));
    }

    @Override
    public List<String> incompleteUploads(String prefix) {
        return call("list the incomplete uploads under " + prefix, () -> delegate.incompleteUploads(prefix));
    }

    @Override
    public int abortIncompleteUploads(String prefix, Duration olderThan) {
        return call(
                "abort the incomplete uploads under " + prefix,
                () -> delegate.abortIncompleteUploads(prefix, olderThan));
    }

    private <T> T call(String action, Supplier<T> call) {
        acquire(action);
        long start = System.nanoTime();
        try {
            T result = call.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (ObjectNotFoundException e) {
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw e;
        } catch (ObjectStoreException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        } catch (RuntimeException e) {
            breaker.releasePermission();
            throw e;
        }
    }

    private void acquire(String action) {
        try {
            breaker.acquirePermission();
        } catch (CallNotPermittedException e) {
            throw new ObjectStoreException(
                    "object store " + bucket() + ": could not " + action + ": the circuit breaker is open after"
                            + " repeated failures; calls resume after its wait",
                    e);
        }
    }

    /** Notes whether reading the upload's content failed (then the store is not to blame). */
    private static final class WatchedInputStream extends FilterInputStream {
        private volatile boolean failed;

        WatchedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }
    }
}
