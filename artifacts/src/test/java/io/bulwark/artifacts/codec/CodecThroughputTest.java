package io.bulwark.artifacts.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.CaptureStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput of the codec chain on this machine, in MB/s of dump (raw) bytes: zstd alone, zstd then
 * OpenPGP with the JDK's AES and with Bouncy Castle's, OpenPGP alone, and the same through {@link
 * CaptureStream} (the pump thread and its buffer). Not a check: run it on demand with {@code ./mvnw
 * -pl artifacts -am test -Dtest=CodecThroughputTest -Dbulwark.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and read the output.
 */
@EnabledIfSystemProperty(named = "bulwark.benchmark", matches = "true")
class CodecThroughputTest {

    private static final int SIZE = 64 * 1024 * 1024;
    private static final int ROUNDS = 5;

    @Test
    void measuresTheChain() throws IOException {
        byte[] raw = ArtifactDecoderTest.sample(SIZE);
        OpenPgpEncryption jdk = TestKeys.to("rsa.pub.asc");
        OpenPgpEncryption bc = jdk.withBouncyCastleCipher();
        CodecChain zstd = CodecChain.zstd(3);
        report("zstd-3 (direct)", raw, () -> encodeDirectly(zstd, raw));
        report("zstd-3 + openpgp, JDK AES (direct)", raw, () -> encodeDirectly(zstd.encryptedWith(jdk), raw));
        report("zstd-3 + openpgp, BC AES (direct)", raw, () -> encodeDirectly(zstd.encryptedWith(bc), raw));
        report("openpgp only, JDK AES", raw, () -> encryptOnly(jdk, raw));
        report("openpgp only, BC AES", raw, () -> encryptOnly(bc, raw));
        report("gzip-6 (direct)", raw, () -> encodeDirectly(CodecChain.gzip(6), raw));
        report("sha-256 only", raw, () -> sha256(raw));
        report("zstd-3 + sha-256 of both sides (one thread)", raw, () -> encodeAndHash(zstd, raw));
        report("zstd-3 through CaptureStream", raw, () -> capture(zstd, raw));
        report("zstd-3 + openpgp JDK through CaptureStream", raw, () -> capture(zstd.encryptedWith(jdk), raw));

        byte[] stored = ArtifactDecoderTest.encode(zstd.encryptedWith(jdk), raw);
        DecryptionKeys keys = TestKeys.secret("rsa.sec.asc");
        report("decode zstd-3 + openpgp (JDK AES)", raw, () -> {
            try (InputStream in =
                    ArtifactDecoder.decoding(new ByteArrayInputStream(stored), List.of("zstd", "openpgp"), keys)) {
                return drain(in);
            }
        });
        System.out.printf(
                Locale.ROOT,
                "ratio: %d raw bytes -> %d stored bytes (%.2f:1)%n",
                raw.length,
                stored.length,
                (double) raw.length / stored.length);
    }

    private interface Run {
        long run() throws IOException;
    }

    private static void report(String name, byte[] raw, Run run) throws IOException {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long started = System.nanoTime();
            long out = run.run();
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(out).isPositive();
            rates.add(raw.length / 1e6 / seconds);
        }
        rates.sort(null);
        System.out.printf(
                Locale.ROOT,
                "%-45s median %6.1f MB/s (best %6.1f, worst %6.1f)%n",
                name,
                rates.get(ROUNDS / 2),
                rates.getLast(),
                rates.getFirst());
    }

    private static long encodeDirectly(CodecChain chain, byte[] raw) throws IOException {
        CountingSink sink = new CountingSink();
        try (OutputStream out = chain.encoder(sink)) {
            for (int i = 0; i < raw.length; i += CaptureStream.CHUNK_BYTES) {
                out.write(raw, i, Math.min(CaptureStream.CHUNK_BYTES, raw.length - i));
            }
        }
        return sink.count;
    }

    private static long sha256(byte[] raw) {
        MessageDigest digest = newDigest();
        for (int i = 0; i < raw.length; i += CaptureStream.CHUNK_BYTES) {
            digest.update(raw, i, Math.min(CaptureStream.CHUNK_BYTES, raw.length - i));
        }
        return digest.digest().length;
    }

    /** What the pump does, on the calling thread: hash, encode, hash the output. */
    private static long encodeAndHash(CodecChain chain, byte[] raw) throws IOException {
        MessageDigest rawDigest = newDigest();
        MessageDigest storedDigest = newDigest();
        CountingSink sink = new CountingSink() {
            @Override
            public void write(byte[] b, int off, int len) {
                storedDigest.update(b, off, len);
                super.write(b, off, len);
            }
        };
        try (OutputStream out = chain.encoder(sink)) {
            for (int i = 0; i < raw.length; i += CaptureStream.CHUNK_BYTES) {
                int n = Math.min(CaptureStream.CHUNK_BYTES, raw.length - i);
                rawDigest.update(raw, i, n);
                out.write(raw, i, n);
            }
        }
        rawDigest.digest();
        storedDigest.digest();
        return sink.count;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long encryptOnly(OpenPgpEncryption encryption, byte[] raw) throws IOException {
        CountingSink sink = new CountingSink();
        try (OutputStream out = encryption.encrypting(sink)) {
            for (int i = 0; i < raw.length; i += CaptureStream.CHUNK_BYTES) {
                out.write(raw, i, Math.min(CaptureStream.CHUNK_BYTES, raw.length - i));
            }
        }
        return sink.count;
    }

    private static long capture(CodecChain chain, byte[] raw) throws IOException {
        try (CaptureStream capture = new CaptureStream(new ByteArrayInputStream(raw), chain, null)) {
            return drain(capture);
        }
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            total += n;
        }
        return total;
    }

    private static class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
