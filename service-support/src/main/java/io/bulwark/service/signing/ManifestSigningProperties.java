package io.bulwark.service.signing;

import io.bulwark.artifacts.ManifestSigningKeys;
import java.util.List;
import java.util.function.Function;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The manifest signing key ({@code bulwark.manifest-signing.*}) that the dump-worker signs {@code manifest.json} with
 * and the verifier checks it with (HMAC-SHA-256, {@link ManifestSigningKeys}). Give it to those two services only.
 *
 * <pre>
 * bulwark:
 *   manifest-signing:
 *     key-id: 2026-12
 *     key-file: /run/secrets/bulwark-manifest.key     # preferred; or key-env: BULWARK_MANIFEST_KEY
 *     retired-key-files: [/run/secrets/bulwark-manifest-2026-06.key]   # check only
 * </pre>
 *
 * @param keyId the current key's id, recorded in every signature; default {@code default}
 * @param keyFile a file holding the current key (at least 32 bytes), or null
 * @param keyEnv an environment variable holding it, or null (the file wins when both are named)
 * @param retiredKeyFiles files of earlier keys, accepted when checking, never used to sign
 */
@ConfigurationProperties("bulwark.manifest-signing")
public record ManifestSigningProperties(String keyId, String keyFile, String keyEnv, List<String> retiredKeyFiles) {

    /** The setting's prefix, for messages. */
    public static final String PREFIX = "bulwark.manifest-signing";

    public ManifestSigningProperties {
        retiredKeyFiles = retiredKeyFiles == null ? List.of() : List.copyOf(retiredKeyFiles);
    }

    /**
     * The keys, or null when none is named (signing is off).
     *
     * @throws IllegalArgumentException naming the property (never the key) when a key cannot be read or is too short
     */
    public ManifestSigningKeys toKeys() {
        return toKeys(System::getenv);
    }

    /** {@link #toKeys()} over {@code environment}. */
    public ManifestSigningKeys toKeys(Function<String, String> environment) {
        return ManifestSigningKeys.load(keyId, keyFile, keyEnv, retiredKeyFiles, environment, PREFIX);
    }
}
