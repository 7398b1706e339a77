package io.bulwark.artifacts.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPImplementation;
import org.bouncycastle.openpgp.operator.KeyFingerPrintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/** Reading OpenPGP keys and naming them in messages; shared by encryption and decryption. */
final class OpenPgpKeys {

    static final SecureRandom RANDOM = new SecureRandom();
    static final KeyFingerPrintCalculator FINGERPRINTS = new BcKeyFingerprintCalculator();
    static final BcPGPDigestCalculatorProvider DIGESTS = new BcPGPDigestCalculatorProvider();

    private OpenPgpKeys() {}

    /**
     * Every certificate (public key) and key (secret key) in {@code file}, armored or binary.
     *
     * @throws IllegalArgumentException when the file is missing, unreadable or holds no OpenPGP key
     */
    static List<OpenPGPCertificate> read(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " " + file + " does not exist or is not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, what + " " + file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + " " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException(what + " " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Every certificate and key in {@code in}, armored or binary; {@code in} is read to its end, not
     * closed.
     *
     * @param source names the stream in messages
     * @throws IllegalArgumentException when it holds no OpenPGP key or is malformed
     */
    static List<OpenPGPCertificate> read(InputStream in, String source) {
        List<OpenPGPCertificate> certificates;
        try {
            certificates = new OpenPGPKeyReader(new BcOpenPGPImplementation()).parseKeysOrCertificates(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(source + " is not an OpenPGP key: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no OpenPGP key");
        }
        return certificates;
    }

    /** {@code 0x} and the 16 hex digits of a key id, as {@code gpg --keyid-format 0xlong} prints it. */
    static String keyId(long keyId) {
        return "0x" + String.format(Locale.ROOT, "%016X", keyId);
    }

    /**
     * The fingerprint of {@code key} in upper-case hex without spaces (40 digits for a version 4 key, RFC 4880 section
     * 12.2), as {@code gpg --list-keys} prints it.
     */
    static String fingerprint(PGPPublicKey key) {
        return org.bouncycastle.util.encoders.Hex.toHexString(key.getFingerprint())
                .toUpperCase(Locale.ROOT);
    }

    /** {@link #keyId(long)} of {@code id}, or a note that the recipient is hidden (a wildcard). */
    static String keyId(KeyIdentifier id) {
        return id.isWildcard() ? "a hidden recipient (wildcard key id)" : keyId(id.getKeyId());
    }

    /** The key id and, when the key has one, its first user id: {@code 0x… "Name <mail>"}. */
    static String describe(OpenPGPCertificate certificate) {
        PGPPublicKey primary = certificate.getPrimaryKey().getPGPPublicKey();
        Iterator<String> userIds = primary.getUserIDs();
        return keyId(primary.getKeyID()) + (userIds.hasNext() ? " \"" + userIds.next() + "\"" : "");
    }

    /** The RFC 4880 section 9.1 / RFC 9580 section 9.1 name of a public-key algorithm. */
    static String algorithmName(int algorithm) {
        return switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_ENCRYPT -> "RSA";
            case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL -> "ElGamal";
            case PublicKeyAlgorithmTags.ECDH -> "ECDH";
            case PublicKeyAlgorithmTags.X25519 -> "X25519";
            case PublicKeyAlgorithmTags.X448 -> "X448";
            default -> "algorithm " + algorithm;
        };
    }
}
