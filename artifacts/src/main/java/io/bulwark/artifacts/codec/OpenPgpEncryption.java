package io.bulwark.artifacts.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

/**
 * The OpenPGP encryption stage of a {@link CodecChain}: an OpenPGP message that {@code gpg --decrypt}
 * (GnuPG 2.2 and later) opens without warnings, to one or more recipients' public keys and/or a
 * passphrase.
 *
 * <p>The message (RFC 4880 section 11.3; RFC 9580 keeps these packets) is:
 *
 * <ul>
 *   <li>one Public-Key Encrypted Session Key packet (version 3, RFC 4880 section 5.1) per recipient,
 *       to the recipient's encryption key: RSA, ElGamal or ECDH (Curve25519 and the NIST curves, RFC
 *       6637), the kinds of version 4 key gpg 2.2 makes;
 *   <li>with a passphrase, one Symmetric-Key Encrypted Session Key packet (version 4, RFC 4880
 *       section 5.3) with an iterated and salted SHA-256 string-to-key (RFC 4880 section 3.7.1.3) of
 *       {@value #S2K_OCTETS} octets, the most the format allows;
 *   <li>a Symmetrically Encrypted Integrity Protected Data packet (version 1, RFC 4880 section 5.13)
 *       encrypted with a random AES-256 session key, ending in a Modification Detection Code (RFC 4880
 *       section 5.14) that detects any change to the ciphertext. No AEAD (version 2 SEIPD or OCB
 *       packets, RFC 9580 section 5.13.2), which gpg 2.2 cannot read;
 *   <li>inside, one binary Literal Data packet (RFC 4880 section 5.9) without a file name. Both packets
 *       use partial body lengths (RFC 4880 section 4.2.2.4) of {@value #PARTIAL_BYTES} bytes, so the
 *       size need not be known in advance. There is no Compressed Data packet: the chain compressed
 *       already.
 * </ul>
 *
 * <p>A recipient is a certificate (an OpenPGP public key, armored or binary, as {@code gpg --export}
 * writes it); its newest valid encryption-capable key (primary key or subkey, by key flags, RFC 4880
 * section 5.2.3.21) is used. Certificates that are revoked, expired, not self-signed, of key version
 * other than 4, or without any such key are refused when the encryption is built. Immutable and
 * thread-safe; each {@link CodecChain#encoder} call makes a fresh session key. The symmetric cipher
 * runs on the JDK's AES (hardware-accelerated where the CPU has AES instructions); key encryption runs
 * on Bouncy Castle.
 */
public final class OpenPgpEncryption {

    /** Octets hashed by the passphrase's string-to-key: 65,011,712, the coded count 255 (RFC 4880 section 3.7.1.3). */
    public static final long S2K_OCTETS = 65_011_712L;

    /** The partial body length of the encrypted and the literal data packets, in bytes. */
    public static final int PARTIAL_BYTES = 1 << 16;

    private static final int S2K_CODED_COUNT = 0xff;
    private static final Set<Integer> ENCRYPTION_ALGORITHMS = Set.of(
            PublicKeyAlgorithmTags.RSA_GENERAL,
            PublicKeyAlgorithmTags.RSA_ENCRYPT,
            PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT,
            PublicKeyAlgorithmTags.ECDH);

    private final List<Recipient> recipients;
    private final char[] passphrase;
    private final boolean jdkCipher;

    private OpenPgpEncryption(List<Recipient> recipients, char[] passphrase, boolean jdkCipher) {
        this.recipients = List.copyOf(recipients);
        this.passphrase = passphrase == null ? null : passphrase.clone();
        this.jdkCipher = jdkCipher;
        if (this.recipients.isEmpty() && this.passphrase == null) {
            throw new IllegalArgumentException(
                    "OpenPGP encryption needs at least one recipient public key or a passphrase; neither was given");
        }
    }

    /**
     * Encryption to the certificates in {@code publicKeyFiles} (one or more per file) and, when {@code
     * passphrase} is not null, also to that passphrase: any one of them opens the artifact.
     *
     * @param publicKeyFiles armored ({@code gpg --armor --export}) or binary certificate files; may be
     *     empty when a passphrase is given
     * @param passphrase the passphrase, copied; null for none
     * @throws IllegalArgumentException naming the file and key when a file is missing or holds no
     *     certificate, or a certificate is revoked, expired or has no usable encryption key; when the
     *     passphrase is empty; or when there are neither recipients nor a passphrase
     * @throws java.io.UncheckedIOException when a file exists but cannot be read
     */
    public static OpenPgpEncryption of(List<Path> publicKeyFiles, char[] passphrase) {
        Instant now = Instant.now();
        List<Recipient> recipients = new ArrayList<>();
        for (Path file : publicKeyFiles) {
            String source = "public key file " + file;
            for (OpenPGPCertificate certificate : OpenPgpKeys.read(file, "public key file")) {
                recipients.add(recipient(certificate, source, now));
            }
        }
        return new OpenPgpEncryption(recipients, requirePassphrase(passphrase), true);
    }

    /**
     * Encryption to the certificates read from {@code publicKeys} (each read to its end, not closed)
     * and, when {@code passphrase} is not null, also to that passphrase.
     *
     * @throws IllegalArgumentException as {@link #of(List, char[])} does, naming the stream by its
     *     position (1 for the first)
     */
    public static OpenPgpEncryption ofStreams(List<InputStream> publicKeys, char[] passphrase) {
        Instant now = Instant.now();
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < publicKeys.size(); i++) {
            String source = "public key stream " + (i + 1);
            for (OpenPGPCertificate certificate : OpenPgpKeys.read(publicKeys.get(i), source)) {
                recipients.add(recipient(certificate, source, now));
            }
        }
        return new OpenPgpEncryption(recipients, requirePassphrase(passphrase), true);
    }

    /**
     * Encryption to the certificates in {@code publicKeyFiles} only.
     *
     * @throws IllegalArgumentException as {@link #of(List, char[])} does, also when the list is empty
     */
    public static OpenPgpEncryption toRecipients(List<Path> publicKeyFiles) {
        return of(publicKeyFiles, null);
    }

    /**
     * Encryption to {@code passphrase} only (symmetric; {@code gpg --decrypt} asks for it).
     *
     * @throws IllegalArgumentException when it is null or empty
     */
    public static OpenPgpEncryption withPassphrase(char[] passphrase) {
        return of(List.of(), Objects.requireNonNull(passphrase, "passphrase"));
    }

    /** The key ids ({@code 0x} and 16 hex digits) of the keys the session key is encrypted to, in order. */
    public List<String> recipientKeyIds() {
        return recipients.stream()
                .map(r -> OpenPgpKeys.keyId(r.key().getKeyID()))
                .toList();
    }

    /**
     * The fingerprints of the recipients' certificates (their primary keys, upper-case hex, as {@code gpg --list-keys}
     * prints them), in the order given, without duplicates; what a manifest records in {@link
     * io.bulwark.contracts.ArtifactRef#recipients()}. Empty for a passphrase only.
     */
    public List<String> recipientFingerprints() {
        return recipients.stream()
                .map(Recipient::certificateFingerprint)
                .distinct()
                .toList();
    }

    /** True when a passphrase also opens the artifact. */
    public boolean hasPassphrase() {
        return passphrase != null;
    }

    /** The same encryption with Bouncy Castle's own AES instead of the JDK's, for comparing throughput. */
    OpenPgpEncryption withBouncyCastleCipher() {
        return new OpenPgpEncryption(recipients, passphrase, false);
    }

    /**
     * A stream encrypting into {@code sink}; closing it writes the end of the literal data and the
     * Modification Detection Code, then closes {@code sink}.
     *
     * @throws IOException when the session key cannot be encrypted or writing the headers fails
     */
    public OutputStream encrypting(OutputStream sink) throws IOException {
        PGPDataEncryptorBuilder cipher = jdkCipher
                ? new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true)
                        .setSecureRandom(OpenPgpKeys.RANDOM)
                : new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true)
                        .setSecureRandom(OpenPgpKeys.RANDOM);
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(cipher);
        for (Recipient recipient : recipients) {
            generator.addMethod(
                    new BcPublicKeyKeyEncryptionMethodGenerator(recipient.key()).setSecureRandom(OpenPgpKeys.RANDOM));
        }
        if (passphrase != null) {
            try {
                generator.addMethod(new BcPBEKeyEncryptionMethodGenerator(
                                passphrase, OpenPgpKeys.DIGESTS.get(HashAlgorithmTags.SHA256), S2K_CODED_COUNT)
                        .setSecureRandom(OpenPgpKeys.RANDOM));
            } catch (PGPException e) {
                throw new IOException("OpenPGP: SHA-256 string-to-key unavailable: " + e.getMessage(), e);
            }
        }
        OutputStream encrypted;
        try {
            encrypted = generator.open(sink, new byte[PARTIAL_BYTES]);
        } catch (PGPException e) {
            throw new IOException("OpenPGP: could not encrypt the session key: " + e.getMessage(), e);
        }
        OutputStream literal = new PGPLiteralDataGenerator()
                .open(encrypted, PGPLiteralData.BINARY, "", new Date(), new byte[PARTIAL_BYTES]);
        return new EncryptingStream(literal, encrypted, sink);
    }

    /** Recipients' key ids, and whether a passphrase opens it; never the passphrase. */
    @Override
    public String toString() {
        return "OpenPGP AES-256 to "
                + recipients.stream().map(Recipient::description).toList()
                + (passphrase != null ? " and a passphrase" : "");
    }

    private static char[] requirePassphrase(char[] passphrase) {
        if (passphrase != null && passphrase.length == 0) {
            throw new IllegalArgumentException("the OpenPGP passphrase is empty");
        }
        return passphrase;
    }

    private static Recipient recipient(OpenPGPCertificate certificate, String source, Instant now) {
        String who = source + ": key " + OpenPgpKeys.describe(certificate);
        PGPPublicKey primary = certificate.getPrimaryKey().getPGPPublicKey();
        if (primary.getVersion() != PublicKeyPacket.VERSION_4) {
            throw new IllegalArgumentException(who + " is a version " + primary.getVersion()
                    + " key; only version 4 keys (RFC 4880), the kind gpg 2.2 makes and reads, are supported");
        }
        Date at = Date.from(now);
        List<OpenPGPComponentKey> usable = certificate.getEncryptionKeys(at).stream()
                .filter(k -> k.getPGPPublicKey().getVersion() == PublicKeyPacket.VERSION_4)
                .filter(k -> ENCRYPTION_ALGORITHMS.contains(k.getAlgorithm()))
                .sorted(Comparator.comparing(OpenPGPComponentKey::getCreationTime)
                        .reversed())
                .toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException(who + " cannot be encrypted to: " + whyNoEncryptionKey(certificate, at));
        }
        PGPPublicKey key = usable.getFirst().getPGPPublicKey();
        return new Recipient(
                key,
                OpenPgpKeys.keyId(key.getKeyID()) + " of " + OpenPgpKeys.describe(certificate),
                OpenPgpKeys.fingerprint(certificate.getPrimaryKey().getPGPPublicKey()));
    }

    /** Why {@link OpenPGPCertificate#getEncryptionKeys(Date)} found nothing, for a person to act on. */
    private static String whyNoEncryptionKey(OpenPGPCertificate certificate, Date at) {
        OpenPGPCertificate.OpenPGPPrimaryKey primary = certificate.getPrimaryKey();
        if (primary.getPGPPublicKey().hasRevocation() && !primary.isBoundAt(at)) {
            return "it is revoked";
        }
        Date expiry = expiry(primary.getPGPPublicKey());
        if (expiry != null && !expiry.after(at)) {
            return "it expired on " + expiry.toInstant();
        }
        if (!primary.isBoundAt(at)) {
            return "it has no valid self-signature (or only ones Bouncy Castle's default policy refuses: SHA-1 made"
                    + " after 2023-02-01, RSA below 2000 bits)";
        }
        List<String> reasons = new ArrayList<>();
        for (OpenPGPComponentKey key : certificate.getKeys()) {
            PGPPublicKey raw = key.getPGPPublicKey();
            if (!raw.isEncryptionKey()) {
                continue;
            }
            String name = (key.isPrimaryKey() ? "primary key " : "subkey ") + OpenPgpKeys.keyId(raw.getKeyID());
            Date keyExpiry = expiry(raw);
            if (!key.isPrimaryKey() && raw.hasRevocation()) {
                reasons.add(name + " is revoked");
            } else if (keyExpiry != null && !keyExpiry.after(at)) {
                reasons.add(name + " expired on " + keyExpiry.toInstant());
            } else if (raw.getVersion() != PublicKeyPacket.VERSION_4
                    || !ENCRYPTION_ALGORITHMS.contains(raw.getAlgorithm())) {
                reasons.add(name + " uses " + OpenPgpKeys.algorithmName(raw.getAlgorithm()) + " in a version "
                        + raw.getVersion() + " key, which gpg 2.2 cannot decrypt");
            } else if (!key.isBoundAt(at)) {
                reasons.add(name + " has no valid binding signature");
            } else {
                reasons.add(name + " is not marked for encryption (key flags, RFC 4880 section 5.2.3.21)");
            }
        }
        if (reasons.isEmpty()) {
            return "it has no encryption key, only keys that certify or sign (add one with gpg --quick-add-key FPR"
                    + " cv25519 encr)";
        }
        return String.join("; ", reasons);
    }

    private static Date expiry(PGPPublicKey key) {
        long seconds = key.getValidSeconds();
        return seconds > 0 ? new Date(key.getCreationTime().getTime() + seconds * 1000) : null;
    }

    private record Recipient(PGPPublicKey key, String description, String certificateFingerprint) {}

    /** Literal data inside encrypted data inside the sink; closes all three in that order, once. */
    private static final class EncryptingStream extends OutputStream {
        private final OutputStream literal;
        private final OutputStream encrypted;
        private final OutputStream sink;
        private boolean closed;

        EncryptingStream(OutputStream literal, OutputStream encrypted, OutputStream sink) {
            this.literal = literal;
            this.encrypted = encrypted;
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            literal.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            literal.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            literal.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (sink;
                    encrypted) {
                literal.close();
            }
        }
    }
}
