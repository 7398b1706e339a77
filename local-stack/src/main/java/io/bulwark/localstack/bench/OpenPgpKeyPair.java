package io.bulwark.localstack.bench;

import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ToolMissingException;
import io.bulwark.localstack.ConfigFile;
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
 * A throwaway OpenPGP key pair made with GnuPG for a benchmark run: {@code gpg --batch --passphrase ''
 * --quick-gen-key 'Bulwark Bench <bench@example.invalid>' default default never} in a fresh {@code GNUPGHOME}, the
 * public key exported ASCII-armored (what a target's {@code encryption.recipients} names) and the secret key too (mode
 * 0600, what the verifier's {@code decryption.secret-keys} would name). The key has no passphrase.
 *
 * @param publicKey the armored public key file
 * @param secretKey the armored secret key file
 */
record OpenPgpKeyPair(Path publicKey, Path secretKey) {

    /** The key's user id. */
    static final String USER_ID = "Bulwark Bench <bench@example.invalid>";

    private static final String EMAIL = "bench@example.invalid";
    private static final Duration GPG_TIMEOUT = Duration.ofMinutes(2);

    /**
     * Generates a key pair with {@code dir/gnupg} as GnuPG's home and writes {@code dir/bench-public.asc} and {@code
     * dir/bench-secret.asc}. The gpg-agent started for that home is stopped again.
     *
     * @param dir a folder for the key files and the GnuPG home; created if missing
     * @param runner runs gpg
     * @return the key files
     * @throws IllegalStateException when gpg is missing or fails, with its error output
     */
    static OpenPgpKeyPair generate(Path dir, ProcessRunner runner) {
        Path home = dir.resolve("gnupg");
        try {
            Files.createDirectories(dir);
            Files.createDirectories(
                    home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + home, e);
        }
        Map<String, String> env = Map.of("GNUPGHOME", home.toAbsolutePath().toString());
        try {
            gpg(runner, env, "--batch", "--passphrase", "", "--quick-gen-key", USER_ID, "default", "default", "never");
            String publicKey = gpg(runner, env, "--batch", "--armor", "--export", EMAIL);
            String secretKey = gpg(
                    runner,
                    env,
                    "--batch",
                    "--pinentry-mode",
                    "loopback",
                    "--passphrase",
                    "",
                    "--armor",
                    "--export-secret-keys",
                    EMAIL);
            if (!publicKey.contains("BEGIN PGP PUBLIC KEY BLOCK")) {
                throw new IllegalStateException("gpg --armor --export wrote no public key");
            }
            Path pub = dir.resolve("bench-public.asc");
            Files.writeString(pub, publicKey, StandardCharsets.UTF_8);
            Path sec = ConfigFile.writeSecret(dir.resolve("bench-secret.asc"), secretKey);
            return new OpenPgpKeyPair(pub, sec);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key files to " + dir, e);
        } finally {
            try {
                runner.run(new ProcessRunner.Command(
                        List.of("gpgconf", "--kill", "gpg-agent"), env, Duration.ofSeconds(30)));
            } catch (RuntimeException ignored) {
                // no agent, or no gpgconf: nothing to stop
            }
        }
    }

    private static String gpg(ProcessRunner runner, Map<String, String> env, String... args) {
        List<String> argv = new ArrayList<>(List.of("gpg"));
        argv.addAll(List.of(args));
        ProcessRunner.Result r;
        try {
            r = runner.run(new ProcessRunner.Command(argv, env, GPG_TIMEOUT));
        } catch (ToolMissingException e) {
            throw new IllegalStateException("cannot run gpg (install gnupg) to make the benchmark's key pair", e);
        }
        if (!r.succeeded()) {
            throw new IllegalStateException(
                    String.join(" ", argv) + " failed (exit " + r.exitCode() + "): " + r.stderr());
        }
        return r.stdout();
    }
}
