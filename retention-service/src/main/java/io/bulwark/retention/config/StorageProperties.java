package io.bulwark.retention.config;

import io.bulwark.artifacts.ObjectStoreSettings;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The object store holding the artifacts ({@code bulwark.storage.*}, shared by all services).
 *
 * @param endpoint S3 endpoint URL, e.g. {@code http://127.0.0.1:9000}
 * @param accessKey access key id
 * @param secretKey secret key; never logged, left out of {@link #toString()}
 * @param bucket the bucket holding every artifact
 * @param region region to sign for, {@code us-east-1} by default
 */
@Validated
@ConfigurationProperties("bulwark.storage")
public record StorageProperties(
        @NotBlank String endpoint,
        @NotBlank String accessKey,
        @NotBlank String secretKey,
        @NotBlank String bucket,
        @DefaultValue("us-east-1") String region) {

    /** The settings of the artifacts module's object store, with the default part size. */
    public ObjectStoreSettings toSettings() {
        return new ObjectStoreSettings(
                endpoint, accessKey, secretKey, bucket, region, ObjectStoreSettings.DEFAULT_PART_SIZE);
    }

    /** Every field but the secret key. */
    @Override
    public String toString() {
        return "StorageProperties[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=***, bucket="
                + bucket + ", region=" + region + "]";
    }
}
