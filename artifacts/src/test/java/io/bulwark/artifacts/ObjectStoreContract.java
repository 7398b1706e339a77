package io.bulwark.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ObjectStore} keeps, run by each implementation's test: unknown-size
 * streaming uploads in several parts, no object (and no incomplete upload) after a failed upload,
 * recursive sorted listing, idempotent prefix deletes, not-found errors, streams that refuse reads once
 * closed, listing and aborting the incomplete uploads a killed worker leaves.
 */
abstract class ObjectStoreContract {

    /** The store under test, empty of the keys these tests use. */
    protected abstract ObjectStore store();

    /**
     * Starts a multipart upload of {@code key}, uploads a part and leaves it incomplete, as a worker
     * killed mid-upload does.
     */
    protected abstract void abandonUpload(String key) throws Exception;

    @Test
    void streamsAnInputOfUnknownSizeInSeveralPartsAndReadsItBack() throws Exception {
        long size = 17L * 1024 * 1024 + 123;
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        InputStream source = new RandomStream(size, 7, written);
        long stored = store().putStream("t/big/dump.bin", source, "application/octet-stream");
        assertThat(stored).isEqualTo(size);
        assertThat(store().size("t/big/dump.bin")).isEqualTo(size);
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        try (InputStream in = store().get("t/big/dump.bin")) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                read.update(buf, 0, n);
            }
        }
        assertThat(HexFormat.of().formatHex(read.digest()))
                .isEqualTo(HexFormat.of().formatHex(written.digest()));
    }

    @Test
    void aStreamThatFailsMidwayLeavesNoObject() {
        InputStream failing = new RandomStream(12L * 1024 * 1024, 3, null) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position() > 11L * 1024 * 1024) {
                    throw new IOException("pg_dump exited with code 1");
                }
                return super.read(b, off, len);
            }
        };
        assertThatThrownBy(() -> store().putStream("t/failed/dump.bin", failing, "application/octet-stream"))
                .isInstanceOf(ObjectStoreException.class);
        assertThat(store().exists("t/failed/dump.bin")).isFalse();
        assertThat(store().list("t/failed/")).isEmpty();
        assertThat(store().incompleteUploads("t/failed/"))
                .as("the failed upload was aborted")
                .isEmpty();
    }

    @Test
    void aSmallStreamFailingBeforeItsEndLeavesNoObject() {
        InputStream failing = new InputStream() {
            private int left = 1000;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    throw new IOException("broken");
                }
                left--;
                return 'x';
            }
        };
        assertThatThrownBy(() -> store().putStream("t/small-failed/dump.bin", failing, "application/octet-stream"))
                .isInstanceOf(ObjectStoreException.class);
        assertThat(store().exists("t/small-failed/dump.bin")).isFalse();
    }

    @Test
    void listsRecursivelySortedAndDeletesAPrefix() {
        byte[] data = "{}".getBytes(StandardCharsets.UTF_8);
        store().putBytes("t2/2026/11/b/manifest.json", data, "application/json");
        store().putBytes("t2/2026/11/a/manifest.json", data, "application/json");
        store().putBytes("t2/2026/11/a/dump.pgcustom.zst", data, "application/zstd");
        store().putBytes("t3/keep.json", data, "application/json");
        assertThat(store().list("t2/"))
                .containsExactly(
                        "t2/2026/11/a/dump.pgcustom.zst", "t2/2026/11/a/manifest.json", "t2/2026/11/b/manifest.json");
        assertThat(store().deletePrefix("t2/2026/11/a/")).isEqualTo(2);
        assertThat(store().deletePrefix("t2/2026/11/a/")).isZero();
        assertThat(store().list("t2/")).containsExactly("t2/2026/11/b/manifest.json");
        assertThat(store().exists("t3/keep.json")).isTrue();
    }

    @Test
    void aMissingObjectIsNotFound() {
        assertThatThrownBy(() -> store().get("nope/missing.json")).isInstanceOf(ObjectNotFoundException.class);
        assertThatThrownBy(() -> store().size("nope/missing.json")).isInstanceOf(ObjectNotFoundException.class);
        assertThat(store().exists("nope/missing.json")).isFalse();
        store().delete("nope/missing.json");
    }

    @Test
    void aStreamReadAfterItIsClosedThrows() throws Exception {
        store().putBytes("t6/dump.bin", new byte[100_000], "application/octet-stream");
        InputStream in = store().get("t6/dump.bin");
        assertThat(in.readNBytes(10)).hasSize(10);
        in.close();

        assertThatThrownBy(() -> in.read(new byte[10])).isInstanceOf(IOException.class);
        store().delete("t6/dump.bin");
    }

    @Test
    void storesSmallObjectsWhole() throws Exception {
        store().putBytes("t4/manifest.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "application/json");
        try (InputStream in = store().get("t4/manifest.json")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        }
        store().delete("t4/manifest.json");
        assertThat(store().exists("t4/manifest.json")).isFalse();
    }

    @Test
    void listsAndAbortsTheIncompleteUploadsUnderAPrefixOnly() throws Exception {
        String a = "u1/2026/11/a/dump.pgcustom.zst";
        String b = "u1/2026/11/b/dump.pgcustom.zst";
        String other = "u2/2026/11/c/dump.pgcustom.zst";
        abandonUpload(b);
        abandonUpload(a);
        abandonUpload(b);
        abandonUpload(other);

        assertThat(store().incompleteUploads("u1/")).containsExactly(a, b);
        assertThat(store().list("u1/")).as("an incomplete upload is no object").isEmpty();
        assertThat(store().abortIncompleteUploads("u1/", Duration.ofHours(1)))
                .as("younger than an hour")
                .isZero();
        assertThat(store().incompleteUploads("u1/")).containsExactly(a, b);

        assertThat(store().abortIncompleteUploads("u1/", Duration.ZERO)).isEqualTo(3);
        assertThat(store().incompleteUploads("u1/")).isEmpty();
        assertThat(store().abortIncompleteUploads("u1/", Duration.ZERO)).isZero();
        assertThat(store().incompleteUploads("u2/")).containsExactly(other);
        assertThat(store().abortIncompleteUploads("u2/", Duration.ZERO)).isEqualTo(1);
        assertThat(store().incompleteUploads("")).isEmpty();
    }

    /** Pseudo-random bytes of a fixed length whose size the reader cannot know in advance. */
    static class RandomStream extends InputStream {
        private final long size;
        private final Random random;
        private final MessageDigest digest;
        private long position;

        RandomStream(long size, long seed, MessageDigest digest) {
            this.size = size;
            this.random = new Random(seed);
            this.digest = digest;
        }

        long position() {
            return position;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            if (digest != null) {
                digest.update(chunk);
            }
            position += n;
            return n;
        }
    }
}
