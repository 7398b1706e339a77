package io.bulwark.pipeline;

import io.bulwark.artifacts.BoundedRead;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ManifestSigningKeys;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectTooLargeException;
import io.bulwark.contracts.InvalidEventException;
import java.util.Objects;
import java.util.UUID;

/**
 * Reads a manifest the way every reader must: only the {@code manifest.json} of the expected prefix, at most {@code
 * bulwark.limits.manifest-size} bytes of it, signed by a key held when signing is configured ({@code
 * manifest.json.sig}, {@link ManifestSigningKeys}: checked over the exact bytes before they are parsed), and only
 * trusted when it keeps {@link ManifestTrustRules}. Thread-safe.
 */
public final class TrustedManifests {

    /** The default largest manifest, 1 MiB ({@code bulwark.limits.manifest-size}). */
    public static final long DEFAULT_MAX_MANIFEST_BYTES = 1024 * 1024;

    /** Whether a target's artifacts must be encrypted. */
    @FunctionalInterface
    public interface EncryptionPolicy {

        /** No target requires encryption. */
        EncryptionPolicy NONE = targetId -> false;

        /** True when the artifacts of {@code targetId} must be OpenPGP-encrypted. */
        boolean required(String targetId);
    }

    private final ObjectStore store;
    private final long maxManifestBytes;
    private final EncryptionPolicy encryption;
    private final ManifestSigningKeys signing;

    /**
     * Manifests that need no signature.
     *
     * @param store where the backups are
     * @param maxManifestBytes the largest manifest read, in bytes
     * @param encryption which targets must be encrypted
     * @throws IllegalArgumentException when {@code maxManifestBytes} is below 1
     */
    public TrustedManifests(ObjectStore store, long maxManifestBytes, EncryptionPolicy encryption) {
        this(store, maxManifestBytes, encryption, null);
    }

    /**
     * @param store where the backups are
     * @param maxManifestBytes the largest manifest read, in bytes
     * @param encryption which targets must be encrypted
     * @param signing the keys whose signature a manifest needs, or null when signing is off (any manifest is taken)
     * @throws IllegalArgumentException when {@code maxManifestBytes} is below 1
     */
    public TrustedManifests(
            ObjectStore store, long maxManifestBytes, EncryptionPolicy encryption, ManifestSigningKeys signing) {
        this.signing = signing;
        this.store = Objects.requireNonNull(store, "store");
        if (maxManifestBytes < 1) {
            throw new IllegalArgumentException("maxManifestBytes must be at least 1 but was " + maxManifestBytes);
        }
        this.maxManifestBytes = maxManifestBytes;
        this.encryption = Objects.requireNonNull(encryption, "encryption");
    }

    /** Manifests of at most 1 MiB, no target requiring encryption. */
    public static TrustedManifests lenient(ObjectStore store) {
        return new TrustedManifests(store, DEFAULT_MAX_MANIFEST_BYTES, EncryptionPolicy.NONE);
    }

    /**
     * The manifest at {@code manifestKey}, which must be the manifest of the backup at {@code prefix}, of {@code
     * targetId} (and {@code backupId} when set).
     *
     * @param prefix the backup's prefix, from the event or request (not from the bucket)
     * @param backupId the expected backup, or null to take the folder name's id
     * @throws UntrustedManifestException when the key, the prefix or the manifest breaks a rule, or the manifest is
     *     too large; the message names the fault
     * @throws io.bulwark.artifacts.ObjectNotFoundException when there is no manifest
     * @throws InvalidEventException when it is not a valid manifest
     * @throws io.bulwark.artifacts.ObjectStoreException when the store cannot be read
     */
    public Manifest load(String prefix, String manifestKey, String targetId, UUID backupId) {
        ManifestTrustRules.Expected expected =
                new ManifestTrustRules.Expected(prefix, targetId, backupId, encryption.required(targetId));
        ManifestTrustRules.prefixViolation(expected.folder(), targetId).ifPresent(reason -> {
            throw new UntrustedManifestException(reason);
        });
        if (manifestKey == null || !manifestKey.equals(ObjectKeys.manifestKey(expected.folder()))) {
            throw new UntrustedManifestException(
                    "manifest key " + manifestKey + " is not the manifest of prefix " + expected.folder());
        }
        byte[] bytes;
        try {
            bytes = BoundedRead.read(store, manifestKey, maxManifestBytes);
        } catch (ObjectTooLargeException e) {
            throw new UntrustedManifestException(e.getMessage());
        }
        if (signing != null) {
            checkSignature(manifestKey, bytes);
        }
        Manifest manifest = ManifestJson.read(bytes);
        ManifestTrustRules.violation(manifest, expected).ifPresent(reason -> {
            throw new UntrustedManifestException(reason);
        });
        return manifest;
    }

    /** True when a manifest needs a signature by a key held. */
    public boolean signed() {
        return signing != null;
    }

    private void checkSignature(String manifestKey, byte[] manifest) {
        String signatureKey = ObjectKeys.signatureKey(manifestKey);
        byte[] signature;
        try {
            signature = BoundedRead.read(store, signatureKey, ManifestSigningKeys.MAX_SIGNATURE_BYTES);
        } catch (ObjectNotFoundException e) {
            throw new UntrustedManifestException("no signature " + signatureKey + " beside the manifest");
        } catch (ObjectTooLargeException e) {
            throw new UntrustedManifestException(e.getMessage());
        }
        String problem = signing.check(manifest, signature);
        if (problem != null) {
            throw new UntrustedManifestException(problem + " (" + signatureKey + ")");
        }
    }

    /**
     * The manifest of the backup at {@code prefix} (its target is the prefix's first segment, its backup the folder
     * name's id), as {@link #load}.
     */
    public Manifest loadAt(String prefix) {
        String folder = prefix.endsWith("/") ? prefix : prefix + "/";
        int slash = folder.indexOf('/');
        return load(folder, ObjectKeys.manifestKey(folder), slash > 0 ? folder.substring(0, slash) : null, null);
    }
}
