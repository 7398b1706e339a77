package io.bulwark.verifier.config;

import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.pipeline.DecryptionKeyring;
import io.bulwark.service.secrets.SecretReader;
import java.nio.file.Path;

/**
 * The verifier's secret keys (loaded and unlocked once, at start-up) plus the passphrase of the
 * target being verified, read from its environment variable or file at each verification so that a
 * rotated secret file is picked up.
 */
final class ConfiguredDecryptionKeyring implements DecryptionKeyring {

    private final DecryptionKeys secretKeys;
    private final DecryptionProperties properties;
    private final SecretReader secrets = new SecretReader();

    /** @throws IllegalArgumentException when a secret key cannot be read or unlocked */
    ConfiguredDecryptionKeyring(DecryptionProperties properties) {
        this.properties = properties;
        DecryptionProperties.Decryption d = properties.verifier().decryption();
        String keyPassphrase = secrets.read(
                d.secretKeyPassphraseEnv(),
                d.secretKeyPassphraseFile(),
                "bulwark.verifier.decryption.secret-key-passphrase");
        DecryptionKeys keys = DecryptionKeys.none();
        for (String file : d.secretKeys()) {
            keys = keys.withSecretKeyFile(Path.of(file), keyPassphrase == null ? null : keyPassphrase.toCharArray());
        }
        this.secretKeys = keys;
    }

    /** The secret keys of every configured file (no passphrase): the ring {@link KeyRingCoverage} checks. */
    DecryptionKeys secretKeys() {
        return secretKeys;
    }

    @Override
    public DecryptionKeys keysFor(String targetId) {
        DecryptionProperties.Target target = properties.targets().get(targetId);
        if (target == null || target.encryption() == null) {
            return secretKeys;
        }
        String passphrase = secrets.read(
                target.encryption().passphraseEnv(),
                target.encryption().passphraseFile(),
                "bulwark.targets." + targetId + ".encryption.passphrase");
        return passphrase == null ? secretKeys : secretKeys.withPassphrase(passphrase.toCharArray());
    }
}
