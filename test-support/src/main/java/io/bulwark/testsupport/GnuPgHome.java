package io.bulwark.testsupport;

import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ProcessRunner.Command;
import io.bulwark.engines.process.ToolMissingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throwaway GnuPG home ({@code GNUPGHOME}, mode 0700) with key pairs made by the real {@code gpg}, for tests
 * that encrypt artifacts to a public key and open them with {@code gpg --decrypt} or give the secret key to the
 * verifier. Keys are {@code future-default} (Ed25519 signing key with a Curve25519 encryption subkey on GnuPG
 * 2.2, made in milliseconds) without a passphrase.
 *
 * <p>{@link #close()} stops every daemon gpg started for this home ({@code gpgconf --kill all}); the files are
 * left to the caller's temporary directory. Not thread-safe.
 */
public final class GnuPgHome implements AutoCloseable {

    private static final Duration GPG_TIMEOUT = Duration.ofMinutes(2);

    private final Path dir;
    private final Path home;
    private final ProcessRunner runner = new ProcessRunner();

    private GnuPgHome(Path dir, Path home) {
        this.dir = dir;
        this.home = home;
    }

    /**
     * A key pair in this home and its exported files.
     *
     * @param email the user id's e-mail address, which names the key for gpg
     * @param fingerprint the primary key's fingerprint (40 hex digits)
     * @param publicKey the armored public key ({@code gpg --armor --export}), what a target's {@code
     *     encryption.recipients} names
     * @param secretKey the armored secret key ({@code gpg --armor --export-secret-keys}, mode 0600), what the
     *     verifier's {@code decryption.secret-keys} names
     */
    public record KeyPair(String email, String fingerprint, Path publicKey, Path secretKey) {}

    /**
     * Creates {@code dir/gnupg} (mode 0700) as a fresh GnuPG home.
     *
     * @param dir a directory for the home and the exported key files; created if missing. Keep its path short:
     *     gpg-agent's socket lives in the home and a Unix socket path has at most 107 bytes
     * @throws IllegalStateException when {@code gpg} is not installed
     */
    public static GnuPgHome create(Path dir) {
        Path home = dir.resolve("gnupg");
        try {
            Files.createDirectories(dir);
            Files.createDirectory(
                    home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + home, e);
        }
        GnuPgHome gnupg = new GnuPgHome(dir, home);
        gnupg.gpgOk("--version");
        return gnupg;
    }

    /** The home directory, the value of {@code GNUPGHOME}. */
    public Path home() {
        return home;
    }

    /** {@code GNUPGHOME=<home>}, the environment to run {@code gpg} with. */
    public Map<String, String> env() {
        return Map.of("GNUPGHOME", home.toString());
    }

    /**
     * Generates a key pair for {@code name@example.invalid} and exports it to {@code dir/name.pub.asc} and
     * {@code dir/name.sec.asc}.
     *
     * @param name lower-case letters and digits
     * @throws IllegalStateException when gpg fails, with its error output
     */
    public KeyPair generateKey(String name) {
        String email = name + "@example.invalid";
        gpgOk(
                "--passphrase",
                "",
                "--quick-gen-key",
                "Bulwark Test " + name + " <" + email + ">",
                "future-default",
                "default",
                "never");
        String fingerprint = gpgOk("--with-colons", "--list-keys", email)
                .lines()
                .filter(l -> l.startsWith("fpr:"))
                .findFirst()
                .map(l -> l.split(":")[9])
                .orElseThrow(() -> new IllegalStateException("gpg lists no fingerprint for " + email));
        Path publicKey = dir.resolve(name + ".pub.asc");
        Path secretKey = dir.resolve(name + ".sec.asc");
        try {
            Files.writeString(publicKey, gpgOk("--armor", "--export", email), StandardCharsets.US_ASCII);
            Files.writeString(
                    Files.createFile(
                            secretKey,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    gpgOk("--passphrase", "", "--armor", "--export-secret-keys", email),
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key files of " + email + " to " + dir, e);
        }
        return new KeyPair(email, fingerprint, publicKey, secretKey);
    }

    /**
     * Runs {@code gpg --batch --no-tty <args>} in this home ({@code --pinentry-mode loopback} added when a
     * passphrase is given on the command line).
     *
     * @throws IllegalStateException when gpg is not installed
     */
    public ProcessRunner.Result gpg(String... args) {
        List<String> argv = new ArrayList<>(List.of("gpg", "--batch", "--no-tty"));
        List<String> given = List.of(args);
        if ((given.contains("--passphrase") || given.contains("--passphrase-file"))
                && !given.contains("--pinentry-mode")) {
            argv.addAll(List.of("--pinentry-mode", "loopback"));
        }
        argv.addAll(given);
        try {
            return runner.run(new Command(argv, env(), GPG_TIMEOUT));
        } catch (ToolMissingException e) {
            throw new IllegalStateException("cannot run gpg (is GnuPG installed?)", e);
        }
    }

    private String gpgOk(String... args) {
        ProcessRunner.Result result = gpg(args);
        if (!result.succeeded()) {
            throw new IllegalStateException(
                    "gpg " + String.join(" ", args) + " exited with " + result.exitCode() + ": " + result.stderr());
        }
        return result.stdout();
    }

    /** Stops gpg-agent and every other daemon gpg started for this home ({@code gpgconf --kill all}). */
    @Override
    public void close() {
        try {
            runner.run(new Command(List.of("gpgconf", "--kill", "all"), env(), GPG_TIMEOUT));
        } catch (RuntimeException ignored) {
            // gpgconf is missing or failed: nothing was started that it could stop
        } finally {
            runner.close();
        }
    }
}
