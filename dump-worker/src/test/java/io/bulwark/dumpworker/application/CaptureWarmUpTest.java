package io.bulwark.dumpworker.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import io.bulwark.artifacts.CaptureStream;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.OpenPgpEncryption;
import io.bulwark.dumpworker.domain.DumpTarget;
import io.bulwark.dumpworker.domain.PasswordSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The warm-up encodes each distinct chain of the targets (compression, level, encryption) and skips a target whose
 * chain cannot be built; its sample is table-like data, not zeros.
 */
class CaptureWarmUpTest {

    private final List<String> built = new ArrayList<>();

    @Test
    void eachDistinctChainOfTheTargetsIsEncodedAndATargetWithoutAChainIsSkipped() {
        char[] passphrase = "warm-up test passphrase".toCharArray();
        Map<String, CodecChain> chains = Map.of(
                "a", CodecChain.zstd(3),
                "b", CodecChain.zstd(3),
                "c", CodecChain.gzip(6),
                "e", CodecChain.zstd(3).encryptedWith(OpenPgpEncryption.withPassphrase(passphrase)));
        CaptureWarmUp warmUp = new CaptureWarmUp(
                target -> {
                    built.add(target.id());
                    CodecChain chain = chains.get(target.id());
                    if (chain == null) {
                        throw new IllegalStateException("no passphrase for " + target.id());
                    }
                    return chain;
                },
                CaptureStream.DEFAULT_BUFFER_BYTES,
                2,
                1);

        List<List<String>> warmed =
                warmUp.run(List.of(target("a"), target("b"), target("broken"), target("c"), target("e")));

        assertThat(built).containsExactly("a", "b", "broken", "c", "e");
        assertThat(warmed).containsExactly(List.of("zstd"), List.of("gzip"), List.of("zstd", "openpgp"));
    }

    @Test
    void theSampleCompressesLikeATableNotLikeZeros() {
        byte[] sample = CaptureWarmUp.sample();
        assertThat(sample).hasSize(CaptureWarmUp.SAMPLE_BYTES);
        double ratio = (double) sample.length / Zstd.compress(sample, 3).length;
        assertThat(ratio).isBetween(2.0, 6.0);
    }

    private static DumpTarget target(String id) {
        return new DumpTarget(
                id,
                "postgresql",
                "127.0.0.1",
                5432,
                "db",
                "backup",
                PasswordSource.NONE,
                Duration.ofMinutes(1),
                null,
                "zstd",
                0,
                null);
    }
}
