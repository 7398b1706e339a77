package io.bulwark.retention.adapter.storage;

import io.bulwark.artifacts.MinioClients;
import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.retention.application.CopyStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link CopyStore} on any S3-compatible server through the MinIO Java SDK. An upload is one PUT (or a multipart
 * upload of the settings' part size for a large object) of a known length, with the object's SHA-256 as the user
 * metadata {@value #SHA256_METADATA}. Counts uploads in the meter {@value #UPLOADS} (tag {@code copy}). Thread-safe.
 */
public final class S3CopyStore implements CopyStore {

    /** The user metadata (header {@code x-amz-meta-bulwark-sha256}) holding an object's SHA-256. */
    public static final String SHA256_METADATA = "bulwark-sha256";

    /** The counter of objects uploaded to a copy store. */
    public static final String UPLOADS = "bulwark.copies.uploads";

    private static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchObject", "NotFound");

    private final MinioClient client;
    private final ObjectStoreSettings settings;
    private final Counter uploads;

    /**
     * @param copyId the copy store's id, the counter's tag
     * @param settings where the copy store is and its keys
     * @param meters where the upload counter is registered
     */
    public S3CopyStore(String copyId, ObjectStoreSettings settings, MeterRegistry meters) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = MinioClients.client(settings);
        this.uploads = Counter.builder(UPLOADS)
                .description("Objects uploaded to a copy store")
                .tag("copy", copyId)
                .register(meters);
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        try {
            StatObjectResponse stat = client.statObject(StatObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .build());
            return Optional.of(new StoredObject(stat.size(), sha256Of(stat)));
        } catch (MinioException | RuntimeException e) {
            if (notFound(e)) {
                return Optional.empty();
            }
            throw failure("stat " + key, e);
        }
    }

    @Override
    public void put(String key, InputStream content, long length, String sha256, String contentType) {
        try {
            client.putObject(PutObjectArgs.builder().bucket(settings.bucket()).object(key).stream(
                            content, length, length > settings.partSizeBytes() ? settings.partSizeBytes() : null)
                    .contentType(contentType)
                    .userMetadata(Map.of(SHA256_METADATA, sha256))
                    .build());
            uploads.increment();
        } catch (MinioException | RuntimeException e) {
            throw failure("upload " + key, e);
        }
    }

    @Override
    public InputStream get(String key) {
        try {
            return client.getObject(GetObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .build());
        } catch (MinioException | RuntimeException e) {
            if (notFound(e)) {
                throw new ObjectNotFoundException(key);
            }
            throw failure("download " + key, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
                    .bucket(settings.bucket())
                    .prefix(prefix)
                    .recursive(true)
                    .build())) {
                keys.add(result.get().objectName());
            }
        } catch (MinioException | RuntimeException e) {
            throw failure("list " + prefix, e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public void delete(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .build());
        } catch (MinioException | RuntimeException e) {
            if (!notFound(e)) {
                throw failure("delete " + key, e);
            }
        }
    }

    /** The recorded SHA-256, whatever case the server gives the metadata's name; null when there is none. */
    private static String sha256Of(StatObjectResponse stat) {
        for (Map.Entry<String, String> header : stat.userMetadata()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals(SHA256_METADATA) || name.equals("x-amz-meta-" + SHA256_METADATA)) {
                return header.getValue();
            }
        }
        return null;
    }

    private static boolean notFound(Exception e) {
        return e instanceof ErrorResponseException ere
                && NOT_FOUND.contains(ere.errorResponse().code());
    }

    /** The failure of {@code action}, naming the store; an {@link ObjectStoreException} of its own is kept. */
    private ObjectStoreException failure(String action, Exception e) {
        if (e instanceof ObjectStoreException own) {
            return own;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = e instanceof ErrorResponseException ere
                ? ere.errorResponse().code() + " " + ere.errorResponse().message()
                : root.getClass().getSimpleName() + (root.getMessage() != null ? ": " + root.getMessage() : "");
        Throwable cause = e.getCause() instanceof IOException io ? io : e;
        return new ObjectStoreException(
                "copy store " + settings.endpoint() + " bucket " + settings.bucket() + ": could not " + action + ": "
                        + why,
                cause);
    }
}
