package io.bulwark.artifacts.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactDecoderTest {

    private static final byte[] RAW = sample(1_500_000);
    private static final char[] PASSPHRASE = "artifact passphrase".toCharArray();

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "gzip"})
    void undoesAnUnencryptedChain(String codec) throws IOException {
        CodecChain chain = new CodecChain(Compression.ofCodecName(codec), 3, null);
        byte[] stored = encode(chain, RAW);

        assertThat(stored.length).isLessThan(RAW.length / 2);
        assertThat(decode(stored, chain.codecs(), DecryptionKeys.none())).isEqualTo(RAW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "cv25519"})
    void decryptsWithTheSecretKeyOfARecipient(String key) throws IOException {
        CodecChain chain = CodecChain.zstd().encryptedWith(TestKeys.to(key + ".pub.asc"));
        byte[] stored = encode(chain, RAW);

        assertThat(decode(stored, chain.codecs(), TestKeys.secret(key + ".sec.asc")))
                .isEqualTo(RAW);
    }

    @Test
    void decryptsWithAProtectedSecretKeyUnlockedByItsPassphrase() throws IOException {
        CodecChain chain = CodecChain.gzip(6).encryptedWith(TestKeys.to("protected.pub.asc"));
        DecryptionKeys keys =
                DecryptionKeys.ofSecretKeyFile(TestKeys.file("protected.sec.asc"), TestKeys.KEY_PASSPHRASE);

        assertThat(decode(encode(chain, RAW), List.of("gzip", "openpgp"), keys)).isEqualTo(RAW);
    }

    @Test
    void decryptsWithThePassphraseOrAnyRecipientWhenBothWereUsed() throws IOException {
        OpenPgpEncryption encryption = OpenPgpEncryption.of(
                List.of(TestKeys.file("rsa.pub.asc"), TestKeys.file("cv25519.pub.asc")), PASSPHRASE);
        CodecChain chain = CodecChain.zstd(1).encryptedWith(encryption);
        byte[] stored = encode(chain, RAW);

        assertThat(decode(stored, chain.codecs(), DecryptionKeys.ofPassphrase(PASSPHRASE)))
                .isEqualTo(RAW);
        assertThat(decode(stored, chain.codecs(), TestKeys.secret("cv25519.sec.asc")))
                .isEqualTo(RAW);
        assertThat(decode(stored, chain.codecs(), TestKeys.secret("rsa.sec.asc")))
                .isEqualTo(RAW);
    }

    @Test
    void triesEveryPassphraseGiven() throws IOException {
        CodecChain chain = CodecChain.zstd().encryptedWith(OpenPgpEncryption.withPassphrase(PASSPHRASE));
        DecryptionKeys keys = DecryptionKeys.ofPassphrase("old one".toCharArray())
                .withPassphrase("older one".toCharArray())
                .withPassphrase(PASSPHRASE);

        assertThat(decode(encode(chain, RAW), chain.codecs(), keys)).isEqualTo(RAW);
    }

    @Test
    void decodesAnEncryptionOnlyChainAndAnEmptyDump() throws IOException {
        CodecChain chain = CodecChain.zstd().encryptedWith(OpenPgpEncryption.withPassphrase(PASSPHRASE));
        DecryptionKeys keys = DecryptionKeys.ofPassphrase(PASSPHRASE);
        byte[] stored = encode(chain, new byte[0]);

        assertThat(decode(stored, chain.codecs(), keys)).isEmpty();
        assertThat(decode(RAW, List.of(), DecryptionKeys.none())).isEqualTo(RAW);
    }

    @Test
    void namesTheRecipientsWhenNoSecretKeyMatches() throws IOException {
        OpenPgpEncryption encryption = TestKeys.to("rsa.pub.asc");
        byte[] stored = encode(CodecChain.zstd().encryptedWith(encryption), RAW);
        String recipient = encryption.recipientKeyIds().getFirst();

        assertThatThrownBy(() -> decode(stored, List.of("zstd", "openpgp"), TestKeys.secret("cv25519.sec.asc")))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("no secret key")
                .hasMessageContaining("for any of the recipients " + recipient);
        assertThatThrownBy(() -> decode(stored, List.of("zstd", "openpgp"), DecryptionKeys.none()))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("no secret key given for any of the recipients " + recipient);
    }

    @Test
    void saysWrongPassphrase() throws IOException {
        byte[] stored = encode(CodecChain.zstd().encryptedWith(OpenPgpEncryption.withPassphrase(PASSPHRASE)), RAW);

        assertThatThrownBy(() ->
                        decode(stored, List.of("zstd", "openpgp"), DecryptionKeys.ofPassphrase("guess".toCharArray())))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("wrong passphrase")
                .hasMessageNotContaining("guess");
        assertThatThrownBy(() -> decode(stored, List.of("zstd", "openpgp"), TestKeys.secret("rsa.sec.asc")))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("encrypted with a passphrase, but none was given");
    }

    @Test
    void detectsAModifiedModificationDetectionCode() throws IOException {
        CodecChain chain = CodecChain.zstd().encryptedWith(OpenPgpEncryption.withPassphrase(PASSPHRASE));
        byte[] stored = encode(chain, RAW);
        stored[stored.length - 1] ^= 0x01;

        assertThatThrownBy(() -> decode(stored, chain.codecs(), DecryptionKeys.ofPassphrase(PASSPHRASE)))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining("integrity check failed");
    }

    @Test
    void detectsAModifiedCiphertextWithoutCompressionToo() throws IOException {
        byte[] stored = encodeOpenPgpOnly(OpenPgpEncryption.withPassphrase(PASSPHRASE), RAW);
        stored[stored.length / 2] ^= 0x40;

        assertThatThrownBy(() -> decode(stored, List.of("openpgp"), DecryptionKeys.ofPassphrase(PASSPHRASE)))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining("integrity check failed");
    }

    @Test
    void neverAcceptsAModifiedEncryptedArtifact() throws IOException {
        CodecChain chain = CodecChain.gzip(6).encryptedWith(TestKeys.to("cv25519.pub.asc"));
        byte[] stored = encode(chain, RAW);
        stored[stored.length / 2] ^= 0x40;

        assertThatThrownBy(() -> decode(stored, chain.codecs(), TestKeys.secret("cv25519.sec.asc")))
                .isInstanceOf(CorruptArtifactException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "gzip", "zstd+openpgp", "gzip+openpgp"})
    void aTruncatedArtifactFails(String name) throws IOException {
        String[] parts = name.split("\\+");
        CodecChain chain = new CodecChain(Compression.ofCodecName(parts[0]), 3, null);
        if (parts.length > 1) {
            chain = chain.encryptedWith(OpenPgpEncryption.withPassphrase(PASSPHRASE));
        }
        byte[] stored = encode(chain, RAW);
        List<String> codecs = chain.codecs();
        DecryptionKeys keys = DecryptionKeys.ofPassphrase(PASSPHRASE);

        for (int cut : new int[] {stored.length - 1, stored.length - 30, stored.length / 2}) {
            byte[] truncated = Arrays.copyOf(stored, cut);
            assertThatThrownBy(() -> decode(truncated, codecs, keys))
                    .as("cut at %d of %d", cut, stored.length)
                    .isInstanceOf(CorruptArtifactException.class);
        }
    }

    @Test
    void aBrokenDownloadIsPassedThroughUnchanged() throws IOException {
        CodecChain chain = CodecChain.zstd().encryptedWith(OpenPgpEncryption.withPassphrase(PASSPHRASE));
        byte[] stored = encode(chain, RAW);
        IOException reset = new IOException("connection reset");
        InputStream throwing = new InputStream() {
            private final InputStream in = new ByteArrayInputStream(stored);
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position > stored.length / 2) {
                    throw reset;
                }
                int n = in.read(b, off, len);
                position += Math.max(n, 0);
                return n;
            }
        };

        try (InputStream in =
                ArtifactDecoder.decoding(throwing, chain.codecs(), DecryptionKeys.ofPassphrase(PASSPHRASE))) {
            assertThatThrownBy(in::readAllBytes).isSameAs(reset);
        }
    }

    @Test
    void rejectsAnUnknownCodecNamingIt() {
        assertThatThrownBy(() -> ArtifactDecoder.decoding(
                        new ByteArrayInputStream(RAW), List.of("zstd", "xz"), DecryptionKeys.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xz'")
                .hasMessageContaining("[zstd, gzip, openpgp]");
    }

    @Test
    void saysWhatIsWrongWithGarbage() {
        byte[] garbage = sample(10_000);

        assertThatThrownBy(() -> decode(garbage, List.of("gzip"), DecryptionKeys.none()))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageStartingWith("gzip: ");
        assertThatThrownBy(() -> decode(garbage, List.of("zstd"), DecryptionKeys.none()))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageStartingWith("zstd: ");
        assertThatThrownBy(() -> decode(garbage, List.of("openpgp"), DecryptionKeys.none()))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageStartingWith("openpgp: ");
        assertThatThrownBy(() -> decode(new byte[0], List.of("openpgp"), DecryptionKeys.none()))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void refusesUnusableSecretKeys() {
        assertThatThrownBy(() -> DecryptionKeys.ofSecretKeyFile(TestKeys.file("rsa.pub.asc"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no secret encryption key");
        assertThatThrownBy(() -> DecryptionKeys.ofSecretKeyFile(TestKeys.file("protected.sec.asc"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is protected by a passphrase, but none was given");
        assertThatThrownBy(
                        () -> DecryptionKeys.ofSecretKeyFile(TestKeys.file("protected.sec.asc"), "nope".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wrong passphrase");
        assertThat(DecryptionKeys.none().isEmpty()).isTrue();
        assertThat(TestKeys.secret("cv25519.sec.asc").secretKeyIds()).hasSize(1);
        assertThat(DecryptionKeys.ofPassphrase(PASSPHRASE).toString()).doesNotContain("artifact passphrase");
    }

    static byte[] encode(CodecChain chain, byte[] raw) throws IOException {
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        try (OutputStream out = chain.encoder(stored)) {
            for (int i = 0; i < raw.length; i += 10_007) {
                out.write(raw, i, Math.min(10_007, raw.length - i));
            }
        }
        return stored.toByteArray();
    }

    private static byte[] encodeOpenPgpOnly(OpenPgpEncryption encryption, byte[] raw) throws IOException {
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        try (OutputStream out = encryption.encrypting(stored)) {
            out.write(raw);
        }
        return stored.toByteArray();
    }

    static byte[] decode(byte[] stored, List<String> codecs, DecryptionKeys keys) throws IOException {
        try (InputStream in = ArtifactDecoder.decoding(new ByteArrayInputStream(stored), codecs, keys)) {
            return in.readAllBytes();
        }
    }

    /** Compressible but not trivial: text-like lines with random numbers. */
    static byte[] sample(int size) {
        Random random = new Random(42);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        while (out.size() < size) {
            out.writeBytes(("row " + random.nextInt(1_000_000) + "\tname-" + random.nextInt(500) + "\n").getBytes());
        }
        return Arrays.copyOf(out.toByteArray(), size);
    }
}
