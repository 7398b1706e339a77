package io.bulwark.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureStreamTest {

    private static final Path ZSTD = Path.of("/usr/bin/zstd");

    @Test
    void compressesCountsAndHashesBothSides() throws Exception {
        byte[] raw = sample(3 * 1024 * 1024 + 17);
        AtomicInteger ends = new AtomicInteger();
        byte[] stored;
        try (CaptureStream capture = new CaptureStream(new ByteArrayInputStream(raw), 3, ends::incrementAndGet)) {
            stored = readInOddChunks(capture);
            assertThat(capture.isComplete()).isTrue();
            assertThat(capture.rawBytes()).isEqualTo(raw.length);
            assertThat(capture.storedBytes()).isEqualTo(stored.length);
            assertThat(capture.rawSha256()).isEqualTo(sha256(raw));
            assertThat(capture.sha256()).isEqualTo(sha256(stored));
            assertThat(capture.failure()).isNull();
        }
        assertThat(ends).hasValue(1);
        assertThat(stored.length).isLessThan(raw.length);
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(stored))) {
            assertThat(in.readAllBytes()).isEqualTo(raw);
        }
    }

    @Test
    void theZstdBinaryDecompressesTheOutputAndDetectsCorruption(@TempDir Path dir) throws Exception {
        byte[] raw = sample(2 * 1024 * 1024);
        byte[] stored;
        try (CaptureStream capture = new CaptureStream(new ByteArrayInputStream(raw), 3, null)) {
            stored = capture.readAllBytes();
        }
        Path zst = dir.resolve("dump.zst");
        Files.write(zst, stored);
        assertThat(run(
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
        assertThat(run("-t", "-q", bad.toString())).isNotZero();
    }

    @Test
    void emptySourceGivesAValidEmptyFrame() throws Exception {
        try (CaptureStream capture = new CaptureStream(InputStream.nullInputStream(), 3, null)) {
            byte[] stored = capture.readAllBytes();
            assertThat(stored).isNotEmpty();
            assertThat(capture.rawBytes()).isZero();
            try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(stored))) {
                assertThat(in.readAllBytes()).isEmpty();
            }
        }
    }

    @Test
    void aFailingEndCallbackFailsTheReaderBeforeTheLastBytes() throws Exception {
        byte[] raw = sample(300_000);
        try (CaptureStream capture = new CaptureStream(new ByteArrayInputStream(raw), 3, () -> {
            throw new IOException("pg_dump exited with code 1");
        })) {
            assertThatThrownBy(capture::readAllBytes)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("code 1");
            assertThat(capture.failure()).hasMessageContaining("code 1");
            assertThat(capture.isComplete()).isFalse();
            assertThatThrownBy(capture::read).isInstanceOf(IOException.class);
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
        try (CaptureStream capture = new CaptureStream(broken, 3, null)) {
            assertThatThrownBy(capture::readAllBytes).hasMessage("pipe broke");
            assertThat(capture.failure()).hasMessage("pipe broke");
        }
    }

    @Test
    void rejectsAnOutOfRangeLevel() {
        assertThatThrownBy(() -> new CaptureStream(InputStream.nullInputStream(), 0, null))
                .hasMessageContaining("level");
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

    private static int run(String... args) throws Exception {
        String[] argv = new String[args.length + 1];
        argv[0] = ZSTD.toString();
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

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
