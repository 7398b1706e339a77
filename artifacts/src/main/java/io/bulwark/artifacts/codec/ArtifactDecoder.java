package io.bulwark.artifacts.codec;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Undoes an artifact's codec chain ({@link io.bulwark.contracts.ArtifactRef#codecs()}, applied in
 * order after the dump tool) while streaming: the last codec applied is decoded first. Reads what
 * {@link CodecChain#encoder} writes, and also what the tools write: {@code zstd}, {@code gzip} and
 * {@code gpg --encrypt} (with or without its own compression, signed or not, binary or armored).
 *
 * <p>What a reader of the decoded stream can tell apart:
 *
 * <ul>
 *   <li>{@link DecryptionException} (an {@link UnreadableArtifactException}): the keys do not open the
 *       artifact; thrown by {@link #decoding} itself, which reads the OpenPGP header;
 *   <li>{@link CorruptArtifactException} (an {@link UnreadableArtifactException}): the artifact is
 *       truncated, not in its codecs' format, or fails a check: the zstd content checksum (RFC 8878
 *       section 3.1.1), the gzip CRC-32 (RFC 1952 section 2.3.1), the OpenPGP Modification Detection
 *       Code (RFC 4880 section 5.14). A check at the end is made when the decoded stream reaches its
 *       end: a reader that stops early has not had the artifact checked;
 *   <li>any other {@link IOException}: the one {@code stored} threw (the download broke), unchanged;
 *       once {@code stored} has failed, every later error is that one.
 * </ul>
 *
 * <p>When the decoded stream reaches its end, the layers below are read to their ends too, so the
 * OpenPGP integrity check runs even when a decompressor stops before the end of its input (gzip does).
 */
public final class ArtifactDecoder {

    /** The codecs this decoder undoes. */
    public static final List<String> SUPPORTED =
            List.of(Compression.ZSTD.codecName(), Compression.GZIP.codecName(), CodecChain.OPENPGP);

    private ArtifactDecoder() {}

    /**
     * A stream of the dump tool's output, decoded from {@code stored}. Closing it closes {@code stored}
     * and frees the decompressors' native memory; when this method throws, {@code stored} is closed.
     *
     * @param stored the artifact's bytes as stored
     * @param codecs the chain as recorded, in the order applied; empty for a raw dump
     * @param keys the keys for an {@code openpgp} stage; {@link DecryptionKeys#none()} otherwise
     * @throws IllegalArgumentException naming the codec when the chain holds one not in {@link
     *     #SUPPORTED}
     * @throws DecryptionException when the chain is encrypted and none of {@code keys} opens it
     * @throws CorruptArtifactException when a header is malformed (not gzip, not an encrypted OpenPGP
     *     message, not integrity protected)
     * @throws IOException when reading {@code stored} fails
     */
    public static InputStream decoding(InputStream stored, List<String> codecs, DecryptionKeys keys)
            throws IOException {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(keys, "keys");
        for (String codec : codecs) {
            if (!SUPPORTED.contains(codec)) {
                throw new IllegalArgumentException(
                        "codec '" + codec + "' of the chain " + codecs + " cannot be decoded; supported: " + SUPPORTED);
            }
        }
        Source source = new Source(stored);
        List<Layer> layers = new ArrayList<>();
        InputStream in = source;
        try {
            for (String codec : codecs.reversed()) {
                Layer layer = new Layer(codec, open(codec, in, keys), source);
                layers.add(layer);
                in = layer;
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(in, e);
            if (in != source) {
                closeQuietly(source, e);
            }
            throw translate(codecs.isEmpty() ? "" : failingCodec(codecs, layers), e, source);
        }
        return layers.isEmpty() ? source : new Decoded(layers);
    }

    private static String failingCodec(List<String> codecs, List<Layer> built) {
        return codecs.reversed().get(built.size());
    }

    private static InputStream open(String codec, InputStream in, DecryptionKeys keys) throws IOException {
        if (CodecChain.OPENPGP.equals(codec)) {
            return OpenPgpDecoder.open(in, keys);
        }
        return Compression.ofCodecName(codec).decompressing(in);
    }

    /**
     * What a reader sees for {@code e}, raised while decoding {@code codec}: an {@link
     * UnreadableArtifactException} as it is, the stored stream's failure once there was one, otherwise a
     * {@link CorruptArtifactException} naming the codec.
     */
    private static IOException translate(String codec, Throwable e, Source source) {
        if (source.failure != null) {
            return source.failure;
        }
        if (e instanceof UnreadableArtifactException unreadable) {
            return unreadable;
        }
        String what = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        if (e instanceof EOFException) {
            return new CorruptArtifactException(codec + ": the artifact ends early (truncated): " + what, e);
        }
        return new CorruptArtifactException(codec + ": " + what, e);
    }

    private static void closeQuietly(InputStream in, Throwable primary) {
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            if (e != primary) {
                primary.addSuppressed(e);
            }
        }
    }

    /** The stored stream, remembering the first exception it threw. */
    private static final class Source extends FilterInputStream {
        private volatile IOException failure;

        Source(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public int available() throws IOException {
            try {
                return super.available();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }

    /** One codec's decoder, its errors translated. */
    private static final class Layer extends InputStream {
        private final String codec;
        private final InputStream decoder;
        private final Source source;
        private boolean ended;

        Layer(String codec, InputStream decoder, Source source) {
            this.codec = codec;
            this.decoder = decoder;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = decoder.read();
                ended = b < 0;
                return b;
            } catch (IOException | RuntimeException e) {
                throw translate(codec, e, source);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = decoder.read(b, off, len);
                ended = n < 0;
                return n;
            } catch (IOException | RuntimeException e) {
                throw translate(codec, e, source);
            }
        }

        @Override
        public int available() throws IOException {
            try {
                return decoder.available();
            } catch (IOException | RuntimeException e) {
                throw translate(codec, e, source);
            }
        }

        /** Reads to the end, which runs the end-of-stream checks of this codec. */
        void drain() throws IOException {
            byte[] discard = new byte[8192];
            while (!ended) {
                read(discard, 0, discard.length);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                decoder.close();
            } catch (IOException | RuntimeException e) {
                throw translate(codec, e, source);
            }
        }
    }

    /** The outermost layer; at its end, the layers below are drained, innermost last. */
    private static final class Decoded extends FilterInputStream {
        private final List<Layer> layers;
        private boolean drained;

        Decoded(List<Layer> layers) {
            super(layers.getLast());
            this.layers = layers;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                drainBelow();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                drainBelow();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] discard = new byte[(int) Math.min(8192, Math.max(n, 1))];
            long skipped = 0;
            while (skipped < n) {
                int r = read(discard, 0, (int) Math.min(discard.length, n - skipped));
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

        private void drainBelow() throws IOException {
            if (drained) {
                return;
            }
            for (int i = layers.size() - 2; i >= 0; i--) {
                layers.get(i).drain();
            }
            drained = true;
        }
    }
}
