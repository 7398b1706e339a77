package io.bulwark.artifacts.codec;

/**
 * The keys at hand do not open an encrypted artifact: no secret key for any of its recipients, a
 * wrong passphrase, or no passphrase for an artifact encrypted with one. The message names the
 * recipients' key ids and what was tried, never a passphrase.
 */
public final class DecryptionException extends UnreadableArtifactException {

    /**
     * @param message what was needed and what was tried
     * @param cause the OpenPGP library's exception, or null
     */
    public DecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
