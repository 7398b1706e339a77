package io.bulwark.artifacts;

import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.InvalidEventException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads and writes {@code manifest.json} with the shared {@link EventJson} mapper (ISO-8601 dates,
 * unknown fields ignored so that newer manifests stay readable).
 */
public final class ManifestJson {

    /** The content type manifests are stored with. */
    public static final String CONTENT_TYPE = "application/json";

    private ManifestJson() {}

    /** Pretty-printed UTF-8 JSON of {@code manifest}, for people reading the bucket too. */
    public static byte[] toBytes(Manifest manifest) {
        return EventJson.toPrettyString(manifest).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Reads a manifest.
     *
     * @throws InvalidEventException when the JSON is malformed; the message names the problem
     */
    public static Manifest read(byte[] json) {
        return EventJson.read(json, Manifest.class);
    }

    /**
     * Reads a manifest from {@code in} (not closed).
     *
     * @throws InvalidEventException when the JSON is malformed
     * @throws UncheckedIOException when reading fails
     */
    public static Manifest read(InputStream in) {
        try {
            return read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads the manifest at {@code manifestKey} from {@code store}.
     *
     * @throws ObjectNotFoundException when there is no such object
     * @throws InvalidEventException when it is not a valid manifest
     */
    public static Manifest load(ObjectStore store, String manifestKey) {
        try (InputStream in = store.get(manifestKey)) {
            return read(in);
        } catch (IOException e) {
            throw new ObjectStoreException("could not read " + manifestKey, e);
        }
    }

    /**
     * Stores {@code manifest} at {@code manifestKey}, signed when {@code signing} is set: the signature first ({@link
     * ObjectKeys#signatureKey}), then the manifest, so that a manifest never appears without its signature.
     *
     * @param signing the keys that sign, or null to store it unsigned
     * @throws IllegalStateException when {@code signing} holds only retired keys
     */
    public static void storeSigned(
            ObjectStore store, String manifestKey, Manifest manifest, ManifestSigningKeys signing) {
        byte[] bytes = toBytes(manifest);
        if (signing != null) {
            store.putBytes(ObjectKeys.signatureKey(manifestKey), signing.sign(bytes), ManifestSigningKeys.CONTENT_TYPE);
        }
        store.putBytes(manifestKey, bytes, CONTENT_TYPE);
    }

    /** Stores {@code manifest} at {@code manifestKey}. */
    public static void store(ObjectStore store, String manifestKey, Manifest manifest) {
        store.putBytes(manifestKey, toBytes(manifest), CONTENT_TYPE);
    }
}
