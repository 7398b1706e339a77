package io.bulwark.engines.mariadb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rewrites the {@code ALTER DATABASE `source`} statements of a {@code mariadb-dump} stream to name another database.
 * The dump writes them around each routine whose collation differs from the database's default ({@code ALTER
 * DATABASE `src` CHARACTER SET latin1 ... ;} before, the default again after), naming the database it dumped. A
 * restore into a database of another name must change that database's default, never one of the source's name, which
 * may be the source itself on the same server, or not exist at all (then the restore would fail).
 *
 * <p>Only a line that begins with {@code ALTER DATABASE `<source>`} is rewritten: the dump writes these statements on
 * lines of their own, and a string value never holds a raw line end ({@code mariadb-dump} escapes it as {@code \n}).
 * Streaming, through a 64 KiB buffer; it holds back at most the length of that prefix. Not thread-safe.
 */
final class AlterDatabaseRename extends InputStream {

    private final InputStream in;
    private final byte[] prefix;
    private final byte[] replacement;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean ended;
    private boolean atLineStart = true;
    /** The bytes of a line's start read while they may still be the prefix. */
    private final byte[] held;

    private int heldLength;
    private byte[] pending = new byte[0];
    private int pendingOffset;

    /**
     * @param dump the dump, not closed by this stream
     * @param source the database the dump names
     * @param target the database to name instead
     */
    AlterDatabaseRename(InputStream dump, String source, String target) {
        this.in = dump;
        this.prefix =
                ("ALTER DATABASE " + MariaDbInspector.quoteIdentifier(source) + " ").getBytes(StandardCharsets.UTF_8);
        this.replacement =
                ("ALTER DATABASE " + MariaDbInspector.quoteIdentifier(target) + " ").getBytes(StandardCharsets.UTF_8);
        this.held = new byte[prefix.length];
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] out, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int written = 0;
        while (written < length) {
            if (pendingOffset < pending.length) {
                int n = Math.min(length - written, pending.length - pendingOffset);
                System.arraycopy(pending, pendingOffset, out, offset + written, n);
                pendingOffset += n;
                written += n;
            } else if (!fill()) {
                if (heldLength > 0) {
                    hold(Arrays.copyOf(held, heldLength));
                    heldLength = 0;
                    continue;
                }
                break;
            } else if (atLineStart) {
                matchPrefix();
            } else {
                int end = Math.min(limit, position + (length - written));
                int n = end - position;
                for (int i = position; i < end; i++) {
                    if (buffer[i] == '\n') {
                        n = i - position + 1;
                        atLineStart = true;
                        break;
                    }
                }
                System.arraycopy(buffer, position, out, offset + written, n);
                position += n;
                written += n;
            }
        }
        return written == 0 ? -1 : written;
    }

    /** Compares the buffered bytes with the prefix, byte by byte, until it matches, differs, or the buffer ends. */
    private void matchPrefix() {
        while (position < limit) {
            byte b = buffer[position++];
            held[heldLength++] = b;
            if (b != prefix[heldLength - 1]) {
                hold(Arrays.copyOf(held, heldLength));
                heldLength = 0;
                atLineStart = b == '\n';
                return;
            }
            if (heldLength == prefix.length) {
                hold(replacement);
                heldLength = 0;
                atLineStart = false;
                return;
            }
        }
    }

    private void hold(byte[] bytes) {
        pending = bytes;
        pendingOffset = 0;
    }

    /** True when the buffer holds a byte to read, after reading more when it is empty; false at the end. */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        if (ended) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            ended = true;
            return false;
        }
        position = 0;
        limit = n;
        return n > 0 || fill();
    }

    @Override
    public void close() {
        // the owner of the dump closes it
    }
}
