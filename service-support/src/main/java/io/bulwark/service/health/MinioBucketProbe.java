package io.bulwark.service.health;

import io.bulwark.artifacts.MinioClients;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import io.minio.errors.MinioException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * {@link BucketProbe} over the MinIO SDK (any S3-compatible store), with a client of its own whose connect, read,
 * write and whole-call timeouts are {@code timeout}, so that a probe of an unreachable store ends quickly instead of
 * after the SDK's default minutes. Thread-safe.
 */
public final class MinioBucketProbe implements BucketProbe {

    private final MinioClient client;
    private final String bucket;

    /**
     * @param settings the store's endpoint, credentials, region and bucket
     * @param timeout the longest a probe may take, for example 2 seconds
     * @throws IllegalArgumentException when {@code timeout} is not positive
     */
    public MinioBucketProbe(ObjectStoreSettings settings, Duration timeout) {
        Objects.requireNonNull(settings, "settings");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive but was " + timeout);
        }
        this.bucket = settings.bucket();
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout)
                .retryOnConnectionFailure(false)
                .build();
        this.client = MinioClients.builder(settings).httpClient(http, true).build();
    }

    /**
     * {@inheritDoc}
     *
     * @throws ObjectStoreException when the store cannot be reached or answers with an error
     */
    @Override
    public boolean bucketExists() {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (MinioException e) {
            throw new ObjectStoreException("bucket " + bucket + ": " + e.getMessage(), e);
        }
    }
}
