package io.bulwark.artifacts;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;

/**
 * MinIO clients for the store of an {@link ObjectStoreSettings}: its endpoint, its access and secret key, and its
 * region when one is given (blank or null leaves MinIO's default). Every module that talks to an object store
 * builds its client here, so all of them reach the store the same way. Clients connect lazily.
 */
public final class MinioClients {

    private MinioClients() {}

    /**
     * A builder set to the store of {@code settings}, for callers that set more (e.g. their own HTTP client).
     *
     * @throws NullPointerException when {@code settings} is null
     */
    public static MinioClient.Builder builder(ObjectStoreSettings settings) {
        MinioClient.Builder builder = MinioClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey());
        if (hasRegion(settings)) {
            builder.region(settings.region());
        }
        return builder;
    }

    /** A client of the store of {@code settings}, with MinIO's default HTTP client. */
    public static MinioClient client(ObjectStoreSettings settings) {
        return builder(settings).build();
    }

    /** An asynchronous client of the store of {@code settings}, with MinIO's default HTTP client. */
    public static MinioAsyncClient asyncClient(ObjectStoreSettings settings) {
        MinioAsyncClient.Builder builder = MinioAsyncClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey());
        if (hasRegion(settings)) {
            builder.region(settings.region());
        }
        return builder.build();
    }

    private static boolean hasRegion(ObjectStoreSettings settings) {
        return settings.region() != null && !settings.region().isBlank();
    }
}
