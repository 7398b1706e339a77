package io.bulwark.engines.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The end of a server log or a tool's output, for error messages: where servers and tools write why they stopped.
 */
public final class LogTail {

    /** Marks text cut at its start. */
    static final String CUT = "...";

    private LogTail() {}

    /**
     * The last {@code maxChars} characters of {@code file} (UTF-8), stripped of surrounding white space and prefixed
     * with {@value #CUT} when the file holds more. Reads only the end of the file (at most {@code 4 * maxChars}
     * bytes), so a large log costs no more than a small one.
     *
     * @param file the log file
     * @param maxChars how many characters to keep at most, at least 1
     * @return the tail; {@code (no server log: <reason>)} when the file cannot be read; never throws for I/O
     * @throws IllegalArgumentException when {@code maxChars} is less than 1
     */
    public static String of(Path file, int maxChars) {
        requirePositive(maxChars);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            long from = Math.max(0, size - 4L * maxChars);
            channel.position(from);
            ByteBuffer bytes = ByteBuffer.allocate((int) (size - from));
            int read = 0;
            while (bytes.hasRemaining() && read >= 0) {
                read = channel.read(bytes); // up to the size seen when opened; what a server adds later is not wanted
            }
            String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
            return cut(text, maxChars, from > 0);
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    /**
     * The last {@code maxChars} characters of {@code text}, stripped of surrounding white space and prefixed with
     * {@value #CUT} when {@code text} holds more.
     *
     * @param text the text, e.g. a tool's stderr; null reads as empty
     * @param maxChars how many characters to keep at most, at least 1
     * @return the tail, empty for null or blank text
     * @throws IllegalArgumentException when {@code maxChars} is less than 1
     */
    public static String of(String text, int maxChars) {
        requirePositive(maxChars);
        return cut(text == null ? "" : text, maxChars, false);
    }

    private static String cut(String text, int maxChars, boolean alreadyCut) {
        String stripped = text.strip();
        if (stripped.length() <= maxChars) {
            return alreadyCut ? CUT + stripped : stripped;
        }
        return CUT + stripped.substring(stripped.length() - maxChars).strip();
    }

    private static void requirePositive(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1 but was " + maxChars);
        }
    }
}
