package io.bulwark.service.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest small objects a service reads from the bucket ({@code bulwark.limits.*}): a writer to the bucket must
 * not make a service buffer an object of any size. A larger manifest is untrusted (its verification FAILED, its backup
 * not restored); a larger report is no report.
 *
 * @param manifestSize the largest {@code manifest.json}, default 1MB
 * @param reportSize the largest {@code verification.json} or {@code restore.json}, default 16MB
 * @throws IllegalArgumentException naming the property when a size is below 1 byte
 */
@ConfigurationProperties("bulwark.limits")
public record LimitsProperties(
        @DefaultValue("1MB") DataSize manifestSize,
        @DefaultValue("16MB") DataSize reportSize) {

    public LimitsProperties {
        manifestSize = manifestSize == null ? DataSize.ofMegabytes(1) : manifestSize;
        reportSize = reportSize == null ? DataSize.ofMegabytes(16) : reportSize;
        if (manifestSize.toBytes() < 1) {
            throw new IllegalArgumentException("bulwark.limits.manifest-size must be at least 1 byte");
        }
        if (reportSize.toBytes() < 1) {
            throw new IllegalArgumentException("bulwark.limits.report-size must be at least 1 byte");
        }
    }
}
