package io.bulwark.artifacts.codec;

import java.io.IOException;

/**
 * The stored bytes cannot be turned back into the dump: the artifact is damaged ({@link
 * CorruptArtifactException}) or the keys at hand do not open it ({@link DecryptionException}). Thrown
 * by {@link ArtifactDecoder} and by the streams it returns.
 *
 * <p>A verification reports this as a failed artifact; any other {@link IOException} from a decoded
 * stream is the stored stream's own (the download broke) and says nothing about the artifact.
 */
public abstract sealed class UnreadableArtifactException extends IOException
        permits CorruptArtifactException, DecryptionException {

    UnreadableArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
