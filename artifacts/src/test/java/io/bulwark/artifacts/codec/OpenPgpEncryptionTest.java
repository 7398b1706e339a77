package io.bulwark.artifacts.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenPgpEncryptionTest {

    @Test
    void encryptsToThePrimaryKeyOfAnRsaKeyAndToTheSubkeyOfACurve25519Key() {
        OpenPgpEncryption encryption = TestKeys.to("rsa.pub.asc", "cv25519.pub.asc");

        assertThat(encryption.recipientKeyIds()).hasSize(2).allMatch(id -> id.matches("0x[0-9A-F]{16}"));
        assertThat(encryption.hasPassphrase()).isFalse();
        assertThat(encryption.toString()).contains("Bulwark Test RSA", "Bulwark Test Curve25519");
    }

    @Test
    void readsBinaryKeysAndKeysFromStreams() throws Exception {
        OpenPgpEncryption fromBinary = TestKeys.to("cv25519.pub.gpg");
        OpenPgpEncryption fromArmored = TestKeys.to("cv25519.pub.asc");
        OpenPgpEncryption fromStream;
        try (InputStream in = Files.newInputStream(TestKeys.file("cv25519.pub.asc"))) {
            fromStream = OpenPgpEncryption.ofStreams(List.of(in), null);
        }

        assertThat(fromBinary.recipientKeyIds())
                .isEqualTo(fromArmored.recipientKeyIds())
                .isEqualTo(fromStream.recipientKeyIds());
    }

    @Test
    void aPassphraseAloneIsEnoughAndIsNeverShown() {
        OpenPgpEncryption encryption = OpenPgpEncryption.withPassphrase("correct horse".toCharArray());

        assertThat(encryption.hasPassphrase()).isTrue();
        assertThat(encryption.recipientKeyIds()).isEmpty();
        assertThat(encryption.toString()).doesNotContain("correct horse").contains("passphrase");
    }

    @Test
    void refusesNeitherRecipientsNorPassphrase() {
        assertThatThrownBy(() -> OpenPgpEncryption.of(List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one recipient public key or a passphrase");
        assertThatThrownBy(() -> OpenPgpEncryption.withPassphrase(new char[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void refusesAMissingFileNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nobody.asc");

        assertThatThrownBy(() -> OpenPgpEncryption.toRecipients(List.of(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void refusesAFileThatHoldsNoKey(@TempDir Path dir) throws Exception {
        Path notAKey = Files.writeString(dir.resolve("notes.txt"), "hello\n");

        assertThatThrownBy(() -> OpenPgpEncryption.toRecipients(List.of(notAKey)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(notAKey.toString());
        assertThatThrownBy(() -> OpenPgpEncryption.ofStreams(List.of(new ByteArrayInputStream(new byte[0])), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("public key stream 1 holds no OpenPGP key");
    }

    @Test
    void refusesAnExpiredKey() {
        assertThatThrownBy(() -> TestKeys.to("expired.pub.asc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expired.pub.asc")
                .hasMessageContaining("Bulwark Test Expired")
                .hasMessageContaining("expired on 2020-12-31");
    }

    @Test
    void refusesARevokedKey() {
        assertThatThrownBy(() -> TestKeys.to("revoked.pub.asc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bulwark Test Revoked")
                .hasMessageContaining("it is revoked");
    }

    @Test
    void refusesAKeyWhoseEncryptionSubkeyIsRevoked() {
        assertThatThrownBy(() -> TestKeys.to("revoked-subkey.pub.asc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(".*subkey 0x[0-9A-F]{16} is revoked.*");
    }

    @Test
    void refusesAKeyWithoutAnEncryptionKey() {
        assertThatThrownBy(() -> TestKeys.to("sign-only.pub.asc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bulwark Test Sign Only")
                .hasMessageContaining("has no encryption key");
    }
}
