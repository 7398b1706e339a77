package io.bulwark.artifacts;

import io.bulwark.artifacts.codec.CodecChain;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The capture of a dump as a pull stream: reading it returns the dump tool's output ({@code source})
 * encoded by a {@link CodecChain} (compressed, then optionally OpenPGP-encrypted), while counting both
 * the raw and the stored bytes and hashing (SHA-256) the stored bytes, and the raw bytes too when asked
 * ({@code hashRaw}: off by default, as the zstd frame's content checksum and OpenPGP's Modification
 * Detection Code already protect the content, and hashing every raw byte costs a pass over the whole
 * dump). Hand it to {@link ObjectStore#putStream}.
 *
 * <p>A pump thread ({@code bulwark-capture-N}, a daemon, started by the first {@code read}) reads
 * {@code source}, hashes it, runs the chain and hands the stored bytes to the reader through a
 * bounded buffer of {@code bufferBytes} (default {@value #DEFAULT_BUFFER_BYTES} bytes) in chunks of
 * {@value #CHUNK_BYTES} bytes; when the buffer is full the pump waits. So the dump tool keeps writing
 * and the chain keeps encoding while the object store uploads a part, up to the buffer's size.
 *
 * <p>When {@code source} ends, the chain is finished (the zstd frame with its content checksum, the
 * OpenPGP Modification Detection Code) and {@code sourceEnd} runs before the last chunk and the end
 * of stream are handed out; when it throws (for example because the dump tool exited non-zero), or
 * reading {@code source} throws, this stream's {@code read} throws that same exception, never
 * returning end of stream, so the upload is aborted and no object appears. The failure stays
 * available through {@link #failure()}.
 *
 * <p>Memory is bounded whatever the input size: the buffer, one chunk held by the reader, one chunk
 * being filled by the pump, one read chunk of the source, and the chain's own state (zstd's window).
 * One reader at a time (reads from different threads must happen one after the other, as the MinIO
 * SDK does); the statistics may be read from any thread at any time and are final once {@link
 * #isComplete()} is true. Always {@link #close()} it: that stops the pump and frees zstd's native
 * memory.
 */
public final class CaptureStream extends InputStream {

    /** The default zstd level: 3, zstd's own default (fast, good ratio). */
    public static final int DEFAULT_LEVEL = 3;

    /** Bytes read from {@code source} at a time, and the size of a chunk handed to the reader. */
    public static final int CHUNK_BYTES = 64 * 1024;

    /** The default bound of stored bytes waiting for the reader: 8 MiB. */
    public static final int DEFAULT_BUFFER_BYTES = 8 * 1024 * 1024;

    /** How long {@link #close()} waits for a pump that is not blocked on the source, in milliseconds. */
    static final long CLOSE_WAIT_MILLIS = 2_000;

    private static final AtomicInteger PUMPS = new AtomicInteger();

    /** Runs once when the source has ended, before the last bytes are handed out. */
    @FunctionalInterface
    public interface SourceEnd {
        /**
         * Called once at the end of the source, on the pump thread.
         *
         * @throws IOException to fail the capture (the reader of this stream gets this exception)
         */
        void onSourceEnd() throws IOException;
    }

    /** What the pump is doing; {@link #WAITING_FOR_SOURCE} does not respond to {@link #close()}. */
    private enum PumpState {
        NOT_STARTED,
        /** In {@code source.read} or {@code sourceEnd}: waits for the dump tool. */
        WAITING_FOR_SOURCE,
        /** Encoding, hashing or waiting for buffer space: stops at once when closed. */
        ENCODING,
        DONE
    }

    private final InputStream source;
    private final CodecChain chain;
    private final SourceEnd sourceEnd;
    private final int bufferBytes;
    private final MessageDigest rawDigest;
    private final MessageDigest storedDigest = newDigest();
    private final Sink sink = new Sink();
    private final OutputStream encoder;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long heldBytes;
    private long peakBufferedBytes;
    private boolean ended;
    private volatile boolean closed;
    private Thread pump;

    private volatile PumpState pumpState = PumpState.NOT_STARTED;
    private volatile IOException failure;
    private volatile boolean complete;
    private volatile long rawBytes;
    private final AtomicLong storedBytes = new AtomicLong();
    private volatile String rawSha256;
    private volatile boolean sourceEnded;
    private volatile String storedSha256;

    private byte[] current;
    private int currentPosition;
    private int currentLength;
    private final byte[] one = new byte[1];

    /**
     * A capture of {@code source} through {@code chain} with a buffer of {@value #DEFAULT_BUFFER_BYTES}
     * bytes.
     *
     * @param source the dump tool's stdout; closed by {@link #close()}
     * @param chain the codecs to apply, e.g. {@code CodecChain.zstd(3)}
     * @param sourceEnd called once when {@code source} returns end of stream; may be null
     * @throws IOException when the chain cannot start (zstd cannot allocate, the OpenPGP session key
     *     cannot be encrypted)
     */
    public CaptureStream(InputStream source, CodecChain chain, SourceEnd sourceEnd) throws IOException {
        this(source, chain, sourceEnd, DEFAULT_BUFFER_BYTES);
    }

    /**
     * A capture of {@code source} through {@code chain} with a buffer of {@code bufferBytes}, without
     * the raw bytes' SHA-256.
     *
     * @param bufferBytes the most stored bytes waiting for the reader, at least {@value #CHUNK_BYTES}
     * @throws IllegalArgumentException when {@code bufferBytes} is below {@value #CHUNK_BYTES}
     * @throws IOException when the chain cannot start
     */
    public CaptureStream(InputStream source, CodecChain chain, SourceEnd sourceEnd, int bufferBytes)
            throws IOException {
        this(source, chain, sourceEnd, bufferBytes, false);
    }

    /**
     * A capture of {@code source} through {@code chain} with a buffer of {@code bufferBytes}.
     *
     * @param bufferBytes the most stored bytes waiting for the reader, at least {@value #CHUNK_BYTES}
     * @param hashRaw true to compute the SHA-256 of the source's bytes too ({@link #rawSha256()})
     * @throws IllegalArgumentException when {@code bufferBytes} is below {@value #CHUNK_BYTES}
     * @throws IOException when the chain cannot start
     */
    public CaptureStream(InputStream source, CodecChain chain, SourceEnd sourceEnd, int bufferBytes, boolean hashRaw)
            throws IOException {
        this.rawDigest = hashRaw ? newDigest() : null;
        this.source = Objects.requireNonNull(source, "source");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.sourceEnd = sourceEnd != null ? sourceEnd : () -> {};
        if (bufferBytes < CHUNK_BYTES) {
            throw new IllegalArgumentException(
                    "bufferBytes must be at least " + CHUNK_BYTES + " but was " + bufferBytes);
        }
        this.bufferBytes = bufferBytes;
        this.encoder = chain.encoder(sink);
    }

    /** The chain this capture applies; its {@link CodecChain#codecs()} go into the artifact reference. */
    public CodecChain chain() {
        return chain;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("the capture stream is closed");
        }
        if (len == 0) {
            IOException failed = failure;
            if (failed != null) {
                throw failed;
            }
            return 0;
        }
        if (currentPosition == currentLength && !nextChunk()) {
            return -1;
        }
        int n = Math.min(len, currentLength - currentPosition);
        System.arraycopy(current, currentPosition, b, off, n);
        currentPosition += n;
        storedBytes.addAndGet(n);
        return n;
    }

    @Override
    public int available() {
        return currentLength - currentPosition;
    }

    /** Takes the next chunk; false at the end of the stored bytes. */
    private boolean nextChunk() throws IOException {
        lock.lock();
        try {
            startPump();
            heldBytes = 0;
            current = null;
            currentPosition = 0;
            currentLength = 0;
            while (true) {
                if (failure != null) {
                    throw failure;
                }
                if (closed) {
                    throw new IOException("the capture stream is closed");
                }
                Chunk chunk = queue.poll();
                if (chunk != null) {
                    queuedBytes -= chunk.length();
                    heldBytes = chunk.length();
                    current = chunk.bytes();
                    currentLength = chunk.length();
                    writable.signal();
                    return true;
                }
                if (ended) {
                    complete = true;
                    return false;
                }
                readable.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the dump");
        } finally {
            lock.unlock();
        }
    }

    private void startPump() {
        if (pump == null && !closed) {
            pump = Thread.ofPlatform()
                    .name("bulwark-capture-" + PUMPS.incrementAndGet())
                    .daemon(true)
                    .unstarted(this::pump);
            pumpState = PumpState.ENCODING;
            pump.start();
        }
    }

    /** The pump thread's body: source → raw hash (when asked) → chain → stored hash → buffer. */
    private void pump() {
        boolean encoderClosed = false;
        try {
            byte[] chunk = new byte[CHUNK_BYTES];
            while (true) {
                pumpState = PumpState.WAITING_FOR_SOURCE;
                int n = source.read(chunk);
                pumpState = PumpState.ENCODING;
                if (n < 0) {
                    break;
                }
                checkOpen();
                if (rawDigest != null) {
                    rawDigest.update(chunk, 0, n);
                }
                rawBytes += n;
                encoder.write(chunk, 0, n);
            }
            checkOpen();
            if (rawDigest != null) {
                rawSha256 = HexFormat.of().formatHex(rawDigest.digest());
            }
            sourceEnded = true;
            encoderClosed = true;
            encoder.close();
            pumpState = PumpState.WAITING_FOR_SOURCE;
            sourceEnd.onSourceEnd();
            pumpState = PumpState.ENCODING;
            sink.finish();
        } catch (Closed e) {
            // close() asked the pump to stop; nobody reads any more
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException | Error e) {
            fail(new IOException("the capture failed: " + e, e));
        } finally {
            if (!encoderClosed) {
                releaseEncoder();
            }
            pumpState = PumpState.DONE;
        }
    }

    private void checkOpen() throws Closed {
        if (closed) {
            throw new Closed();
        }
    }

    /** Closes the encoder without handing out what it still writes, freeing zstd's native memory. */
    private void releaseEncoder() {
        sink.discard();
        try {
            encoder.close();
        } catch (IOException | RuntimeException ignored) {
            // the output is discarded; closing only frees the codecs
        }
    }

    private void fail(IOException e) {
        lock.lock();
        try {
            if (!closed && failure == null) {
                failure = e;
            }
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Blocks the pump while the buffer is full; hands the chunk to the reader. */
    private void put(byte[] bytes, int length) throws IOException {
        lock.lock();
        try {
            while (!closed && queuedBytes > 0 && queuedBytes + length > bufferBytes) {
                writable.await();
            }
            if (closed) {
                throw new Closed();
            }
            queue.add(new Chunk(bytes, length));
            queuedBytes += length;
            peakBufferedBytes = Math.max(peakBufferedBytes, queuedBytes + heldBytes);
            readable.signal();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the capture pump was interrupted");
        } finally {
            lock.unlock();
        }
    }

    private void end(String sha256) {
        lock.lock();
        try {
            storedSha256 = sha256;
            ended = true;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True when the source has ended, its end callback succeeded and every stored byte was read. */
    public boolean isComplete() {
        return complete;
    }

    /** The exception the source, the chain or the end callback threw, or null. */
    public IOException failure() {
        return failure;
    }

    /** Bytes read from the source so far; safe to call from any thread. */
    public long rawBytes() {
        return rawBytes;
    }

    /** Stored (encoded) bytes handed to the reader so far; safe to call from any thread. */
    public long storedBytes() {
        return storedBytes.get();
    }

    /** True when this capture computes the SHA-256 of the source's bytes ({@code hashRaw}). */
    public boolean hashesRaw() {
        return rawDigest != null;
    }

    /**
     * Lowercase hex SHA-256 of the source's bytes, or null when this capture does not compute it ({@link
     * #hashesRaw()} is false).
     *
     * @throws IllegalStateException before the source has ended
     */
    public String rawSha256() {
        if (!sourceEnded) {
            throw new IllegalStateException("the source has not ended yet");
        }
        return rawSha256;
    }

    /**
     * Lowercase hex SHA-256 of the stored (encoded) bytes.
     *
     * @throws IllegalStateException before {@link #isComplete()}
     */
    public String sha256() {
        if (!complete) {
            throw new IllegalStateException("the capture is not complete yet");
        }
        return storedSha256;
    }

    /** The most stored bytes held at once between pump and reader (buffer plus the reader's chunk). */
    long peakBufferedBytes() {
        lock.lock();
        try {
            return peakBufferedBytes;
        } finally {
            lock.unlock();
        }
    }

    /** True while the pump thread runs. */
    boolean pumpAlive() {
        Thread thread = pumpThread();
        return thread != null && thread.isAlive();
    }

    private Thread pumpThread() {
        lock.lock();
        try {
            return pump;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the capture; idempotent. Closes the source, makes a pump that waits for buffer space or is
     * encoding stop at once (waiting up to {@value #CLOSE_WAIT_MILLIS} ms for it), and frees the chain's
     * native memory. A pump blocked reading the source (a pipe whose writer is still alive: closing a
     * pipe does not wake its reader) or in {@code sourceEnd} is not waited for: it stops, and frees the
     * chain, as soon as that call returns, which ending the dump tool's process makes it do. Reads after
     * closing throw.
     *
     * @throws IOException when closing the source throws
     */
    @Override
    public void close() throws IOException {
        Thread running;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            running = pump;
            queue.clear();
            queuedBytes = 0;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            source.close();
        } finally {
            if (running == null) {
                releaseEncoder();
            } else {
                awaitPump(running);
            }
        }
    }

    /** Waits for the pump to end, unless (or until) it blocks on the source, at most {@value #CLOSE_WAIT_MILLIS} ms. */
    private void awaitPump(Thread running) {
        long deadline = System.nanoTime() + CLOSE_WAIT_MILLIS * 1_000_000;
        try {
            while (running.isAlive() && pumpState != PumpState.WAITING_FOR_SOURCE && System.nanoTime() < deadline) {
                running.join(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private record Chunk(byte[] bytes, int length) {}

    /** The pump was stopped by {@link #close()}. */
    private static final class Closed extends IOException {
        Closed() {
            super("the capture stream was closed");
        }
    }

    /**
     * Where the chain writes: hashes the stored bytes and cuts them into chunks. A full chunk is handed
     * over only when more bytes follow, so the last chunk is always withheld until {@link #finish()}.
     */
    private final class Sink extends OutputStream {
        private byte[] chunk = new byte[CHUNK_BYTES];
        private int length;
        private boolean discard;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (discard) {
                return;
            }
            storedDigest.update(b, off, len);
            while (len > 0) {
                if (length == CHUNK_BYTES) {
                    put(chunk, length);
                    chunk = new byte[CHUNK_BYTES];
                    length = 0;
                }
                int n = Math.min(len, CHUNK_BYTES - length);
                System.arraycopy(b, off, chunk, length, n);
                length += n;
                off += n;
                len -= n;
            }
        }

        /** Hands out the last chunk and the end of stream. */
        void finish() throws IOException {
            if (length > 0) {
                put(chunk, length);
            }
            end(HexFormat.of().formatHex(storedDigest.digest()));
        }

        void discard() {
            discard = true;
        }

        @Override
        public void flush() {
            // chunks are handed over when full, or at the end
        }

        @Override
        public void close() {
            // the end is marked by finish(), after the source's end callback
        }
    }
}
