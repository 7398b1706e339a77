package io.bulwark.pipeline;

import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** An object store on a local folder, for measuring streams of gigabytes without holding them in memory. */
final class DirectoryObjectStore implements ObjectStore {

    private final Path root;

    DirectoryObjectStore(Path root) {
        this.root = root;
    }

    @Override
    public String bucket() {
        return "bench";
    }

    @Override
    public long putStream(String key, InputStream content, String contentType) {
        Path file = root.resolve(key);
        try {
            Files.createDirectories(file.getParent());
            return Files.copy(content, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new ObjectStoreException("upload of " + key + " aborted: " + e.getMessage(), e);
        }
    }

    @Override
    public void putBytes(String key, byte[] content, String contentType) {
        try {
            Files.createDirectories(root.resolve(key).getParent());
            Files.write(root.resolve(key), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream get(String key) {
        try {
            return Files.newInputStream(root.resolve(key));
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(root.resolve(key));
    }

    @Override
    public long size(String key) {
        try {
            return Files.size(root.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString())
                    .filter(k -> k.startsWith(prefix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(root.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int deletePrefix(String prefix) {
        List<String> keys = list(prefix);
        keys.forEach(this::delete);
        return keys.size();
    }

    @Override
    public List<String> incompleteUploads(String prefix) {
        return List.of();
    }

    @Override
    public int abortIncompleteUploads(String prefix, Duration olderThan) {
        return 0;
    }
}
