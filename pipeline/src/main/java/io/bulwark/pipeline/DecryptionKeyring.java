package io.bulwark.pipeline;

import io.bulwark.artifacts.codec.DecryptionKeys;

/** The keys that may open a target's encrypted artifacts. Thread-safe. */
public interface DecryptionKeyring {

    /**
     * The secret keys and passphrases to try on an artifact of {@code targetId}; {@link
     * DecryptionKeys#none()} when nothing is configured.
     *
     * @throws IllegalStateException when a configured passphrase cannot be read (unset variable,
     *     unreadable file); the message names the setting, never the secret
     */
    DecryptionKeys keysFor(String targetId);
}
