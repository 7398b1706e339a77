package io.bulwark.artifacts.codec;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.bcpg.SecretKeyPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;

/**
 * What {@link ArtifactDecoder} may use to open encrypted artifacts: OpenPGP secret keys (for artifacts
 * encrypted to a recipient) and passphrases (for artifacts encrypted with one). Immutable and
 * thread-safe; the {@code with…} methods return a new set.
 *
 * <p>Secret keys are unlocked when added, so a wrong key passphrase fails at start-up rather than at
 * the first verification. Their validity (expiry, revocation) is not checked: a key that has since
 * expired still opens the artifacts encrypted to it. Keys without secret material ({@code gpg
 * --export-secret-subkeys} stubs, keys on a smartcard) are skipped.
 */
public final class DecryptionKeys {

    private static final DecryptionKeys NONE = new DecryptionKeys(List.of(), List.of());

    private final List<SecretKey> secretKeys;
    private final List<char[]> passphrases;

    private DecryptionKeys(List<SecretKey> secretKeys, List<char[]> passphrases) {
        this.secretKeys = List.copyOf(secretKeys);
        this.passphrases = List.copyOf(passphrases);
    }

    /** No keys: opens only unencrypted artifacts. */
    public static DecryptionKeys none() {
        return NONE;
    }

    /**
     * The secret keys in {@code file}; see {@link #withSecretKeyFile(Path, char[])}.
     *
     * @throws IllegalArgumentException as {@link #withSecretKeyFile(Path, char[])} does
     */
    public static DecryptionKeys ofSecretKeyFile(Path file, char[] keyPassphrase) {
        return NONE.withSecretKeyFile(file, keyPassphrase);
    }

    /**
     * One passphrase for symmetrically encrypted artifacts.
     *
     * @throws IllegalArgumentException when it is empty
     */
    public static DecryptionKeys ofPassphrase(char[] passphrase) {
        return NONE.withPassphrase(passphrase);
    }

    /**
     * These keys and the secret keys of {@code file}, armored ({@code gpg --armor --export-secret-keys})
     * or binary.
     *
     * @param keyPassphrase the passphrase protecting the secret keys (RFC 4880 section 5.5.3), or null
     *     when they are not protected
     * @throws IllegalArgumentException naming the file and key when the file is missing, holds no secret
     *     key with secret material, or a key is protected and {@code keyPassphrase} is null or does not
     *     unlock it
     * @throws java.io.UncheckedIOException when the file exists but cannot be read
     */
    public DecryptionKeys withSecretKeyFile(Path file, char[] keyPassphrase) {
        return with(OpenPgpKeys.read(file, "secret key file"), "secret key file " + file, keyPassphrase);
    }

    /**
     * These keys and the secret keys read from {@code in} (read to its end, not closed).
     *
     * @param source names the stream in messages, e.g. a configuration property
     * @param keyPassphrase the passphrase protecting the secret keys, or null when they are not protected
     * @throws IllegalArgumentException as {@link #withSecretKeyFile(Path, char[])} does
     */
    public DecryptionKeys withSecretKeys(InputStream in, String source, char[] keyPassphrase) {
        return with(OpenPgpKeys.read(in, source), source, keyPassphrase);
    }

    /**
     * These keys and {@code passphrase} (copied) for artifacts encrypted with a passphrase.
     *
     * @throws IllegalArgumentException when it is empty
     */
    public DecryptionKeys withPassphrase(char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("the decryption passphrase is empty");
        }
        List<char[]> more = new ArrayList<>(passphrases);
        more.add(passphrase.clone());
        return new DecryptionKeys(secretKeys, more);
    }

    /** True when there is neither a secret key nor a passphrase. */
    public boolean isEmpty() {
        return secretKeys.isEmpty() && passphrases.isEmpty();
    }

    /** The key ids ({@code 0x} and 16 hex digits) of the secret keys, in the order they were added. */
    public List<String> secretKeyIds() {
        return secretKeys.stream().map(k -> OpenPgpKeys.keyId(k.keyId())).toList();
    }

    /**
     * The fingerprints (upper-case hex) of the certificates whose secret encryption keys this ring holds: the primary
     * key's fingerprint, the one {@link OpenPgpEncryption#recipientFingerprints()} records, in the order added,
     * without duplicates.
     */
    public List<String> fingerprints() {
        return secretKeys.stream()
                .map(SecretKey::certificateFingerprint)
                .distinct()
                .toList();
    }

    /**
     * True when this ring holds a secret key of one of {@code recipientFingerprints} (matched against the
     * certificate's fingerprint and the encryption subkey's own, case-insensitively).
     */
    public boolean opensAnyOf(java.util.Collection<String> recipientFingerprints) {
        for (String fingerprint : recipientFingerprints) {
            String wanted = fingerprint.toUpperCase(java.util.Locale.ROOT);
            for (SecretKey key : secretKeys) {
                if (key.certificateFingerprint().equals(wanted)
                        || key.fingerprint().equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many passphrases there are. */
    public int passphraseCount() {
        return passphrases.size();
    }

    /** The secret keys whose key id is {@code recipient}'s, or all of them for a wildcard recipient. */
    List<PGPPrivateKey> privateKeysFor(KeyIdentifier recipient) {
        return secretKeys.stream()
                .filter(k -> recipient.isWildcard() || k.identifier().matches(recipient))
                .map(SecretKey::privateKey)
                .toList();
    }

    /** The passphrases themselves (not copies; the caller must not change them). */
    List<char[]> passphrases() {
        return passphrases;
    }

    /** Key ids and the number of passphrases; never a passphrase. */
    @Override
    public String toString() {
        return "DecryptionKeys[secretKeys=" + secretKeyIds() + ", passphrases=" + passphrases.size() + "]";
    }

    private DecryptionKeys with(List<OpenPGPCertificate> read, String source, char[] keyPassphrase) {
        List<SecretKey> more = new ArrayList<>(secretKeys);
        int before = more.size();
        for (OpenPGPCertificate certificate : read) {
            if (!(certificate instanceof OpenPGPKey key)) {
                continue;
            }
            String certificateFingerprint =
                    OpenPgpKeys.fingerprint(key.getPrimaryKey().getPGPPublicKey());
            for (PGPSecretKey secret : key.getPGPSecretKeyRing()) {
                if (secret.isPrivateKeyEmpty() || !secret.getPublicKey().isEncryptionKey()) {
                    continue;
                }
                more.add(new SecretKey(
                        secret.getKeyIdentifier(),
                        unlock(secret, source, keyPassphrase),
                        certificateFingerprint,
                        OpenPgpKeys.fingerprint(secret.getPublicKey())));
            }
        }
        if (more.size() == before) {
            throw new IllegalArgumentException(source
                    + " holds no secret encryption key (a public key, or only stubs or signing keys?); export one"
                    + " with gpg --armor --export-secret-keys");
        }
        return new DecryptionKeys(more, passphrases);
    }

    private static PGPPrivateKey unlock(PGPSecretKey secret, String source, char[] keyPassphrase) {
        String name = source + ": secret key " + OpenPgpKeys.keyId(secret.getKeyID());
        boolean protectedKey = secret.getS2KUsage() != SecretKeyPacket.USAGE_NONE;
        if (protectedKey && keyPassphrase == null) {
            throw new IllegalArgumentException(name + " is protected by a passphrase, but none was given");
        }
        PBESecretKeyDecryptor decryptor =
                protectedKey ? new BcPBESecretKeyDecryptorBuilder(OpenPgpKeys.DIGESTS).build(keyPassphrase) : null;
        try {
            PGPPrivateKey key = secret.extractPrivateKey(decryptor);
            if (key == null) {
                throw new IllegalArgumentException(name + " has no secret material");
            }
            return key;
        } catch (PGPException e) {
            throw new IllegalArgumentException(
                    name + ": wrong passphrase, it does not unlock the key (" + e.getMessage() + ")", e);
        }
    }

    private record SecretKey(
            KeyIdentifier identifier, PGPPrivateKey privateKey, String certificateFingerprint, String fingerprint) {
        long keyId() {
            return identifier.getKeyId();
        }
    }
}
