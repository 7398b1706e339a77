package io.bulwark.pipeline;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and hashes (SHA-256) every byte read through it, and remembers whether the underlying
 * stream (the object store) failed, so that a broken download is told apart from a broken archive.
 * Not thread-safe.
 */
final class DigestingInputStream extends FilterInputStream {

    private final MessageDigest digest;
    private volatile long bytes;
    private IOException sourceFailure;

    DigestingInputStream(InputStream in) {
        super(in);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            sourceFailure = e;
            throw e;
        }
        if (n > 0) {
            digest.update(b, off, n);
            bytes += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
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

    /** Reads what is left to the end, so that the hash covers the whole object. */
    void drain() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (read(buffer, 0, buffer.length) >= 0) {
            // read() hashes what passes
        }
    }

    /** Bytes read so far. */
    long bytes() {
        return bytes;
    }

    /** Lowercase hex SHA-256 of the bytes read; call once, after the end. */
    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The exception the underlying stream threw, or null. */
    IOException sourceFailure() {
        return sourceFailure;
    }
}
