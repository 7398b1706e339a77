package io.bulwark.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.artifacts.codec.ArtifactDecoder;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.artifacts.codec.OpenPgpEncryption;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureStreamTest {

    private static final Path ZSTD = Path.of("/usr/bin/zstd");
    private static final Path GZIP = Path.of("/usr/bin/gzip");

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "gzip"})
    void storesWhatTheChainWritesCountingAndHashingBothSides(String codec) throws Exception {
        CodecChain chain = codec.equals("zstd") ? CodecChain.zstd(3) : CodecChain.gzip(6);
        byte[] raw = sample(3 * 1024 * 1024 + 17);
        AtomicInteger ends = new AtomicInteger();
        byte[] stored;
        try (CaptureStream capture = new CaptureStream(
                new ByteArrayInputStream(raw),
                chain,
                ends::incrementAndGet,
                CaptureStream.DEFAULT_BUFFER_BYTES,
                true)) {
            stored = readInOddChunks(capture);
            assertThat(capture.isComplete()).isTrue();
            assertThat(capture.rawBytes()).isEqualTo(raw.length);
            assertThat(capture.storedBytes()).isEqualTo(stored.length);
            assertThat(capture.rawSha256()).isEqualTo(sha256(raw));
            assertThat(capture.sha256()).isEqualTo(sha256(stored));
            assertThat(capture.failure()).isNull();
            assertThat(capture.chain()).isSameAs(chain);
        }
        assertThat(ends).hasValue(1);
        assertThat(stored.length).isLessThan(raw.length / 2);
        assertThat(stored).isEqualTo(encodeDirectly(chain, raw));
        try (InputStream in =
                ArtifactDecoder.decoding(new ByteArrayInputStream(stored), chain.codecs(), DecryptionKeys.none())) {
            assertThat(in.readAllBytes()).isEqualTo(raw);
        }
    }

    @Test
    void theRawDigestIsOffByDefaultAndTheStoredOneStays() throws Exception {
        byte[] raw = sample(256 * 1024);
        try (CaptureStream capture = new CaptureStream(new ByteArrayInputStream(raw), CodecChain.zstd(), null)) {
            assertThatThrownBy(capture::rawSha256).isInstanceOf(IllegalStateException.class);
            byte[] stored = capture.readAllBytes();
            assertThat(capture.hashesRaw()).isFalse();
            assertThat(capture.rawSha256()).isNull();
            assertThat(capture.rawBytes()).isEqualTo(raw.length);
            assertThat(capture.sha256()).isEqualTo(sha256(stored));
        }
    }

    @Test
    void theZstdFrameCarriesAContentChecksumThatDecodingVerifies() throws Exception {
        byte[] raw = sample(256 * 1024);
        byte[] stored;
        try (CaptureStream capture = new CaptureStream(new ByteArrayInputStream(raw), CodecChain.zstd(), null)) {
            stored = capture.readAllBytes();
        }
        // RFC 8878 3.1.1.1.1: the Frame_Header_Descriptor follows the 4-byte magic; bit 2 is Content_Checksum_flag
        assertThat(stored[4] & 0x04).isEqualTo(0x04);
        byte[] badChecksum = stored.clone();
        badChecksum[badChecksum.length - 1] ^= 0x01; // the last 4 bytes are the checksum
        assertThatThrownBy(() -> {
                    try (InputStream in = ArtifactDecoder.decoding(
                            new ByteArrayInputStream(badChecksum), List.of("zstd"), DecryptionKeys.none())) {
                        in.readAllBytes();
                    }
                })
                .isInstanceOf(IOException.class);
    }

    @Test
    void anEncryptedCaptureDecodesWithThePassphrase() throws Exception {
        char[] passphrase = "capture passphrase".toCharArray();
        CodecChain chain = CodecChain.zstd().encryptedWith(OpenPgpEncryption.withPassphrase(passphrase));
        byte[] raw = sample(2 * 1024 * 1024);
        byte[] stored;
        try (CaptureStream capture = new CaptureStream(new ByteArrayInputStream(raw), chain, null)) {
            stored = capture.readAllBytes();
            assertThat(capture.sha256()).isEqualTo(sha256(stored));
        }
        try (InputStream in = ArtifactDecoder.decoding(
                new ByteArrayInputStream(stored),
                List.of("zstd", "openpgp"),
                DecryptionKeys.ofPassphrase(passphrase))) {
            assertThat(in.readAllBytes()).isEqualTo(raw);
        }
    }

    @Test
    void theZstdBinaryDecompressesTheOutputAndDetectsCorruption(@TempDir Path dir) throws Exception {
        byte[] raw = sample(2 * 1024 * 1024);
        byte[] stored;
        try (CaptureStream capture = new CaptureStream(new ByteArrayInputStream(raw), CodecChain.zstd(), null)) {
            stored = capture.readAllBytes();
        }
        Path zst = dir.resolve("dump.zst");
        Files.write(zst, stored);
        assertThat(run(
                        ZSTD,
                        "-d",
                        "-q",
                        "-f",
                        zst.toString(),
                        "-o",
                        dir.resolve("dump").toString()))
                .isZero();
        assertThat(Files.readAllBytes(dir.resolve("dump"))).isEqualTo(raw);

        byte[] corrupt = stored.clone();
        corrupt[corrupt.length / 2] ^= 0x01;
        Path bad = dir.resolve("bad.zst");
        Files.write(bad, corrupt);
        assertThat(run(ZSTD, "-t", "-q", bad.toString())).isNotZero();
    }

    @Test
    void theGzipBinaryDecompressesTheOutput(@TempDir Path dir) throws Exception {
        byte[] raw = sample(2 * 1024 * 1024);
        Path gz = dir.resolve("dump.gz");
        try (CaptureStream capture = new CaptureStream(new ByteArrayInputStream(raw), CodecChain.gzip(9), null)) {
            Files.write(gz, capture.readAllBytes());
        }
        assertThat(run(GZIP, "-d", "-q", gz.toString())).isZero();
        assertThat(Files.readAllBytes(dir.resolve("dump"))).isEqualTo(raw);
    }

    @Test
    void emptySourceGivesAValidEmptyFrame() throws Exception {
        try (CaptureStream capture = new CaptureStream(
                InputStream.nullInputStream(), CodecChain.zstd(), null, CaptureStream.DEFAULT_BUFFER_BYTES, true)) {
            byte[] stored = capture.readAllBytes();
            assertThat(stored).isNotEmpty();
            assertThat(capture.rawBytes()).isZero();
            assertThat(capture.rawSha256()).isEqualTo(sha256(new byte[0]));
            try (InputStream in = ArtifactDecoder.decoding(
                    new ByteArrayInputStream(stored), List.of("zstd"), DecryptionKeys.none())) {
                assertThat(in.readAllBytes()).isEmpty();
            }
        }
    }

    @Test
    void aFailingEndCallbackFailsTheReaderBeforeTheLastBytes() throws Exception {
        byte[] raw = incompressible(1024 * 1024);
        int fullLength;
        try (CaptureStream capture = new CaptureStream(new ByteArrayInputStream(raw), CodecChain.zstd(), null)) {
            fullLength = capture.readAllBytes().length;
        }
        try (CaptureStream capture = new CaptureStream(
                new ByteArrayInputStream(raw),
                CodecChain.zstd(),
                () -> {
                    throw new IOException("pg_dump exited with code 1");
                },
                CaptureStream.DEFAULT_BUFFER_BYTES,
                true)) {
            ByteArrayOutputStream handedOut = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            assertThatThrownBy(() -> {
                        int n;
                        while ((n = capture.read(buf)) >= 0) {
                            handedOut.write(buf, 0, n);
                        }
                    })
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("code 1");
            assertThat(handedOut.size()).isLessThan(fullLength);
            assertThat(capture.failure()).hasMessageContaining("code 1");
            assertThat(capture.isComplete()).isFalse();
            assertThatThrownBy(capture::read).isSameAs(capture.failure());
            assertThatThrownBy(capture::sha256).isInstanceOf(IllegalStateException.class);
            assertThat(capture.rawSha256()).isEqualTo(sha256(raw));
        }
    }

    @Test
    void aFailingSourceFailsTheReader() throws Exception {
        InputStream broken = new InputStream() {
            private int left = 100_000;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    throw new IOException("pipe broke");
                }
                left--;
                return 'x';
            }
        };
        AtomicInteger ends = new AtomicInteger();
        try (CaptureStream capture = new CaptureStream(broken, CodecChain.zstd(), ends::incrementAndGet)) {
            assertThatThrownBy(capture::readAllBytes).hasMessage("pipe broke");
            assertThat(capture.failure()).hasMessage("pipe broke");
            assertThatThrownBy(capture::rawSha256).isInstanceOf(IllegalStateException.class);
        }
        assertThat(ends).hasValue(0);
    }

    @Test
    @Timeout(30)
    void closeStopsAPumpBlockedOnAFullBuffer() throws Exception {
        AtomicBoolean sourceClosed = new AtomicBoolean();
        InputStream endless = new InputStream() {
            private final SplittableRandom random = new SplittableRandom(1);

            @Override
            public int read() {
                return random.nextInt(256);
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) random.nextInt(256);
                }
                return len;
            }

            @Override
            public void close() {
                sourceClosed.set(true);
            }
        };
        CaptureStream capture = new CaptureStream(endless, CodecChain.zstd(1), null, CaptureStream.CHUNK_BYTES * 2);
        assertThat(capture.read()).isNotNegative();
        awaitTrue(() -> capture.peakBufferedBytes() >= CaptureStream.CHUNK_BYTES * 2L);
        Thread.sleep(100);
        long before = capture.rawBytes();
        Thread.sleep(100);
        assertThat(capture.rawBytes()).as("the pump waits for space").isEqualTo(before);
        assertThat(capture.pumpAlive()).isTrue();

        capture.close();

        assertThat(sourceClosed).isTrue();
        assertThat(capture.pumpAlive()).isFalse();
        assertThatThrownBy(capture::read).isInstanceOf(IOException.class).hasMessageContaining("closed");
        capture.close();
    }

    @Test
    @Timeout(30)
    void closeDoesNotWaitForAPumpBlockedOnTheSourceWhichEndsWhenTheSourceDoes() throws Exception {
        CountDownLatch processKilled = new CountDownLatch(1);
        InputStream stalledPipe = new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    processKilled.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return -1;
            }
        };
        CaptureStream capture = new CaptureStream(stalledPipe, CodecChain.zstd(), null);
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                capture.read();
            } catch (IOException expected) {
                // closed under it
            }
        });
        awaitTrue(capture::pumpAlive);

        long started = System.nanoTime();
        capture.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        reader.join(5_000);
        assertThat(reader.isAlive()).as("the waiting reader is released").isFalse();

        processKilled.countDown();
        awaitTrue(() -> !capture.pumpAlive());
    }

    @Test
    @Timeout(30)
    void closeDoesNotWaitForAnEndCallbackThatWaitsForTheDumpTool() throws Exception {
        CountDownLatch toolExited = new CountDownLatch(1);
        AtomicBoolean inCallback = new AtomicBoolean();
        CaptureStream capture = new CaptureStream(new ByteArrayInputStream(sample(1000)), CodecChain.zstd(), () -> {
            inCallback.set(true);
            try {
                toolExited.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        });
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                capture.readAllBytes();
            } catch (IOException expected) {
                // closed under it
            }
        });
        awaitTrue(inCallback::get);

        long started = System.nanoTime();
        capture.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        reader.join(5_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(capture.isComplete()).isFalse();

        toolExited.countDown();
        awaitTrue(() -> !capture.pumpAlive());
        assertThat(capture.isComplete()).isFalse();
    }

    @Test
    void closingBeforeReadingStartsNoThreadAndFreesTheChain() throws Exception {
        AtomicBoolean sourceClosed = new AtomicBoolean();
        InputStream source = new ByteArrayInputStream(sample(1000)) {
            @Override
            public void close() {
                sourceClosed.set(true);
            }
        };
        CaptureStream capture = new CaptureStream(source, CodecChain.zstd(), null);
        capture.close();
        assertThat(capture.pumpAlive()).isFalse();
        assertThat(sourceClosed).isTrue();
        assertThatThrownBy(capture::read).isInstanceOf(IOException.class);
    }

    @Test
    @Timeout(120)
    void aLargeDumpPassesThroughWithinTheBufferBudget() throws Exception {
        long size = 256L * 1024 * 1024;
        int budget = 1024 * 1024;
        SyntheticDump dump = new SyntheticDump(size);
        MessageDigest storedDigest = MessageDigest.getInstance("SHA-256");
        AtomicLong progressReads = new AtomicLong();
        AtomicBoolean monotonic = new AtomicBoolean(true);
        try (CaptureStream capture = new CaptureStream(dump, CodecChain.zstd(1), null, budget, true)) {
            Thread progress = Thread.ofPlatform().daemon().start(() -> {
                long last = 0;
                while (!capture.isComplete() && capture.failure() == null) {
                    long now = capture.rawBytes() + capture.storedBytes();
                    if (now < last) {
                        monotonic.set(false);
                    }
                    last = now;
                    progressReads.incrementAndGet();
                    Thread.onSpinWait();
                }
            });
            byte[] part = new byte[5 * 1024 * 1024];
            long stored = 0;
            int n;
            while ((n = capture.readNBytes(part, 0, part.length)) > 0) {
                storedDigest.update(part, 0, n);
                stored += n;
                Thread.sleep(30); // a part "uploads": the pump fills the buffer meanwhile
            }
            progress.join(5_000);

            assertThat(capture.isComplete()).isTrue();
            assertThat(capture.rawBytes()).isEqualTo(size);
            assertThat(capture.rawSha256()).isEqualTo(dump.sha256());
            assertThat(capture.storedBytes()).isEqualTo(stored);
            assertThat(capture.sha256()).isEqualTo(HexFormat.of().formatHex(storedDigest.digest()));
            assertThat(stored).isLessThan(size / 2);
            assertThat(capture.peakBufferedBytes())
                    .as("the buffer filled while parts uploaded, but never beyond its budget and one chunk")
                    .isGreaterThanOrEqualTo(budget / 2)
                    .isLessThanOrEqualTo((long) budget + CaptureStream.CHUNK_BYTES);
        }
        assertThat(progressReads).hasPositiveValue();
        assertThat(monotonic)
                .as("progress read from another thread never goes back")
                .isTrue();
    }

    @Test
    void rejectsABufferSmallerThanAChunk() {
        assertThatThrownBy(() -> new CaptureStream(InputStream.nullInputStream(), CodecChain.zstd(), null, 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bufferBytes");
    }

    private static byte[] encodeDirectly(CodecChain chain, byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encoder = chain.encoder(out)) {
            for (int i = 0; i < raw.length; i += CaptureStream.CHUNK_BYTES) {
                encoder.write(raw, i, Math.min(CaptureStream.CHUNK_BYTES, raw.length - i));
            }
        }
        return out.toByteArray();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }

    private static byte[] readInOddChunks(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[7919];
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            out.write(buf, 0, n);
            int single = in.read();
            if (single < 0) {
                break;
            }
            out.write(single);
        }
        return out.toByteArray();
    }

    private static int run(Path program, String... args) throws Exception {
        String[] argv = new String[args.length + 1];
        argv[0] = program.toString();
        System.arraycopy(args, 0, argv, 1, args.length);
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    /** Compressible but not trivial: text-like lines with random numbers. */
    static byte[] sample(int size) {
        Random random = new Random(42);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        while (out.size() < size) {
            out.writeBytes(("row " + random.nextInt(1_000_000) + "\tname-" + random.nextInt(500) + "\n").getBytes());
        }
        byte[] all = out.toByteArray();
        byte[] exact = new byte[size];
        System.arraycopy(all, 0, exact, 0, size);
        return exact;
    }

    private static byte[] incompressible(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /**
     * {@code size} bytes of text-like rows (compressible about 3:1, never repeating), generated while
     * read, hashed as they go.
     */
    static final class SyntheticDump extends InputStream {
        private static final byte[] DIGITS = "0123456789".getBytes();
        private final long size;
        private final SplittableRandom random = new SplittableRandom(42);
        private final MessageDigest digest;
        private final byte[] line = new byte[64];
        private int lineLength;
        private int linePosition;
        private long position;
        private long row;

        SyntheticDump(long size) throws Exception {
            this.size = size;
            this.digest = MessageDigest.getInstance("SHA-256");
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                if (linePosition == lineLength) {
                    nextLine();
                }
                b[off + i] = line[linePosition++];
            }
            digest.update(b, off, n);
            position += n;
            return n;
        }

        private void nextLine() {
            int p = 0;
            p = number(++row, p);
            line[p++] = '\t';
            p = number(random.nextLong(1_000_000_000L), p);
            line[p++] = '\t';
            line[p++] = (byte) ('a' + random.nextInt(26));
            line[p++] = (byte) ('a' + random.nextInt(26));
            line[p++] = '\n';
            lineLength = p;
            linePosition = 0;
        }

        private int number(long value, int p) {
            int start = p;
            do {
                line[p++] = DIGITS[(int) (value % 10)];
                value /= 10;
            } while (value > 0);
            for (int i = start, j = p - 1; i < j; i++, j--) {
                byte t = line[i];
                line[i] = line[j];
                line[j] = t;
            }
            return p;
        }
    }
}
