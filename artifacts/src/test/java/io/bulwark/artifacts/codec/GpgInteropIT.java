package io.bulwark.artifacts.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.bulwark.artifacts.CaptureStream;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codec chain against the real tools: {@code gpg} (GnuPG 2.2), {@code zstd} and {@code gzip}
 * open what a capture stores, as the README promises ({@code gpg -d | zstd -d | pg_restore}), and the
 * decoder opens what {@code gpg --encrypt} writes. The keys are made by gpg in a temporary {@code
 * GNUPGHOME}: an RSA 3072 key and an Ed25519 key with a Curve25519 encryption subkey. Skipped when a
 * tool is missing.
 */
class GpgInteropIT {

    private static final String PASSPHRASE = "interop passphrase";
    private static final byte[] RAW = ArtifactDecoderTest.sample(6 * 1024 * 1024 + 123);

    @TempDir
    static Path dir;

    private static Path home;
    private static Path gpgBin;
    private static Path zstdBin;
    private static Path gzipBin;
    private static Path rawFile;
    private static Path passphraseFile;

    @BeforeAll
    static void makeKeys() throws Exception {
        gpgBin = onPath("gpg").orElse(null);
        zstdBin = onPath("zstd").orElse(null);
        gzipBin = onPath("gzip").orElse(null);
        assumeThat(gpgBin).as("gpg on the PATH").isNotNull();
        assumeThat(zstdBin).as("zstd on the PATH").isNotNull();
        assumeThat(gzipBin).as("gzip on the PATH").isNotNull();
        home = Files.createDirectory(
                dir.resolve("gnupg"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        gpgOk(
                "--passphrase",
                "",
                "--quick-gen-key",
                "Bulwark Test RSA <rsa@example.invalid>",
                "rsa3072",
                "encr",
                "never");
        gpgOk(
                "--passphrase",
                "",
                "--quick-gen-key",
                "Bulwark Test CV <cv@example.invalid>",
                "ed25519",
                "cert",
                "never");
        gpgOk("--passphrase", "", "--quick-add-key", fingerprint("cv@example.invalid"), "cv25519", "encr", "never");
        gpgOk("--passphrase", "", "--quick-add-key", fingerprint("cv@example.invalid"), "ed25519", "sign", "never");
        for (String name : List.of("rsa", "cv")) {
            gpgOk(
                    "--armor",
                    "--output",
                    dir.resolve(name + ".pub.asc").toString(),
                    "--export",
                    name + "@example.invalid");
            gpgOk(
                    "--passphrase",
                    "",
                    "--armor",
                    "--output",
                    dir.resolve(name + ".sec.asc").toString(),
                    "--export-secret-keys",
                    name + "@example.invalid");
        }
        rawFile = Files.write(dir.resolve("dump.raw"), RAW);
        passphraseFile = Files.writeString(dir.resolve("passphrase"), PASSPHRASE);
    }

    @AfterAll
    static void stopAgent() throws Exception {
        if (home != null) {
            run(List.of("gpgconf", "--kill", "gpg-agent"), null, null);
        }
    }

    @Test
    void gpgAndZstdOpenACaptureEncryptedToAnRsaKey() throws Exception {
        Path stored = capture(CodecChain.zstd().encryptedWith(encryptionTo("rsa")), "rsa.zst.gpg");

        decryptWithGpg(stored, List.of(), zstdBin);
        assertThat(Files.readAllBytes(dir.resolve("rsa.zst.gpg.out"))).isEqualTo(RAW);
    }

    @Test
    void gpgAndZstdOpenACaptureEncryptedToACurve25519Key() throws Exception {
        Path stored = capture(CodecChain.zstd().encryptedWith(encryptionTo("cv")), "cv.zst.gpg");

        decryptWithGpg(stored, List.of(), zstdBin);
        assertThat(Files.readAllBytes(dir.resolve("cv.zst.gpg.out"))).isEqualTo(RAW);
    }

    @Test
    void gpgAndZstdOpenACaptureEncryptedWithAPassphrase() throws Exception {
        OpenPgpEncryption encryption = OpenPgpEncryption.withPassphrase(PASSPHRASE.toCharArray());
        Path stored = capture(CodecChain.zstd(9).encryptedWith(encryption), "pass.zst.gpg");

        decryptWithGpg(
                stored,
                List.of("--pinentry-mode", "loopback", "--passphrase-file", passphraseFile.toString()),
                zstdBin);
        assertThat(Files.readAllBytes(dir.resolve("pass.zst.gpg.out"))).isEqualTo(RAW);
    }

    @Test
    void gpgAndGzipOpenAGzipCapture() throws Exception {
        Path stored = capture(CodecChain.gzip(6).encryptedWith(encryptionTo("cv")), "cv.gz.gpg");

        decryptWithGpg(stored, List.of(), gzipBin);
        assertThat(Files.readAllBytes(dir.resolve("cv.gz.gpg.out"))).isEqualTo(RAW);
    }

    @Test
    void theMessageHasThePacketsGpgTwoPointTwoReadsWithoutWarnings() throws Exception {
        OpenPgpEncryption encryption = OpenPgpEncryption.of(
                List.of(dir.resolve("rsa.pub.asc"), dir.resolve("cv.pub.asc")), PASSPHRASE.toCharArray());
        Path stored = capture(CodecChain.zstd().encryptedWith(encryption), "both.zst.gpg");

        Result listing = gpg(
                "--pinentry-mode",
                "loopback",
                "--passphrase-file",
                passphraseFile.toString(),
                "--list-packets",
                stored.toString());

        assertThat(listing.exitCode()).as(listing.stderr()).isZero();
        assertThat(listing.stdout())
                .contains(":pubkey enc packet: version 3, algo 1, keyid "
                        + encryption.recipientKeyIds().get(0).substring(2))
                .contains(":pubkey enc packet: version 3, algo 18, keyid "
                        + encryption.recipientKeyIds().get(1).substring(2))
                .contains(":symkey enc packet: version 4, cipher 9, aead 0,s2k 3, hash 8")
                .contains("count 65011712 (255)")
                .contains(":encrypted data packet:\n\tlength: unknown\n\tmdc_method: 2")
                .contains(":literal data packet:\n\tmode b (62)")
                .doesNotContain("compressed packet")
                .doesNotContain("aead encrypted packet");
        assertThat(listing.stderr()).doesNotContainIgnoringCase("warning");
    }

    @Test
    void theDecoderOpensWhatGpgEncryptsToAKeyCompressedSignedOrArmored() throws Exception {
        Path zst = compressWithZstd("plain.zst");
        Path encrypted = dir.resolve("by-gpg.zst.gpg");
        gpgOk(
                "--trust-model",
                "always",
                "--recipient",
                "cv@example.invalid",
                "--output",
                encrypted.toString(),
                "--encrypt",
                zst.toString());
        Path signedArmored = dir.resolve("by-gpg-signed.zst.asc");
        gpgOk(
                "--trust-model",
                "always",
                "--passphrase",
                "",
                "--pinentry-mode",
                "loopback",
                "--local-user",
                "cv@example.invalid",
                "--recipient",
                "cv@example.invalid",
                "--armor",
                "--compress-algo",
                "zlib",
                "--output",
                signedArmored.toString(),
                "--sign",
                "--encrypt",
                zst.toString());
        DecryptionKeys keys = DecryptionKeys.ofSecretKeyFile(dir.resolve("cv.sec.asc"), null);

        assertThat(decode(encrypted, List.of("zstd", "openpgp"), keys)).isEqualTo(RAW);
        assertThat(decode(signedArmored, List.of("zstd", "openpgp"), keys)).isEqualTo(RAW);
    }

    @Test
    void theDecoderOpensWhatGpgEncryptsWithAPassphrase() throws Exception {
        Path zst = compressWithZstd("plain-for-symmetric.zst");
        Path encrypted = dir.resolve("by-gpg-symmetric.zst.gpg");
        gpgOk(
                "--pinentry-mode",
                "loopback",
                "--passphrase-file",
                passphraseFile.toString(),
                "--cipher-algo",
                "AES256",
                "--output",
                encrypted.toString(),
                "--symmetric",
                zst.toString());

        assertThat(decode(encrypted, List.of("zstd", "openpgp"), DecryptionKeys.ofPassphrase(PASSPHRASE.toCharArray())))
                .isEqualTo(RAW);
        assertThatThrownBy(() -> decode(
                        encrypted, List.of("zstd", "openpgp"), DecryptionKeys.ofPassphrase("not it".toCharArray())))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("wrong passphrase");
    }

    @Test
    void theDecoderNamesTheRecipientWhenItHasTheWrongKey() throws Exception {
        Path zst = compressWithZstd("plain-for-rsa.zst");
        Path encrypted = dir.resolve("by-gpg-rsa.zst.gpg");
        gpgOk(
                "--trust-model",
                "always",
                "--recipient",
                "rsa@example.invalid",
                "--output",
                encrypted.toString(),
                "--encrypt",
                zst.toString());
        String rsaKeyId = encryptionTo("rsa").recipientKeyIds().getFirst();

        assertThatThrownBy(() -> decode(
                        encrypted,
                        List.of("zstd", "openpgp"),
                        DecryptionKeys.ofSecretKeyFile(dir.resolve("cv.sec.asc"), null)))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("no secret key")
                .hasMessageContaining("for any of the recipients " + rsaKeyId);
    }

    @Test
    void gpgRefusesACaptureWithTheWrongPassphrase() throws Exception {
        OpenPgpEncryption encryption = OpenPgpEncryption.withPassphrase(PASSPHRASE.toCharArray());
        Path stored = capture(CodecChain.zstd().encryptedWith(encryption), "pass-wrong.zst.gpg");

        Result result = gpg(
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                "not it",
                "--output",
                dir.resolve("nothing").toString(),
                "--decrypt",
                stored.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("Bad session key");
    }

    private static OpenPgpEncryption encryptionTo(String name) {
        return OpenPgpEncryption.toRecipients(List.of(dir.resolve(name + ".pub.asc")));
    }

    /** Captures {@link #RAW} through {@code chain} into a file, as the dump-worker does into an upload. */
    private static Path capture(CodecChain chain, String name) throws IOException {
        Path stored = dir.resolve(name);
        try (CaptureStream capture = new CaptureStream(new ByteArrayInputStream(RAW), chain, null)) {
            Files.copy(capture, stored);
            assertThat(capture.isComplete()).isTrue();
        }
        return stored;
    }

    /**
     * {@code gpg --decrypt stored | decompressor -d > stored.out}; asserts both succeed and gpg verified
     * the integrity without a warning.
     */
    private static void decryptWithGpg(Path stored, List<String> options, Path decompressor) throws Exception {
        List<String> gpgArgv = new ArrayList<>(
                List.of(gpgBin.toString(), "--homedir", home.toString(), "--batch", "--no-tty", "--status-fd", "2"));
        gpgArgv.addAll(options);
        gpgArgv.addAll(List.of("--decrypt", stored.toString()));
        Path gpgErr = dir.resolve(stored.getFileName() + ".gpg-err");
        Path toolErr = dir.resolve(stored.getFileName() + ".tool-err");
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder(gpgArgv).redirectError(gpgErr.toFile()),
                new ProcessBuilder(decompressor.toString(), "-d", "-c")
                        .redirectError(toolErr.toFile())
                        .redirectOutput(
                                dir.resolve(stored.getFileName() + ".out").toFile())));
        for (Process p : pipeline) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        String gpgStderr = Files.readString(gpgErr);
        assertThat(pipeline.get(0).exitValue()).as(gpgStderr).isZero();
        assertThat(pipeline.get(1).exitValue()).as(Files.readString(toolErr)).isZero();
        assertThat(gpgStderr).contains("[GNUPG:] DECRYPTION_OKAY", "[GNUPG:] GOODMDC");
        assertThat(gpgStderr).doesNotContainIgnoringCase("warning").doesNotContain("DECRYPTION_FAILED");
    }

    private static Path compressWithZstd(String name) throws Exception {
        Path zst = dir.resolve(name);
        Result result =
                run(List.of(zstdBin.toString(), "-q", "-f", "-o", zst.toString(), rawFile.toString()), null, null);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return zst;
    }

    private static byte[] decode(Path stored, List<String> codecs, DecryptionKeys keys) throws IOException {
        try (InputStream in = ArtifactDecoder.decoding(Files.newInputStream(stored), codecs, keys)) {
            return in.readAllBytes();
        }
    }

    private static String fingerprint(String email) throws Exception {
        Result listing = gpg("--with-colons", "--list-keys", email);
        return listing.stdout()
                .lines()
                .filter(l -> l.startsWith("fpr:"))
                .findFirst()
                .map(l -> l.split(":")[9])
                .orElseThrow();
    }

    private static void gpgOk(String... args) throws Exception {
        Result result = gpg(args);
        assertThat(result.exitCode())
                .as("gpg %s: %s", List.of(args), result.stderr())
                .isZero();
    }

    private static Result gpg(String... args) throws Exception {
        List<String> argv =
                new ArrayList<>(List.of(gpgBin.toString(), "--homedir", home.toString(), "--batch", "--no-tty"));
        if (List.of(args).contains("--passphrase") && !List.of(args).contains("--pinentry-mode")) {
            argv.addAll(List.of("--pinentry-mode", "loopback"));
        }
        argv.addAll(List.of(args));
        return run(argv, null, null);
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result run(List<String> argv, Path stdin, Path stdout) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().put("GNUPGHOME", home.toString());
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Path out = stdout != null ? stdout : Files.createTempFile(dir, "stdout", ".txt");
        builder.redirectError(err.toFile()).redirectOutput(out.toFile());
        builder.redirectInput(
                stdin != null
                        ? ProcessBuilder.Redirect.from(stdin.toFile())
                        : ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(argv + " did not end within 120 s");
        }
        return new Result(
                process.exitValue(),
                stdout != null ? "" : Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Optional<Path> onPath(String program) {
        for (String entry :
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
