package io.bulwark.service.storage;

import io.bulwark.artifacts.ObjectStoreSettings;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The object store holding the artifacts ({@code bulwark.storage.*}, shared by every service). A
 * service enables it with {@code @EnableConfigurationProperties(StorageProperties.class)}; a blank
 * required value fails start-up naming the property.
 *
 * @param endpoint S3 endpoint URL, e.g. {@code http://127.0.0.1:9000}
 * @param accessKey access key id
 * @param secretKey secret key; never logged ({@link #toString()} leaves it out)
 * @param bucket the bucket holding every artifact
 * @param region region to sign for, default {@code us-east-1}
 * @param partSize multipart part size, default 16MB, at least 5MB; one upload buffers about one part
 *     (only writers, i.e. the dump-worker, upload)
 */
@Validated
@ConfigurationProperties("bulwark.storage")
public record StorageProperties(
        @NotBlank String endpoint,
        @NotBlank String accessKey,
        @NotBlank String secretKey,
        @NotBlank String bucket,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("16MB") DataSize partSize) {

    /**
     * The settings of {@link io.bulwark.artifacts.MinioObjectStore}.
     *
     * @throws IllegalArgumentException when the part size is below 5 MiB
     */
    public ObjectStoreSettings toSettings() {
        long partSizeBytes = partSize == null ? ObjectStoreSettings.DEFAULT_PART_SIZE : partSize.toBytes();
        return new ObjectStoreSettings(endpoint, accessKey, secretKey, bucket, region, partSizeBytes);
    }

    /** Every field but the secret key. */
    @Override
    public String toString() {
        return "StorageProperties[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=***, bucket="
                + bucket + ", region=" + region + ", partSize=" + partSize + "]";
    }
}
