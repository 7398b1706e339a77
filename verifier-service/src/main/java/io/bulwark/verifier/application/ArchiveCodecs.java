package io.bulwark.verifier.application;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Undoes an artifact's codec chain ({@link io.bulwark.contracts.ArtifactRef#codecs()}, applied in
 * order after the dump tool) while streaming: the last codec applied is decoded first.
 */
public final class ArchiveCodecs {

    /** The codecs this verifier can decode. */
    public static final List<String> SUPPORTED = List.of("zstd", "gzip");

    private ArchiveCodecs() {}

    /**
     * A stream of the dump tool's output, decoded from {@code stored}. Closing it closes {@code stored}.
     *
     * @throws IllegalArgumentException naming the codec when the chain holds one not in {@link #SUPPORTED}
     * @throws IOException when a decoder cannot read its header
     */
    public static InputStream decoding(InputStream stored, List<String> codecs) throws IOException {
        for (String codec : codecs) {
            if (!SUPPORTED.contains(codec)) {
                throw new IllegalArgumentException(
                        "codec '" + codec + "' of the chain " + codecs + " cannot be decoded; supported: " + SUPPORTED);
            }
        }
        InputStream in = stored;
        for (String codec : codecs.reversed()) {
            in = switch (codec) {
                case "zstd" -> new ZstdInputStreamNoFinalizer(in);
                case "gzip" -> new GZIPInputStream(in, 64 * 1024);
                default -> throw new IllegalStateException(codec);
            };
        }
        return in;
    }
}
