package io.bulwark.artifacts.codec;

import java.util.List;

/**
 * The keys at hand do not open an encrypted artifact: no secret key for any of its recipients, a
 * wrong passphrase, or no passphrase for an artifact encrypted with one. The message names the
 * recipients' key ids or fingerprints and what was tried, never a passphrase.
 */
public final class DecryptionException extends UnreadableArtifactException {

    private final List<String> missingRecipients;
    private final String detail;

    /**
     * @param message what was needed and what was tried
     * @param cause the OpenPGP library's exception, or null
     */
    public DecryptionException(String message, Throwable cause) {
        this(message, cause, null, null);
    }

    private DecryptionException(String message, Throwable cause, List<String> missingRecipients, String detail) {
        super(message, cause);
        this.missingRecipients = missingRecipients == null ? null : List.copyOf(missingRecipients);
        this.detail = detail;
    }

    /**
     * The key ring holds no secret key of any recipient the artifact is encrypted to (and no passphrase opens it):
     * trying again with the same ring ends the same way. The message is {@code no key in the ring opens this artifact:
     * <recipients>}.
     *
     * @param recipients the artifact's recipients: fingerprints from its manifest when known, else the key ids ({@code
     *     0x…}) its session key packets name
     */
    public static DecryptionException noKeyForRecipients(List<String> recipients) {
        return noKeyForRecipients(recipients, null);
    }

    /**
     * {@link #noKeyForRecipients(List)} with {@code detail} (what the ring holds, what was tried) after the
     * recipients, separated by {@code "; "}; null for none.
     */
    public static DecryptionException noKeyForRecipients(List<String> recipients, String detail) {
        return new DecryptionException(
                "no key in the ring opens this artifact: " + String.join(", ", recipients)
                        + (detail == null ? "" : "; " + detail),
                null,
                recipients,
                detail);
    }

    /** The detail given to {@link #noKeyForRecipients(List, String)}, or null. */
    public String detail() {
        return detail;
    }

    /** True when this is {@link #noKeyForRecipients(List)}: no key of the ring matches any recipient. */
    public boolean isNoKeyForRecipients() {
        return missingRecipients != null;
    }

    /** The recipients of {@link #noKeyForRecipients(List)}, or an empty list for any other cause. */
    public List<String> recipients() {
        return missingRecipients == null ? List.of() : missingRecipients;
    }
}
