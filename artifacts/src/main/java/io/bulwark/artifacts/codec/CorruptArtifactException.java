package io.bulwark.artifacts.codec;

/**
 * The artifact is damaged: truncated, not in the format its codec chain names, or modified (a zstd
 * or gzip checksum mismatch, an OpenPGP integrity check failure). Nothing about the keys.
 */
public final class CorruptArtifactException extends UnreadableArtifactException {

    /**
     * @param message what is wrong, naming the codec
     * @param cause the decoder's own exception, or null
     */
    public CorruptArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
