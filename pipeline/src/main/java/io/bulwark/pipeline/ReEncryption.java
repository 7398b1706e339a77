package io.bulwark.pipeline;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.artifacts.codec.ArtifactDecoder;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.DecryptionException;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.artifacts.codec.OpenPgpEncryption;
import io.bulwark.contracts.ArtifactRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Re-encrypts a stored backup's artifact to new recipients, streamed and proven before anything is given up.
 *
 * <ol>
 *   <li>the stored artifact is read from the object store, its SHA-256 checked against the manifest, decrypted with
 *       the key ring (only the OpenPGP stage: the compressed bytes pass through as they are) and encrypted to the new
 *       recipients, straight into a multipart upload of a <em>new</em> object under the backup's prefix ({@code
 *       dump.pgcustom.zst.reenc-<UTC time>.gpg}); memory stays bounded (a 1 MiB pipe and one upload part);
 *   <li>the new object is proven: read back, its SHA-256 and size compared with what was uploaded, then decrypted with
 *       the ring (which must therefore hold a key of a new recipient) and decompressed to its end, and the SHA-256 of
 *       the dump tool's output compared with the manifest's {@code rawSha256};
 *   <li>only then the manifest is switched (artifact key, recipients, stored size and SHA-256) by writing it whole
 *       through the {@link ManifestWriter} (one PUT: an object store replaces an object atomically);
 *   <li>and only then the old object is deleted.
 * </ol>
 *
 * <p>A crash before step 3 leaves the manifest naming the old, untouched artifact: the backup reads as before, and
 * the half-written or unproven new object is an orphan under the prefix (removed with the backup, or by the next run
 * for this backup: {@link #reencrypt} first deletes {@code dump.*} objects the manifest does not name). A crash
 * between steps 3 and 4 leaves the manifest naming the new, proven artifact, and the old one an orphan removed the
 * same way. At no point does the manifest name an object that is not fully written and proven.
 *
 * <p>The verification report stored beside the backup still describes the old artifact until the backup is verified
 * again; the scheduler learns the new recipients from that verification. Thread-safe; one re-encryption per call.
 */
public final class ReEncryption {

    /** The infix of re-encrypted artifacts' object names. */
    public static final String REENCRYPTED_INFIX = ".reenc-";

    private static final int PIPE_BYTES = 1 << 20;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * Writes a backup's manifest: {@link ManifestJson#store} by default. The hook for whatever else a manifest
     * needs when it changes (a signature beside it, once manifests are signed).
     */
    @FunctionalInterface
    public interface ManifestWriter {

        /** Plain {@code manifest.json}. */
        ManifestWriter PLAIN = ManifestJson::store;

        /** Stores {@code manifest} at {@code manifestKey}. */
        void write(ObjectStore store, String manifestKey, Manifest manifest);
    }

    /**
     * What a re-encryption did.
     *
     * @param manifestKey the backup's manifest
     * @param oldKey the artifact before (deleted, unless {@code unchanged})
     * @param newKey the artifact now
     * @param oldRecipients the fingerprints before (null when unknown)
     * @param newRecipients the fingerprints now
     * @param storedBytes the new artifact's size
     * @param millis how long it took, in milliseconds
     * @param unchanged true when the artifact was already encrypted to exactly the new recipients: nothing was done
     */
    public record Result(
            String manifestKey,
            String oldKey,
            String newKey,
            List<String> oldRecipients,
            List<String> newRecipients,
            long storedBytes,
            long millis,
            boolean unchanged) {}

    private final ObjectStore store;
    private final DecryptionKeys ring;
    private final OpenPgpEncryption to;
    private final ManifestWriter manifests;
    private final Clock clock;

    /**
     * @param store where the backups are
     * @param ring opens the current artifacts and, to prove the new ones, a key of one of the new recipients
     * @param to the new recipients
     * @param manifests writes the switched manifest ({@link ManifestWriter#PLAIN}, or one that also signs it)
     * @throws IllegalArgumentException when {@code to} has no recipient key or the ring holds no key of any of them
     *     (the new copy could not be proven)
     */
    public ReEncryption(
            ObjectStore store, DecryptionKeys ring, OpenPgpEncryption to, ManifestWriter manifests, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.ring = Objects.requireNonNull(ring, "ring");
        this.to = Objects.requireNonNull(to, "to");
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (to.recipientFingerprints().isEmpty()) {
            throw new IllegalArgumentException("re-encryption needs at least one recipient public key");
        }
        if (!ring.opensAnyOf(to.recipientFingerprints())) {
            throw new IllegalArgumentException("the key ring " + ring.fingerprints() + " holds no secret key of the new"
                    + " recipients " + to.recipientFingerprints() + ": the new copy could not be proven before the"
                    + " old one is deleted; add a secret key of one of them");
        }
    }

    /**
     * Re-encrypts the artifact of the backup whose manifest is at {@code manifestKey}; see the class comment.
     *
     * @throws IllegalArgumentException when the artifact is not encrypted with OpenPGP
     * @throws ReEncryptionException when the ring does not open the current artifact (its cause a {@link
     *     DecryptionException}), the current artifact does not match its manifest's SHA-256, or the new copy does not
     *     prove; the manifest and the old artifact are untouched
     * @throws ObjectStoreException when the store fails; the manifest names a complete artifact whatever happened
     */
    public Result reencrypt(String manifestKey) {
        long started = System.nanoTime();
        Manifest manifest = ManifestJson.load(store, manifestKey);
        ArtifactRef old = manifest.artifact();
        List<String> codecs = old.codecs();
        if (codecs.isEmpty() || !CodecChain.OPENPGP.equals(codecs.getLast())) {
            throw new IllegalArgumentException(
                    "the artifact " + old.key() + " is not encrypted (codecs " + codecs + "); nothing to re-encrypt");
        }
        String prefix = old.key().substring(0, old.key().lastIndexOf('/') + 1);
        removeLeftovers(prefix, old.key());
        List<String> recipients = to.recipientFingerprints();
        if (old.recipientsKnown() && old.recipients().equals(recipients)) {
            return new Result(
                    manifestKey,
                    old.key(),
                    old.key(),
                    old.recipients(),
                    recipients,
                    old.storedBytes(),
                    millisSince(started),
                    true);
        }
        String newKey = newKey(old.key());
        Uploaded uploaded = upload(old, newKey);
        try {
            prove(old, newKey, uploaded);
        } catch (RuntimeException e) {
            deleteQuietly(newKey);
            throw e;
        }
        Manifest switched =
                withArtifact(manifest, old.reencrypted(newKey, uploaded.bytes(), uploaded.sha256(), recipients));
        manifests.write(store, manifestKey, switched);
        store.delete(old.key());
        return new Result(
                manifestKey,
                old.key(),
                newKey,
                old.recipients(),
                recipients,
                uploaded.bytes(),
                millisSince(started),
                false);
    }

    private record Uploaded(long bytes, String sha256) {}

    /** Streams old -> decrypt -> encrypt -> new object, checking the old object's SHA-256 on the way. */
    private Uploaded upload(ArtifactRef old, String newKey) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        PipedInputStream pipe = new PipedInputStream(PIPE_BYTES);
        PipedOutputStream sink;
        try {
            sink = new PipedOutputStream(pipe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DigestingInputStream oldStored = new DigestingInputStream(store.get(old.key()));
        Thread writer = Thread.ofVirtual().name("reencrypt-" + newKey).start(() -> {
            try (oldStored;
                    InputStream decrypted = ArtifactDecoder.decoding(oldStored, List.of(CodecChain.OPENPGP), ring);
                    OutputStream encrypted = to.encrypting(sink)) {
                decrypted.transferTo(encrypted);
            } catch (Throwable e) {
                failure.set(e);
                try {
                    sink.close();
                } catch (IOException ignored) {
                    // the reader sees the end and the failure below
                }
            }
        });
        DigestingInputStream uploading = new DigestingInputStream(new FailingAtEnd(pipe, failure));
        RuntimeException uploadFailure = null;
        try {
            store.putStream(
                    newKey, uploading, CodecChain.zstd().encryptedWith(to).contentType());
        } catch (RuntimeException e) {
            // when the writer failed first, the upload failed because of it (the pipe ended in its error)
            uploadFailure = failure.get() == null ? e : null;
            try {
                pipe.close(); // the writer, blocked on a full pipe, fails instead of waiting for a reader
            } catch (IOException ignored) {
                // closing a pipe does not fail
            }
        } finally {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable problem = failure.get();
        if (uploadFailure != null) {
            deleteQuietly(newKey);
            throw uploadFailure; // the store failed: the writer's error is only the closed pipe
        }
        if (problem != null) {
            deleteQuietly(newKey);
            if (problem instanceof ObjectStoreException storeProblem) {
                throw storeProblem;
            }
            throw new ReEncryptionException(
                    "re-encrypting " + old.key() + " failed, nothing changed: " + problem.getMessage(), problem);
        }
        String oldSha = oldStored.sha256();
        if (old.sha256() != null && !old.sha256().equals(oldSha)) {
            deleteQuietly(newKey);
            throw new ReEncryptionException("the stored artifact " + old.key() + " has SHA-256 " + oldSha
                    + " but its manifest says " + old.sha256() + ": not re-encrypted, the backup needs attention");
        }
        return new Uploaded(uploading.bytes(), uploading.sha256());
    }

    /** Reads the new object back: same bytes as uploaded, and it decodes to the dump tool's output. */
    private void prove(ArtifactRef old, String newKey, Uploaded uploaded) {
        DigestingInputStream stored = new DigestingInputStream(store.get(newKey));
        DigestingInputStream raw;
        try (stored;
                InputStream decoded = ArtifactDecoder.decoding(stored, old.codecs(), ring)) {
            raw = new DigestingInputStream(decoded);
            raw.drain();
            stored.drain();
        } catch (IOException e) {
            throw new ReEncryptionException("reading back " + newKey + " failed: " + e.getMessage(), e);
        }
        String storedSha = stored.sha256();
        if (stored.bytes() != uploaded.bytes() || !storedSha.equals(uploaded.sha256())) {
            throw new ReEncryptionException(
                    "the new object " + newKey + " reads back as " + stored.bytes() + " bytes with SHA-256 " + storedSha
                            + ", but " + uploaded.bytes() + " bytes with SHA-256 " + uploaded.sha256()
                            + " were uploaded");
        }
        String rawSha = raw.sha256();
        if (old.rawSha256() != null && !old.rawSha256().equals(rawSha)) {
            throw new ReEncryptionException("the new object " + newKey + " decodes to output with SHA-256 " + rawSha
                    + " but the manifest's" + " rawSha256 is " + old.rawSha256());
        }
    }

    /** Deletes {@code dump.*} objects under {@code prefix} other than {@code current}: leftovers of a crashed run. */
    private void removeLeftovers(String prefix, String current) {
        for (String key : store.list(prefix)) {
            String name = key.substring(key.lastIndexOf('/') + 1);
            if (!key.equals(current)
                    && name.startsWith("dump.")
                    && key.substring(prefix.length()).indexOf('/') < 0) {
                store.delete(key);
            }
        }
    }

    private String newKey(String oldKey) {
        String stem = oldKey.endsWith(CodecChain.OPENPGP_SUFFIX)
                ? oldKey.substring(0, oldKey.length() - CodecChain.OPENPGP_SUFFIX.length())
                : oldKey;
        int previous = stem.indexOf(REENCRYPTED_INFIX, stem.lastIndexOf('/'));
        if (previous >= 0) {
            stem = stem.substring(0, previous);
        }
        return stem + REENCRYPTED_INFIX + STAMP.format(clock.instant()) + CodecChain.OPENPGP_SUFFIX;
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            // an orphan under the prefix: the next run for this backup, or the backup's deletion, removes it
        }
    }

    private static Manifest withArtifact(Manifest m, ArtifactRef artifact) {
        return new Manifest(
                m.schemaVersion(),
                m.backupId(),
                m.requestId(),
                m.targetId(),
                m.label(),
                m.tier(),
                m.trigger(),
                m.startedAt(),
                m.completedAt(),
                m.source(),
                m.tool(),
                artifact,
                m.inventory(),
                m.rowCountMethod(),
                m.sourceHealth());
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }

    /** The pipe; at its end, throws when the writer failed, so that the upload is aborted rather than completed. */
    private static final class FailingAtEnd extends java.io.FilterInputStream {
        private final AtomicReference<Throwable> failure;

        FailingAtEnd(InputStream in, AtomicReference<Throwable> failure) {
            super(in);
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                check();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                check();
            }
            return n;
        }

        private void check() throws IOException {
            Throwable problem = failure.get();
            if (problem != null) {
                throw new IOException("re-encryption failed: " + problem.getMessage(), problem);
            }
        }
    }
}
