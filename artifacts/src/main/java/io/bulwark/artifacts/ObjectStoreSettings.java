package io.bulwark.artifacts;

import java.util.Objects;

/**
 * Where the object store is and how to talk to it. A plain record so that any service can build it
 * from its own configuration.
 *
 * @param endpoint the S3 endpoint URL, e.g. {@code http://127.0.0.1:9000}
 * @param accessKey the access key id
 * @param secretKey the secret key; never logged, left out of {@link #toString()}
 * @param bucket the bucket holding every artifact
 * @param region the region, e.g. {@code us-east-1}; null for the default
 * @param partSizeBytes size of one multipart-upload part in bytes, at least {@value #MIN_PART_SIZE}
 *     (the S3 minimum); also the memory one upload buffers
 */
public record ObjectStoreSettings(
        String endpoint, String accessKey, String secretKey, String bucket, String region, long partSizeBytes) {

    /** The smallest part S3 accepts (except the last): 5 MiB. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    /** The default part size: 16 MiB. */
    public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;

    /**
     * @throws IllegalArgumentException naming the field when a required value is missing or the part
     *     size is below {@value #MIN_PART_SIZE} bytes
     */
    public ObjectStoreSettings {
        require("endpoint", endpoint);
        require("accessKey", accessKey);
        require("secretKey", secretKey);
        require("bucket", bucket);
        if (partSizeBytes <= 0) {
            partSizeBytes = DEFAULT_PART_SIZE;
        }
        if (partSizeBytes < MIN_PART_SIZE) {
            throw new IllegalArgumentException(
                    "partSizeBytes must be at least " + MIN_PART_SIZE + " (5 MiB) but was " + partSizeBytes);
        }
    }

    /** Settings with the default region ({@code us-east-1}) and part size (16 MiB). */
    public static ObjectStoreSettings of(String endpoint, String accessKey, String secretKey, String bucket) {
        return new ObjectStoreSettings(endpoint, accessKey, secretKey, bucket, "us-east-1", DEFAULT_PART_SIZE);
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    /** Every field but the secret key. */
    @Override
    public String toString() {
        return "ObjectStoreSettings[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=***, bucket="
                + bucket + ", region=" + Objects.toString(region, "") + ", partSizeBytes=" + partSizeBytes + "]";
    }
}
