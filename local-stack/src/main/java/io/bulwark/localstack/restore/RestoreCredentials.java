package io.bulwark.localstack.restore;

import io.bulwark.artifacts.codec.DecryptionKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The secrets of a standalone restore, read from the environment or from files, never from the command line: the
 * destination's password, the object store's keys, the OpenPGP secret keys with their passphrase and a symmetric
 * backup passphrase. A file given as an option wins over the environment; a file's content is taken without its
 * trailing line break. Messages name the variable or the file, never the secret. Thread-safe.
 */
public final class RestoreCredentials {

    /** The destination's password. */
    public static final String RESTORE_PASSWORD_ENV = "BULWARK_RESTORE_PASSWORD";

    /** The object store's access key. */
    public static final String S3_ACCESS_KEY_ENV = "BULWARK_S3_ACCESS_KEY";

    /** The object store's secret key. */
    public static final String S3_SECRET_KEY_ENV = "BULWARK_S3_SECRET_KEY";

    /** The AWS tools' access key variable, read when {@value #S3_ACCESS_KEY_ENV} is not set. */
    public static final String AWS_ACCESS_KEY_ENV = "AWS_ACCESS_KEY_ID";

    /** The AWS tools' secret key variable, read when {@value #S3_SECRET_KEY_ENV} is not set. */
    public static final String AWS_SECRET_KEY_ENV = "AWS_SECRET_ACCESS_KEY";

    /** The passphrase that unlocks the OpenPGP secret keys of {@code --secret-key}. */
    public static final String SECRET_KEY_PASSPHRASE_ENV = "BULWARK_SECRET_KEY_PASSPHRASE";

    /** The passphrase of symmetrically encrypted backups. */
    public static final String BACKUP_PASSPHRASE_ENV = "BULWARK_BACKUP_PASSPHRASE";

    private final Function<String, String> env;

    /** @param env reads an environment variable ({@code System::getenv}); answers null when it is not set */
    public RestoreCredentials(Function<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /**
     * The object store's keys.
     *
     * @param accessKey the access key
     * @param secretKey the secret key; never printed
     */
    public record S3Keys(String accessKey, String secretKey) {
        @Override
        public String toString() {
            return "S3Keys[accessKey=" + accessKey + ", secretKey=***]";
        }
    }

    /**
     * The destination's password: {@code file} when given, else {@value #RESTORE_PASSWORD_ENV}, else null
     * (password-less authentication: trust, peer, a socket).
     *
     * @throws IllegalArgumentException when the file cannot be read
     */
    public String destinationPassword(Path file) {
        return secret(file, "--password-file", RESTORE_PASSWORD_ENV);
    }

    /**
     * The object store's keys: from the files when given, else {@value #S3_ACCESS_KEY_ENV} and {@value
     * #S3_SECRET_KEY_ENV}, else {@value #AWS_ACCESS_KEY_ENV} and {@value #AWS_SECRET_KEY_ENV}.
     *
     * @throws IllegalArgumentException when a key is missing (saying where to put it) or a file cannot be read
     */
    public S3Keys s3Keys(Path accessKeyFile, Path secretKeyFile) {
        String access = secret(accessKeyFile, "--s3-access-key-file", S3_ACCESS_KEY_ENV);
        if (access == null) {
            access = secret(null, null, AWS_ACCESS_KEY_ENV);
        }
        String secret = secret(secretKeyFile, "--s3-secret-key-file", S3_SECRET_KEY_ENV);
        if (secret == null) {
            secret = secret(null, null, AWS_SECRET_KEY_ENV);
        }
        if (access == null || secret == null) {
            throw new IllegalArgumentException("the object store's " + (access == null ? "access" : "secret")
                    + " key is missing: set " + S3_ACCESS_KEY_ENV + " and " + S3_SECRET_KEY_ENV + " (or "
                    + AWS_ACCESS_KEY_ENV + " and " + AWS_SECRET_KEY_ENV
                    + "), or pass --s3-access-key-file and --s3-secret-key-file");
        }
        return new S3Keys(access, secret);
    }

    /**
     * The keys that open encrypted artifacts: the OpenPGP secret keys of {@code secretKeyFiles} (unlocked with the
     * passphrase of {@code keyPassphraseFile} or {@value #SECRET_KEY_PASSPHRASE_ENV}, when they are protected) and
     * the backup passphrase of {@code passphraseFile} or {@value #BACKUP_PASSPHRASE_ENV}. {@link
     * DecryptionKeys#none()} when none is given: then only unencrypted artifacts open.
     *
     * @throws IllegalArgumentException when a file cannot be read, holds no secret key, or a key stays locked
     */
    public DecryptionKeys decryptionKeys(List<Path> secretKeyFiles, Path keyPassphraseFile, Path passphraseFile) {
        DecryptionKeys keys = DecryptionKeys.none();
        if (secretKeyFiles != null && !secretKeyFiles.isEmpty()) {
            String keyPassphrase = secret(keyPassphraseFile, "--secret-key-passphrase-file", SECRET_KEY_PASSPHRASE_ENV);
            for (Path file : secretKeyFiles) {
                try {
                    keys = keys.withSecretKeyFile(file, keyPassphrase == null ? null : keyPassphrase.toCharArray());
                } catch (UncheckedIOException e) {
                    throw new IllegalArgumentException("--secret-key " + file + " cannot be read: " + e.getMessage());
                }
            }
        }
        String passphrase = secret(passphraseFile, "--passphrase-file", BACKUP_PASSPHRASE_ENV);
        if (passphrase != null) {
            keys = keys.withPassphrase(passphrase.toCharArray());
        }
        return keys;
    }

    /** {@code file}'s content when given, else the variable {@code variable}; null when neither holds anything. */
    private String secret(Path file, String option, String variable) {
        if (file != null) {
            return readFile(file, option);
        }
        String value = env.apply(variable);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * A secret file's content without its trailing line break.
     *
     * @throws IllegalArgumentException naming the option and the file when it cannot be read or is empty
     */
    static String readFile(Path file, String option) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(option + " " + file + " cannot be read: " + e.getMessage());
        }
        String value = text.replaceFirst("\\r?\\n$", "");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(option + " " + file + " is empty");
        }
        return value;
    }
}
