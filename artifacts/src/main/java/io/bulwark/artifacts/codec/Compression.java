package io.bulwark.artifacts.codec;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The compression stage of a {@link CodecChain}, applied first to the dump tool's output.
 *
 * <ul>
 *   <li>{@link #ZSTD}: a Zstandard frame (RFC 8878) with the content checksum of RFC 8878 section
 *       3.1.1 on, so {@code zstd -d} and {@code zstd -t} detect a damaged artifact; levels 1 to 19,
 *       3 by default (zstd's own default).
 *   <li>{@link #GZIP}: one gzip member (RFC 1952) whose CRC-32 and size trailer {@code gzip -d}
 *       checks; levels 1 to 9, 6 by default (gzip's own default).
 * </ul>
 */
public enum Compression {
    /** Zstandard, RFC 8878. */
    ZSTD("zstd", ".zst", "application/zstd", 1, 19, 3),
    /** gzip, RFC 1952. */
    GZIP("gzip", ".gz", "application/gzip", 1, 9, 6);

    /** Bytes of the buffers between the compressor and the next stage. */
    static final int BUFFER_BYTES = 64 * 1024;

    private final String codecName;
    private final String fileSuffix;
    private final String contentType;
    private final int minLevel;
    private final int maxLevel;
    private final int defaultLevel;

    Compression(String codecName, String fileSuffix, String contentType, int minLevel, int maxLevel, int defaultLevel) {
        this.codecName = codecName;
        this.fileSuffix = fileSuffix;
        this.contentType = contentType;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.defaultLevel = defaultLevel;
    }

    /** The name recorded in {@link io.bulwark.contracts.ArtifactRef#codecs()}: {@code zstd} or {@code gzip}. */
    public String codecName() {
        return codecName;
    }

    /** The file-name suffix of this stage: {@code .zst} or {@code .gz}. */
    public String fileSuffix() {
        return fileSuffix;
    }

    /** The media type of an unencrypted artifact: {@code application/zstd} (RFC 8878) or {@code application/gzip} (RFC 6713). */
    public String contentType() {
        return contentType;
    }

    /** The fastest level: 1. */
    public int minLevel() {
        return minLevel;
    }

    /** The strongest level: 19 for zstd (without {@code --ultra}), 9 for gzip. */
    public int maxLevel() {
        return maxLevel;
    }

    /** The level used when none is configured: 3 for zstd, 6 for gzip (each tool's own default). */
    public int defaultLevel() {
        return defaultLevel;
    }

    /**
     * Returns {@code level} when it lies in {@link #minLevel()}..{@link #maxLevel()}.
     *
     * @throws IllegalArgumentException naming the codec and the range otherwise
     */
    public int requireLevel(int level) {
        if (level < minLevel || level > maxLevel) {
            throw new IllegalArgumentException(
                    codecName + " level must be " + minLevel + ".." + maxLevel + " but was " + level);
        }
        return level;
    }

    /**
     * The compression whose {@link #codecName()} is {@code name}.
     *
     * @throws IllegalArgumentException naming {@code name} and the known codecs when there is none
     */
    public static Compression ofCodecName(String name) {
        for (Compression c : values()) {
            if (c.codecName.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown compression '" + name + "'; known: "
                + Arrays.stream(values()).map(Compression::codecName).toList());
    }

    /**
     * A stream compressing into {@code out} at {@code level}; closing it finishes the frame (or member)
     * and closes {@code out}. A zstd stream holds native memory until closed.
     *
     * @throws IllegalArgumentException when {@code level} is out of range
     * @throws IOException when the compressor cannot be initialised or writing the header fails
     */
    OutputStream compressing(OutputStream out, int level) throws IOException {
        requireLevel(level);
        return switch (this) {
            case ZSTD -> {
                ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(out, level);
                try {
                    zstd.setChecksum(true);
                } catch (IOException | RuntimeException e) {
                    zstd.close();
                    throw e;
                }
                yield zstd;
            }
            case GZIP -> new LeveledGzipOutputStream(out, level);
        };
    }

    /**
     * A stream decompressing {@code in}; closing it closes {@code in}. gzip reads its header here.
     *
     * @throws IOException when the header cannot be read or is not of this format
     */
    InputStream decompressing(InputStream in) throws IOException {
        return switch (this) {
            case ZSTD -> new ZstdInputStreamNoFinalizer(in);
            case GZIP -> new GZIPInputStream(in, BUFFER_BYTES);
        };
    }

    /** {@link GZIPOutputStream} at a chosen level; the JDK's own deflater, ended on close. */
    private static final class LeveledGzipOutputStream extends GZIPOutputStream {
        LeveledGzipOutputStream(OutputStream out, int level) throws IOException {
            super(out, BUFFER_BYTES);
            def.setLevel(level);
        }
    }
}
