package io.bulwark.dumpworker.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import io.bulwark.artifacts.CaptureStream;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.OpenPgpEncryption;
import io.bulwark.dumpworker.domain.DumpTarget;
import io.bulwark.dumpworker.domain.PasswordSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
    void theSamplesCompressLikeATableNotLikeZerosAndNotLikeRepeats() throws IOException {
        List<byte[]> samples = CaptureWarmUp.samples();
        assertThat(samples)
                .hasSize(CaptureWarmUp.REPEATS)
                .allSatisfy(s -> assertThat(s).hasSize(CaptureWarmUp.SAMPLE_BYTES));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] sample : samples) {
            all.write(sample);
        }
        double one = (double) CaptureWarmUp.SAMPLE_BYTES / Zstd.compress(samples.get(0), 3).length;
        double together = (double) all.size() / Zstd.compress(all.toByteArray(), 3).length;
        assertThat(one).isBetween(2.0, 6.0);
        // a repeated sample would compress 8 times better together than alone
        assertThat(together).isBetween(one * 0.9, one * 1.2);
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
