package io.bulwark.pipeline;

import io.bulwark.engines.ArchiveHead;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The decoded archive of an {@link OpenArtifact}, rewound to its start, with what its head holds. Counts the decoded
 * bytes the restore tool has read (for progress, from any thread).
 *
 * @see OpenArtifact#decode
 */
public final class DecodedArchive {

    private final Counting stream;
    private final byte[] head;
    private final boolean wholeArchive;
    private final int headLimit;
    private final ArchiveHead archiveHead;
    private final long headMillis;

    DecodedArchive(
            InputStream stream,
            byte[] head,
            boolean wholeArchive,
            int headLimit,
            ArchiveHead archiveHead,
            long headMillis) {
        this.stream = new Counting(stream);
        this.head = head;
        this.wholeArchive = wholeArchive;
        this.headLimit = headLimit;
        this.archiveHead = archiveHead;
        this.headMillis = headMillis;
    }

    /** The decoded archive from its first byte, for the restore tool; closing it leaves the artifact open. */
    public InputStream stream() {
        return stream;
    }

    /** The head read ahead: the first {@link #headLimit()} bytes, or the whole archive when it is shorter. */
    public byte[] head() {
        return head;
    }

    /** True when the head is the whole archive. */
    public boolean wholeArchive() {
        return wholeArchive;
    }

    /** How many bytes were read ahead at most. */
    public int headLimit() {
        return headLimit;
    }

    /** What the engine read in the head. */
    public ArchiveHead archiveHead() {
        return archiveHead;
    }

    /** How long reading the head took, in milliseconds. */
    public long headMillis() {
        return headMillis;
    }

    /** Decoded bytes read from {@link #stream()} so far. */
    public long bytesRead() {
        return stream.count;
    }

    private static final class Counting extends FilterInputStream {
        private volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // the OpenArtifact closes the decoder
        }
    }
}
