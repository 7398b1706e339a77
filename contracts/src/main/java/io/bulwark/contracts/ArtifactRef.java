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
 * @param rawSha256 lowercase hex SHA-256 of the dump tool's output
 */
public record ArtifactRef(
        String bucket,
        String key,
        String format,
        List<String> codecs,
        long storedBytes,
        long rawBytes,
        String sha256,
        String rawSha256) {

    public ArtifactRef {
        codecs = codecs == null ? List.of() : List.copyOf(codecs);
    }
}
