package io.bulwark.artifacts.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A ring of several keys (old and new) and the fingerprints that name them in manifests. */
class KeyRingTest {

    private static final byte[] RAW = "a backup of some rows".repeat(1000).getBytes();

    @Test
    void recipientsAndRingAgreeOnTheCertificatesFingerprint() {
        OpenPgpEncryption encryption = TestKeys.to("rsa.pub.asc", "cv25519.pub.asc");
        DecryptionKeys ring = TestKeys.secret("rsa.sec.asc").withSecretKeyFile(TestKeys.file("cv25519.sec.asc"), null);

        assertThat(encryption.recipientFingerprints()).hasSize(2).allMatch(fp -> fp.matches("[0-9A-F]{40}"));
        assertThat(ring.fingerprints()).containsExactlyElementsOf(encryption.recipientFingerprints());
        assertThat(ring.opensAnyOf(
                        List.of(encryption.recipientFingerprints().get(1).toLowerCase())))
                .isTrue();
        assertThat(TestKeys.secret("rsa.sec.asc")
                        .opensAnyOf(encryption.recipientFingerprints().subList(1, 2)))
                .isFalse();
        assertThat(OpenPgpEncryption.withPassphrase("p".toCharArray()).recipientFingerprints())
                .isEmpty();
    }

    @Test
    void aRingOfOldAndNewKeysOpensArtifactsOfEither() throws IOException {
        byte[] old = encode(CodecChain.zstd().encryptedWith(TestKeys.to("rsa.pub.asc")));
        byte[] current = encode(CodecChain.zstd().encryptedWith(TestKeys.to("cv25519.pub.asc")));
        DecryptionKeys ring = TestKeys.secret("rsa.sec.asc").withSecretKeyFile(TestKeys.file("cv25519.sec.asc"), null);

        assertThat(decode(old, ring)).isEqualTo(RAW);
        assertThat(decode(current, ring)).isEqualTo(RAW);
    }

    @Test
    void anArtifactNoKeyOfTheRingOpensIsNoKeyForRecipients() throws IOException {
        OpenPgpEncryption encryption = TestKeys.to("rsa.pub.asc");
        byte[] stored = encode(CodecChain.zstd().encryptedWith(encryption));

        assertThatThrownBy(() -> decode(stored, TestKeys.secret("cv25519.sec.asc")))
                .isInstanceOfSatisfying(DecryptionException.class, e -> {
                    assertThat(e.isNoKeyForRecipients()).isTrue();
                    assertThat(e.recipients()).containsExactlyElementsOf(encryption.recipientKeyIds());
                })
                .hasMessageStartingWith("no key in the ring opens this artifact: "
                        + encryption.recipientKeyIds().getFirst());
    }

    @Test
    void aWrongPassphraseIsNotNoKeyForRecipients() throws IOException {
        byte[] stored =
                encode(CodecChain.zstd().encryptedWith(OpenPgpEncryption.withPassphrase("right".toCharArray())));

        assertThatThrownBy(() -> decode(stored, DecryptionKeys.ofPassphrase("wrong".toCharArray())))
                .isInstanceOfSatisfying(
                        DecryptionException.class,
                        e -> assertThat(e.isNoKeyForRecipients()).isFalse());
    }

    private static byte[] encode(CodecChain chain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encoder = chain.encoder(out)) {
            encoder.write(RAW);
        }
        return out.toByteArray();
    }

    private static byte[] decode(byte[] stored, DecryptionKeys keys) throws IOException {
        try (InputStream in =
                ArtifactDecoder.decoding(new ByteArrayInputStream(stored), List.of("zstd", "openpgp"), keys)) {
            return in.readAllBytes();
        }
    }
}
