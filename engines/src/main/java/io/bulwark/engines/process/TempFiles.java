package io.bulwark.engines.process;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Private temporary files for the tools: created readable by this user only, checked for room, always deleted. */
public final class TempFiles {

    private static final Logger log = LoggerFactory.getLogger(TempFiles.class);

    private TempFiles() {}

    /**
     * Creates an empty file of mode 0600 in {@code dir} (the system's temporary folder when null), creating {@code
     * dir} when missing.
     *
     * @throws IOException when the folder cannot be created or written
     */
    public static Path privateFile(Path dir, String prefix, String suffix) throws IOException {
        Path folder = dir == null ? Path.of(System.getProperty("java.io.tmpdir")) : dir;
        Files.createDirectories(folder);
        try {
            return Files.createTempFile(
                    folder,
                    prefix,
                    suffix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(folder, prefix, suffix);
        }
    }

    /**
     * Checks that {@code dir}'s file system has room for {@code bytes} more and still {@code marginBytes} free after
     * them.
     *
     * @param bytes the size of what will be written, in bytes; 0 when unknown (then only the margin is checked)
     * @throws io.bulwark.engines.InsufficientSpaceException naming the folder, what is free and what is needed
     * @throws IOException when the file system cannot be asked
     */
    public static void requireRoom(Path dir, long bytes, long marginBytes) throws IOException {
        FileStore store = Files.getFileStore(dir);
        long free = store.getUsableSpace();
        long needed = Math.max(0, bytes) + marginBytes;
        if (free < needed) {
            throw new io.bulwark.engines.InsufficientSpaceException(dir + " has " + free + " bytes free, but "
                    + needed + " are needed (" + bytes + " for the archive and " + marginBytes
                    + " to spare); free some space or point the spool folder elsewhere");
        }
    }

    /** Deletes {@code file} if it is not null and exists; a failure is logged, never thrown. */
    public static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete the temporary file {}: {}", file, e.getMessage());
        }
    }
}
