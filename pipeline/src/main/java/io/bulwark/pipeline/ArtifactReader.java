package io.bulwark.pipeline;

import io.bulwark.artifacts.ObjectStore;
import io.bulwark.contracts.ArtifactRef;
import java.util.Objects;

/**
 * The artifact reader, first stage of the restore pipeline: opens a stored artifact as one stream through SHA-256 of
 * the stored bytes, then the codec chain (OpenPGP, zstd or gzip) with the target's decryption keys. No temporary file:
 * the restore tool reads the decoded stream as the object store sends it. Thread-safe: every {@link #open} returns an
 * independent stream.
 */
public final class ArtifactReader {

    private final ObjectStore store;
    private final DecryptionKeyring keyring;

    /**
     * @param store where the artifacts are
     * @param keyring the keys that open each target's encrypted artifacts
     */
    public ArtifactReader(ObjectStore store, DecryptionKeyring keyring) {
        this.store = Objects.requireNonNull(store, "store");
        this.keyring = Objects.requireNonNull(keyring, "keyring");
    }

    /**
     * Starts reading {@code artifact}. The caller closes the result.
     *
     * @param targetId whose keys open the artifact
     * @throws io.bulwark.artifacts.ObjectNotFoundException when the object is not in the store
     * @throws io.bulwark.artifacts.ObjectStoreException when the store cannot be read
     */
    public OpenArtifact open(String targetId, ArtifactRef artifact) {
        return new OpenArtifact(new DigestingInputStream(store.get(artifact.key())), artifact, keyring, targetId);
    }

    /**
     * Starts reading {@code artifact} of the backup at {@code prefix}, after checking that its key lies directly in
     * that prefix ({@link ManifestTrustRules#keyViolation}): a key outside is never read. The caller closes the
     * result.
     *
     * @param targetId whose keys open the artifact
     * @param prefix the backup's prefix, ending in {@code /}
     * @throws UntrustedManifestException when the key lies outside {@code prefix}
     * @throws io.bulwark.artifacts.ObjectNotFoundException when the object is not in the store
     * @throws io.bulwark.artifacts.ObjectStoreException when the store cannot be read
     */
    public OpenArtifact open(String targetId, String prefix, ArtifactRef artifact) {
        String folder = prefix.endsWith("/") ? prefix : prefix + "/";
        ManifestTrustRules.keyViolation(artifact.key(), folder).ifPresent(reason -> {
            throw new UntrustedManifestException(reason);
        });
        return new OpenArtifact(new DigestingInputStream(store.get(artifact.key())), artifact, keyring, targetId);
    }
}
