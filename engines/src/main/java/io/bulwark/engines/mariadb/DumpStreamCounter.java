package io.bulwark.engines.mariadb;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the tables and rows of an SQL dump while it is read: every byte read through this stream
 * goes through a {@link SqlDumpScanner}, so counting costs no second pass and no buffering. When the
 * underlying stream reports its end, the scanner is {@linkplain SqlDumpScanner#finish() finished}
 * and {@link #complete()} turns true. {@link #skip} reads (and scans) what it skips; marks are not
 * supported. Not thread-safe, like any stream.
 */
public final class DumpStreamCounter extends FilterInputStream {

    private final SqlDumpScanner scanner = new SqlDumpScanner();
    private final byte[] single = new byte[1];

    /** @param in the dump tool's standard output */
    public DumpStreamCounter(InputStream in) {
        super(in);
    }

    /** The scanner holding the counts; complete once {@link #complete()} is true. */
    public SqlDumpScanner scanner() {
        return scanner;
    }

    /** True once the end of the stream was read, so the counts cover the whole dump. */
    public boolean complete() {
        return scanner.finished();
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            scanner.feed(buffer, offset, n);
        } else if (n < 0) {
            scanner.finish();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: every byte is scanned once, in order
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
