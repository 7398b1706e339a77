package io.bulwark.pipeline;

/**
 * A re-encryption did not happen: the current artifact could not be opened or does not match its manifest, or the
 * new copy did not prove. The manifest and the current artifact are untouched.
 */
public final class ReEncryptionException extends RuntimeException {

    /** @param message what failed, naming the objects */
    public ReEncryptionException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the objects
     * @param cause the underlying failure (a {@link io.bulwark.artifacts.codec.DecryptionException} when the ring does
     *     not open the current artifact)
     */
    public ReEncryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
