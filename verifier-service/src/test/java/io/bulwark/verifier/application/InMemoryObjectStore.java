package io.bulwark.verifier.application;

import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** An {@link ObjectStore} in memory, for unit tests of the use case; can be told to fail. */
final class InMemoryObjectStore implements ObjectStore {

    final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();
    volatile boolean unreachable;
    volatile String failReadsOf;
    volatile int failAfterBytes;

    @Override
    public String bucket() {
        return "test";
    }

    @Override
    public long putStream(String key, InputStream content, String contentType) {
        try {
            byte[] bytes = content.readAllBytes();
            putBytes(key, bytes, contentType);
            return bytes.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        if (key.equals(failReadsOf)) {
            return new InputStream() {
                private int position;

                @Override
                public int read() throws IOException {
                    if (position >= bytes.length) {
                        return -1;
                    }
                    if (position >= failAfterBytes) {
                        throw new IOException("connection reset");
                    }
                    return bytes[position++] & 0xff;
                }
            };
        }
        return new ByteArrayInputStream(bytes);
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

    private void check() {
        if (unreachable) {
            throw new ObjectStoreException("connection refused", null);
        }
    }
}
