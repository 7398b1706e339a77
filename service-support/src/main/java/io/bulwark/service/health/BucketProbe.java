package io.bulwark.service.health;

/**
 * Port: asks the object store whether the configured bucket exists. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface BucketProbe {

    /**
     * Tells whether the bucket exists.
     *
     * @return true when the bucket exists, false when the store answered that it does not
     * @throws RuntimeException when the store cannot be reached, refuses the credentials or answers with an error
     */
    boolean bucketExists();
}
