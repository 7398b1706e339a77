package io.bulwark.dumpworker.config;

import io.bulwark.artifacts.ObjectStoreSettings;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The object store ({@code bulwark.storage.*}, shared by every service).
 *
 * @param endpoint S3 endpoint URL, e.g. {@code http://127.0.0.1:9000}
 * @param accessKey access key id
 * @param secretKey secret key; never logged ({@link #toString()} leaves it out)
 * @param bucket bucket holding the artifacts
 * @param region region to sign for, default {@code us-east-1}
 * @param partSize multipart part size, default 16MB, at least 5MB; one upload buffers about one part
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

    /** The settings of {@link io.bulwark.artifacts.MinioObjectStore}. */
    public ObjectStoreSettings toSettings() {
        return new ObjectStoreSettings(endpoint, accessKey, secretKey, bucket, region, partSize.toBytes());
    }

    @Override
    public String toString() {
        return toSettings().toString();
    }
}
