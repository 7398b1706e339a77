package io.bulwark.contracts;

import java.util.List;

/**
 * Where a dump is stored and what it is.
 *
 * @param bucket the object-store bucket
 * @param key object key of the dump, e.g. {@code chinook/2026/11/adhoc_20261123T190102Z_1a2b3c4d/dump.pgcustom.zst}
 * @param format the dump format, e.g. {@code pg_dump-custom}
 * @param codecs the codec chain applied after the dump tool, in order, e.g. {@code ["zstd"]}
 * @param storedBytes size of the stored object in bytes
 * @param rawBytes size of the dump tool's output in bytes
 * @param sha256 lowercase hex SHA-256 of the stored bytes
 * @param rawSha256 lowercase hex SHA-256 of the dump tool's output, or null when it was not recorded (the dump-worker
 *     records it only with {@code bulwark.dump-worker.raw-sha256: true}; the zstd frame's content checksum and
 *     OpenPGP's Modification Detection Code protect the content otherwise); readers check it only when present
 * @param recipients the fingerprints of the OpenPGP certificates (public keys) the artifact is encrypted to: each the
 *     primary key's fingerprint in upper-case hex without spaces, as {@code gpg --list-keys} prints it (40 digits for a
 *     version 4 key), in the order they were given; empty for an artifact encrypted to no key (plaintext, or a
 *     passphrase only); null when unknown, in manifests and events written before this field existed (see {@link
 *     #recipientsKnown()})
 */
public record ArtifactRef(
        String bucket,
        String key,
        String format,
        List<String> codecs,
        long storedBytes,
        long rawBytes,
        String sha256,
        String rawSha256,
        List<String> recipients) {

    public ArtifactRef {
        codecs = codecs == null ? List.of() : List.copyOf(codecs);
        recipients = recipients == null ? null : List.copyOf(recipients);
    }

    /**
     * An artifact whose recipients are not known (written before they were recorded): {@link #recipients()} is null.
     */
    public ArtifactRef(
            String bucket,
            String key,
            String format,
            List<String> codecs,
            long storedBytes,
            long rawBytes,
            String sha256,
            String rawSha256) {
        this(bucket, key, format, codecs, storedBytes, rawBytes, sha256, rawSha256, null);
    }

    /**
     * True when the manifest or event recorded the recipients (possibly none); false for one written before they
     * were, whose keys can only be learnt by trying to decrypt it.
     */
    public boolean recipientsKnown() {
        return recipients != null;
    }

    /** This artifact as stored at {@code newKey}, with other sizes, checksums and recipients (a re-encryption). */
    public ArtifactRef reencrypted(String newKey, long newStoredBytes, String newSha256, List<String> newRecipients) {
        return new ArtifactRef(
                bucket, newKey, format, codecs, newStoredBytes, rawBytes, newSha256, rawSha256, newRecipients);
    }
}
