package io.bulwark.retention.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bulwark.retention.object-lock}: whether a hold also locks the objects of the backup in the store (S3 Object
 * Lock; the bucket must have been created with Object Lock enabled).
 *
 * @param mode OFF (default: holds stand in the catalog only), GOVERNANCE (a legal hold, or a retention date that an
 *     administrator allowed to bypass governance may clear) or COMPLIANCE (a legal hold, or a retention date nobody
 *     can shorten)
 */
@ConfigurationProperties("bulwark.retention.object-lock")
public record ObjectLockProperties(@DefaultValue("OFF") Mode mode) {

    /** The Object Lock mode of holds. */
    public enum Mode {
        OFF,
        GOVERNANCE,
        COMPLIANCE
    }

    public ObjectLockProperties {
        mode = mode == null ? Mode.OFF : mode;
    }
}
