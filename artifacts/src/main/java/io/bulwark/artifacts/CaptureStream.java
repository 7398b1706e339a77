package io.bulwark.artifacts;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The capture codec chain as a pull stream: reading it reads the dump tool's output ({@code source}),
 * compresses it with zstd and returns the compressed bytes, while counting and hashing (SHA-256) both
 * the raw and the stored bytes. Hand it to {@link ObjectStore#putStream}.
 *
 * <p>The zstd frame carries a content checksum, so {@code zstd -d} (or {@code zstd -t}) detects a
 * corrupted object. When {@code source} ends, the zstd frame is finished and {@code onSourceEnd} runs
 * before the last compressed bytes are handed out; when it throws (for example because the dump
 * tool exited non-zero), this stream's {@code read} throws that exception, so the upload is aborted
 * and no object appears. The failure stays available through {@link #failure()}.
 *
 * <p>Memory is bounded: one read chunk ({@value #CHUNK_BYTES} bytes) plus what zstd emits for it.
 * Not thread-safe: one reader at a time (reads from different threads must happen one after the
 * other, as the MinIO SDK does). The statistics are final once {@link #isComplete()} is true.
 */
public final class CaptureStream extends InputStream {

    /** The codec name of this chain in {@link io.bulwark.contracts.ArtifactRef#codecs()}. */
    public static final String CODEC = "zstd";

    /** The default zstd level: 3, zstd's own default (fast, good ratio). */
    public static final int DEFAULT_LEVEL = 3;

    /** Bytes read from {@code source} at a time. */
    public static final int CHUNK_BYTES = 64 * 1024;

    /** Runs once when the source has ended, before the last bytes are handed out. */
    @FunctionalInterface
    public interface SourceEnd {
        /**
         * Called once at the end of the source.
         *
         * @throws IOException to fail the capture (the reader of this stream gets this exception)
         */
        void onSourceEnd() throws IOException;
    }

    private final InputStream source;
    private final SourceEnd sourceEnd;
    private final MessageDigest rawDigest = newDigest();
    private final MessageDigest storedDigest = newDigest();
    private final Buffer pending = new Buffer();
    private final ZstdOutputStreamNoFinalizer zstd;
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private long rawBytes;
    private long storedBytes;
    private boolean sourceEnded;
    private boolean complete;
    private IOException failure;
    private String rawSha256;
    private String storedSha256;

    /**
     * A capture of {@code source} at zstd level {@code level}.
     *
     * @param source the dump tool's stdout; closed by {@link #close()}
     * @param level zstd compression level, 1 to 19 (3 is zstd's default)
     * @param sourceEnd called once when {@code source} returns end of stream; may be null
     * @throws IOException when zstd cannot be initialised
     */
    public CaptureStream(InputStream source, int level, SourceEnd sourceEnd) throws IOException {
        this.source = Objects.requireNonNull(source, "source");
        this.sourceEnd = sourceEnd != null ? sourceEnd : () -> {};
        if (level < 1 || level > 19) {
            throw new IllegalArgumentException("zstd level must be 1..19 but was " + level);
        }
        this.zstd = new ZstdOutputStreamNoFinalizer(pending, level);
        this.zstd.setChecksum(true);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (failure != null) {
            throw failure;
        }
        if (len == 0) {
            return 0;
        }
        while (pending.available() == 0 && !sourceEnded) {
            fill();
        }
        if (pending.available() == 0) {
            finish();
            return -1;
        }
        int n = pending.take(b, off, len);
        storedDigest.update(b, off, n);
        storedBytes += n;
        return n;
    }

    private void fill() throws IOException {
        int n;
        try {
            n = source.read(chunk);
        } catch (IOException e) {
            throw fail(e);
        }
        if (n < 0) {
            sourceEnded = true;
            zstd.close();
            rawSha256 = HexFormat.of().formatHex(rawDigest.digest());
            try {
                sourceEnd.onSourceEnd();
            } catch (IOException e) {
                throw fail(e);
            }
            return;
        }
        rawDigest.update(chunk, 0, n);
        rawBytes += n;
        zstd.write(chunk, 0, n);
    }

    private void finish() {
        if (!complete) {
            complete = true;
            storedSha256 = HexFormat.of().formatHex(storedDigest.digest());
        }
    }

    private IOException fail(IOException e) {
        failure = e;
        return e;
    }

    /** True when the source has ended, its end callback succeeded and every stored byte was read. */
    public boolean isComplete() {
        return complete;
    }

    /** The exception the source or its end callback threw, or null. */
    public IOException failure() {
        return failure;
    }

    /** Bytes read from the source so far. */
    public long rawBytes() {
        return rawBytes;
    }

    /** Compressed bytes handed out so far. */
    public long storedBytes() {
        return storedBytes;
    }

    /**
     * Lowercase hex SHA-256 of the source's bytes.
     *
     * @throws IllegalStateException before the source has ended
     */
    public String rawSha256() {
        if (rawSha256 == null) {
            throw new IllegalStateException("the source has not ended yet");
        }
        return rawSha256;
    }

    /**
     * Lowercase hex SHA-256 of the stored (compressed) bytes.
     *
     * @throws IllegalStateException before {@link #isComplete()}
     */
    public String sha256() {
        if (storedSha256 == null) {
            throw new IllegalStateException("the capture is not complete yet");
        }
        return storedSha256;
    }

    /** Closes the source and frees zstd's native memory; idempotent. */
    @Override
    public void close() throws IOException {
        try {
            zstd.close();
        } finally {
            source.close();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** A growable FIFO byte buffer the compressor writes into. */
    private static final class Buffer extends OutputStream {
        private byte[] bytes = new byte[CHUNK_BYTES];
        private int start;
        private int end;

        int available() {
            return end - start;
        }

        int take(byte[] b, int off, int len) {
            int n = Math.min(len, available());
            System.arraycopy(bytes, start, b, off, n);
            start += n;
            if (start == end) {
                start = 0;
                end = 0;
            }
            return n;
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[end++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, end, len);
            end += len;
        }

        private void ensure(int more) {
            if (end + more <= bytes.length) {
                return;
            }
            int live = available();
            if (live + more <= bytes.length) {
                System.arraycopy(bytes, start, bytes, 0, live);
            } else {
                byte[] bigger = Arrays.copyOf(bytes, Math.max(bytes.length * 2, live + more));
                System.arraycopy(bytes, start, bigger, 0, live);
                bytes = bigger;
            }
            start = 0;
            end = live;
        }
    }
}
