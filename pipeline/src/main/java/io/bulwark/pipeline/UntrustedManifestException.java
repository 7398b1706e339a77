package io.bulwark.pipeline;

/**
 * A manifest breaks a rule of {@link ManifestTrustRules}, is too large, or is not signed by a key held: nothing it
 * names may be read. The message starts with {@code untrusted manifest: } and names the fault, never a key's secret.
 */
public class UntrustedManifestException extends RuntimeException {

    /** @param reason what is wrong, e.g. {@code key x outside prefix y} */
    public UntrustedManifestException(String reason) {
        super("untrusted manifest: " + reason);
    }
}
