package io.bulwark.artifacts.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * What happens to the dump tool's output before it is stored: {@code compression} at {@code level},
 * then, when {@code encryption} is not null, OpenPGP encryption. The names of the stages, in the
 * order they are applied, are {@link #codecs()}, recorded in {@link
 * io.bulwark.contracts.ArtifactRef#codecs()}; {@link ArtifactDecoder} undoes them last first.
 *
 * <p>Immutable and thread-safe; every {@link #encoder} call starts an independent stream (with a fresh
 * OpenPGP session key).
 *
 * @param compression the compression, applied first
 * @param level the compression level, within {@link Compression#minLevel()}..{@link
 *     Compression#maxLevel()}
 * @param encryption the encryption applied to the compressed bytes, or null to store them as they are
 */
public record CodecChain(Compression compression, int level, OpenPgpEncryption encryption) {

    /** The codec name of the OpenPGP encryption stage in {@link io.bulwark.contracts.ArtifactRef#codecs()}. */
    public static final String OPENPGP = "openpgp";

    /** The file-name suffix of the OpenPGP stage, as {@code gpg --output} names encrypted files. */
    public static final String OPENPGP_SUFFIX = ".gpg";

    /**
     * @throws NullPointerException when {@code compression} is null
     * @throws IllegalArgumentException naming the range when {@code level} is outside it
     */
    public CodecChain {
        Objects.requireNonNull(compression, "compression");
        compression.requireLevel(level);
    }

    /** zstd at {@code level} (1..19), unencrypted. */
    public static CodecChain zstd(int level) {
        return new CodecChain(Compression.ZSTD, level, null);
    }

    /** zstd at its default level 3, unencrypted. */
    public static CodecChain zstd() {
        return zstd(Compression.ZSTD.defaultLevel());
    }

    /** gzip at {@code level} (1..9), unencrypted. */
    public static CodecChain gzip(int level) {
        return new CodecChain(Compression.GZIP, level, null);
    }

    /** This chain, with its compressed bytes then encrypted by {@code encryption} (null for none). */
    public CodecChain encryptedWith(OpenPgpEncryption encryption) {
        return new CodecChain(compression, level, encryption);
    }

    /** The codec names in the order they are applied: {@code [zstd]}, {@code [zstd, openpgp]}, {@code [gzip, openpgp]}… */
    public List<String> codecs() {
        return encrypted() ? List.of(compression.codecName(), OPENPGP) : List.of(compression.codecName());
    }

    /** The object-name suffix: {@code .zst}, {@code .zst.gpg}, {@code .gz} or {@code .gz.gpg}. */
    public String fileSuffix() {
        return compression.fileSuffix() + (encrypted() ? OPENPGP_SUFFIX : "");
    }

    /**
     * The fingerprints of the OpenPGP certificates the chain encrypts to (see {@link
     * OpenPgpEncryption#recipientFingerprints()}); empty when it does not encrypt or encrypts with a passphrase only.
     * What {@link io.bulwark.contracts.ArtifactRef#recipients()} records.
     */
    public List<String> recipientFingerprints() {
        return encrypted() ? encryption.recipientFingerprints() : List.of();
    }

    /** True when the chain ends in OpenPGP encryption. */
    public boolean encrypted() {
        return encryption != null;
    }

    /**
     * The media type of the stored object: the compression's ({@code application/zstd}, {@code
     * application/gzip}) or, when encrypted, {@code application/octet-stream} (RFC 4880 section 11.3
     * messages have no registered type of their own; {@code application/pgp-encrypted} of RFC 3156 names
     * a MIME part's control information, not the message).
     */
    public String contentType() {
        return encrypted() ? "application/octet-stream" : compression.contentType();
    }

    /**
     * A stream that compresses what is written to it, then encrypts it (when {@link #encrypted()}), into
     * {@code sink}. Closing it finishes the zstd frame (with its content checksum) or gzip member and
     * the OpenPGP message, then closes {@code sink}. Until closed it holds native memory (zstd), so close
     * it also when abandoning the output. Not thread-safe.
     *
     * @throws IOException when a stage cannot start (zstd cannot allocate, the session key cannot be
     *     encrypted) or writing a header into {@code sink} fails
     */
    public OutputStream encoder(OutputStream sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        OutputStream next = encryption == null ? sink : encryption.encrypting(sink);
        try {
            return compression.compressing(next, level);
        } catch (IOException | RuntimeException e) {
            if (next != sink) {
                try {
                    next.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** E.g. {@code zstd-3}, {@code gzip-6+openpgp}. */
    @Override
    public String toString() {
        return compression.codecName() + "-" + level + (encrypted() ? "+" + OPENPGP : "");
    }
}
