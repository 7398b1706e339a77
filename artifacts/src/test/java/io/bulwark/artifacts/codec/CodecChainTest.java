package io.bulwark.artifacts.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodecChainTest {

    @Test
    void namesSuffixesAndLevelsOfTheCompressions() {
        assertThat(Compression.ZSTD.codecName()).isEqualTo("zstd");
        assertThat(Compression.ZSTD.fileSuffix()).isEqualTo(".zst");
        assertThat(Compression.ZSTD.minLevel()).isEqualTo(1);
        assertThat(Compression.ZSTD.maxLevel()).isEqualTo(19);
        assertThat(Compression.ZSTD.defaultLevel()).isEqualTo(3);
        assertThat(Compression.GZIP.codecName()).isEqualTo("gzip");
        assertThat(Compression.GZIP.fileSuffix()).isEqualTo(".gz");
        assertThat(Compression.GZIP.minLevel()).isEqualTo(1);
        assertThat(Compression.GZIP.maxLevel()).isEqualTo(9);
        assertThat(Compression.GZIP.defaultLevel()).isEqualTo(6);
        assertThat(Compression.ofCodecName("gzip")).isEqualTo(Compression.GZIP);
    }

    @Test
    void recordsTheCodecsInTheOrderTheyAreApplied() {
        OpenPgpEncryption encryption = TestKeys.to("cv25519.pub.asc");

        assertThat(CodecChain.zstd().codecs()).containsExactly("zstd");
        assertThat(CodecChain.zstd(3).encryptedWith(encryption).codecs()).containsExactly("zstd", "openpgp");
        assertThat(CodecChain.gzip(6).encryptedWith(encryption).codecs()).containsExactly("gzip", "openpgp");
        assertThat(CodecChain.gzip(6).codecs()).containsExactly("gzip");
    }

    @Test
    void suffixesFollowTheCompressionAndEncryption() {
        OpenPgpEncryption encryption = OpenPgpEncryption.withPassphrase("secret".toCharArray());

        assertThat(CodecChain.zstd().fileSuffix()).isEqualTo(".zst");
        assertThat(CodecChain.zstd().encryptedWith(encryption).fileSuffix()).isEqualTo(".zst.gpg");
        assertThat(CodecChain.gzip(6).fileSuffix()).isEqualTo(".gz");
        assertThat(CodecChain.gzip(6).encryptedWith(encryption).fileSuffix()).isEqualTo(".gz.gpg");
        assertThat(CodecChain.zstd().encrypted()).isFalse();
        assertThat(CodecChain.zstd().encryptedWith(encryption).encrypted()).isTrue();
        assertThat(CodecChain.zstd().contentType()).isEqualTo("application/zstd");
        assertThat(CodecChain.gzip(1).contentType()).isEqualTo("application/gzip");
        assertThat(CodecChain.gzip(1).encryptedWith(encryption).contentType()).isEqualTo("application/octet-stream");
        assertThat(CodecChain.gzip(1).encryptedWith(encryption)).hasToString("gzip-1+openpgp");
    }

    @Test
    void rejectsLevelsOutsideTheCompressionsRange() {
        assertThatThrownBy(() -> CodecChain.zstd(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zstd level must be 1..19 but was 0");
        assertThatThrownBy(() -> CodecChain.zstd(20)).hasMessageContaining("1..19");
        assertThatThrownBy(() -> CodecChain.gzip(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gzip level must be 1..9 but was 10");
        assertThatThrownBy(() -> new CodecChain(null, 3, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Compression.ofCodecName("xz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xz'");
    }
}
