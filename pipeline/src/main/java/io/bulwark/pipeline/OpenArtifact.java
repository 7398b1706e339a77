package io.bulwark.pipeline;

import io.bulwark.artifacts.codec.ArtifactDecoder;
import io.bulwark.artifacts.codec.DecryptionException;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.engines.ArchiveHead;
import io.bulwark.engines.RestoreEngine;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * One artifact being read, from {@link ArtifactReader#open}: its stored bytes are counted and hashed as they pass,
 * and {@link #decode} yields the decoded archive with its head read ahead. After the restore, {@link #finishChecksum}
 * reads what the restore tool left (so the hash covers the whole object) and answers the SHA-256. Not thread-safe,
 * except that the byte counts may be read from any thread (for progress).
 */
public final class OpenArtifact implements AutoCloseable {

    private final DigestingInputStream stored;
    private final ArtifactRef ref;
    private final DecryptionKeyring keyring;
    private final String targetId;
    private DecryptionKeys keys = DecryptionKeys.none();
    private InputStream decoded;
    private volatile DecodedArchive archive;

    OpenArtifact(DigestingInputStream stored, ArtifactRef ref, DecryptionKeyring keyring, String targetId) {
        this.stored = stored;
        this.ref = ref;
        this.keyring = keyring;
        this.targetId = targetId == null ? "" : targetId;
    }

    /** The artifact read. */
    public ArtifactRef artifact() {
        return ref;
    }

    /**
     * Decodes the artifact and reads the head of the decoded archive ahead of the restore: the first {@link
     * RestoreEngine#headBytes()} bytes, or up to {@link RestoreEngine#maxHeadBytes()} when the table of contents does
     * not end in the first. The returned archive is rewound to its start, the head held in memory until the restore
     * has read it.
     *
     * @param timeout how long the engine's listing may take
     * @throws DecryptionException when no key opens an encrypted artifact (see {@link #keysConfigured()}); {@link
     *     DecryptionException#isNoKeyForRecipients()} when the ring holds no key of any recipient, naming the
     *     recipients by the fingerprints the manifest records (by key id for a manifest without them)
     * @throws io.bulwark.artifacts.codec.CorruptArtifactException when the stream cannot be decoded
     * @throws IOException when reading fails otherwise (the object store: see {@link #sourceFailure()})
     * @throws IllegalArgumentException when the manifest names a codec this build does not know
     * @throws IllegalStateException when a configured passphrase cannot be read (the message names the setting)
     */
    public DecodedArchive decode(RestoreEngine engine, Duration timeout) throws IOException {
        keys = keyring.keysFor(targetId);
        // the decoder closes its input when it throws (keys that do not open the artifact), but the checksum still
        // reads the artifact to its end: the stored stream is closed by close() alone
        InputStream decoding;
        try {
            decoding = ArtifactDecoder.decoding(new KeptOpen(stored), ref.codecs(), keys);
        } catch (DecryptionException e) {
            if (e.isNoKeyForRecipients()
                    && ref.recipientsKnown()
                    && !ref.recipients().isEmpty()) {
                // name the keys as the manifest and GET /api/keys do: by fingerprint, not the session packets' key ids
                String ring =
                        "the ring holds " + (keys.fingerprints().isEmpty() ? "no secret key" : keys.fingerprints());
                throw DecryptionException.noKeyForRecipients(
                        ref.recipients(), e.detail() == null ? ring : ring + "; " + e.detail());
            }
            throw e;
        }
        BufferedInputStream ahead = new BufferedInputStream(decoding, 64 * 1024);
        decoded = ahead;
        long started = System.nanoTime();
        int limit = engine.headBytes();
        ahead.mark(Math.max(limit, engine.maxHeadBytes()) + 1);
        while (true) {
            byte[] head = ahead.readNBytes(limit + 1);
            ahead.reset();
            boolean whole = head.length <= limit;
            if (!whole) {
                head = Arrays.copyOf(head, limit);
            }
            ArchiveHead read = engine.readHead(head, timeout);
            if (!read.readableHead() && read.endOfInput() && !whole && limit < engine.maxHeadBytes()) {
                limit = engine.maxHeadBytes();
                continue;
            }
            archive = new DecodedArchive(ahead, head, whole, limit, read, (System.nanoTime() - started) / 1_000_000);
            return archive;
        }
    }

    /** True when decryption keys or passphrases are configured for the target (set once {@link #decode} ran). */
    public boolean keysConfigured() {
        return !keys.isEmpty();
    }

    /** Stored bytes read from the object store so far. */
    public long storedBytesRead() {
        return stored.bytes();
    }

    /** Decoded bytes the restore tool has read so far; 0 before {@link #decode}. */
    public long decodedBytesRead() {
        DecodedArchive decodedArchive = archive;
        return decodedArchive == null ? 0 : decodedArchive.bytesRead();
    }

    /** The stored size the manifest records, in bytes. */
    public long storedSize() {
        return ref.storedBytes();
    }

    /** The exception the object store's stream threw, or null: then the download broke, not the archive. */
    public IOException sourceFailure() {
        return stored.sourceFailure();
    }

    /**
     * Reads the stored object to its end (unless the store failed), so that the hash covers every byte whatever the
     * restore tool read, and answers its SHA-256 in lowercase hex. Call once, after the restore.
     *
     * @throws IOException when the store fails while draining (then {@link #sourceFailure()} is set)
     */
    public String finishChecksum() throws IOException {
        if (stored.sourceFailure() == null) {
            stored.drain();
        }
        return stored.sha256();
    }

    /** Closes the decoder and the stored stream; never throws. */
    @Override
    public void close() {
        try {
            if (decoded != null) {
                decoded.close();
            }
        } catch (IOException e) {
            // the decoder holds no resource of its own beyond the stored stream, closed below
        }
        try {
            stored.close();
        } catch (IOException e) {
            // a stream that cannot close has nothing left to release
        }
    }

    /** {@code in}, except that closing it leaves {@code in} open. */
    private static final class KeptOpen extends FilterInputStream {
        KeptOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the owner of in closes it
        }
    }
}
