package io.bulwark.verifier.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the verifier decrypts encrypted artifacts with: OpenPGP secret keys ({@code
 * bulwark.verifier.decryption.*}) and the symmetric passphrases the targets encrypt with ({@code
 * bulwark.targets.<id>.encryption.passphrase-env|passphrase-file}, the same shared setting the
 * dump-worker reads).
 *
 * <pre>
 * bulwark:
 *   verifier:
 *     decryption:
 *       secret-keys: [/run/secrets/bulwark-verify.asc]   # armored or binary secret keys
 *       secret-key-passphrase-env: BULWARK_VERIFY_KEY_PASSPHRASE  # when the keys are protected
 * </pre>
 *
 * <p>{@code secret-keys} is a key ring: list the old keys beside the new one while backups encrypted to the old ones
 * are retained, so that they stay verifiable (every file is unlocked with the one passphrase, or none).
 *
 * @param verifier holds {@code decryption}
 * @param targets each target's encryption settings (other target settings are ignored here)
 * @throws IllegalArgumentException naming the property when a secret key file cannot be read
 */
@ConfigurationProperties("bulwark")
public record DecryptionProperties(Verifier verifier, Map<String, Target> targets) {

    public DecryptionProperties {
        verifier = verifier == null ? new Verifier(null) : verifier;
        targets = targets == null ? Map.of() : new LinkedHashMap<>(targets);
        List<String> errors = new ArrayList<>();
        for (String file : verifier.decryption().secretKeys()) {
            if (!Files.isReadable(Path.of(file))) {
                errors.add("bulwark.verifier.decryption.secret-keys: " + file + " cannot be read");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid Bulwark configuration: " + String.join("; ", errors));
        }
    }

    /** @param decryption the verifier's decryption keys */
    public record Verifier(Decryption decryption) {
        public Verifier {
            decryption = decryption == null ? new Decryption(null, null, null) : decryption;
        }
    }

    /**
     * @param secretKeys files holding OpenPGP secret keys
     * @param secretKeyPassphraseEnv environment variable holding the keys' passphrase, or null
     * @param secretKeyPassphraseFile file holding the keys' passphrase, or null
     */
    public record Decryption(List<String> secretKeys, String secretKeyPassphraseEnv, String secretKeyPassphraseFile) {
        public Decryption {
            secretKeys = secretKeys == null ? List.of() : List.copyOf(secretKeys);
        }
    }

    /** @param encryption the target's encryption, or null */
    public record Target(Encryption encryption) {}

    /**
     * @param passphraseEnv environment variable holding the target's passphrase, or null
     * @param passphraseFile file holding it, or null
     * @param recipients the public key files the dump-worker encrypts the target's new backups to (the shared {@code
     *     bulwark.targets.<id>.encryption.recipients}); the verifier reads them to know that the target encrypts and to
     *     check that its key ring opens what is being written ({@link KeyRingCoverage})
     * @param required whether every artifact of the target must be OpenPGP-encrypted, so that a plaintext one is
     *     FAILED ({@code bulwark.targets.<id>.encryption.required}); null means true when recipients or a passphrase
     *     are configured
     */
    public record Encryption(String passphraseEnv, String passphraseFile, List<String> recipients, Boolean required) {
        public Encryption {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }

        /** True when the target's artifacts must be encrypted: {@code required}, else whether anything encrypts. */
        public boolean encryptionRequired() {
            if (required != null) {
                return required;
            }
            return !recipients.isEmpty()
                    || (passphraseEnv != null && !passphraseEnv.isBlank())
                    || (passphraseFile != null && !passphraseFile.isBlank());
        }
    }

    /** True when the artifacts of {@code targetId} must be encrypted ({@link Encryption#encryptionRequired()}). */
    public boolean encryptionRequired(String targetId) {
        Target target = targets.get(targetId);
        return target != null
                && target.encryption() != null
                && target.encryption().encryptionRequired();
    }
}
