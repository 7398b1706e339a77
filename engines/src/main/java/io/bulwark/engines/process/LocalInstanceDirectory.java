package io.bulwark.engines.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory of one local server instance, {@code <workDir>/<prefix><random>/}, marked with the pid of the JVM
 * that owns it ({@value #OWNER_FILE}), so that a later JVM tells an orphan, whose owner died without removing it,
 * from an instance of a JVM still running ({@link #isOrphan}, {@link OrphanReaper}). What the server keeps in it
 * (data, socket, pid file) is the engine's business. Immutable; the directory itself is not guarded against other
 * processes.
 */
public final class LocalInstanceDirectory {

    /** Name of the owner marker: the owning JVM's pid, in decimal. */
    public static final String OWNER_FILE = "owner.pid";

    private static final Logger log = LoggerFactory.getLogger(LocalInstanceDirectory.class);

    private final Path path;

    private LocalInstanceDirectory(Path path) {
        this.path = path;
    }

    /**
     * Creates a fresh directory {@code <workDir>/<prefix><random>/} (creating {@code workDir} when missing) and writes
     * this JVM's pid into its {@value #OWNER_FILE}.
     *
     * @param workDir the directory to create it under, relative or absolute
     * @param prefix start of the new directory's name, e.g. {@code bulwark-pg-}
     * @return the new directory, with an absolute path
     * @throws IOException when {@code workDir} or the directory cannot be created or the marker written; nothing is
     *     left behind then but {@code workDir}
     */
    public static LocalInstanceDirectory create(Path workDir, String prefix) throws IOException {
        Files.createDirectories(workDir);
        Path dir = Files.createTempDirectory(workDir.toAbsolutePath(), prefix);
        try {
            Files.writeString(
                    dir.resolve(OWNER_FILE),
                    Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            deleteQuietly(dir);
            throw e;
        }
        return new LocalInstanceDirectory(dir);
    }

    /**
     * An existing instance directory, e.g. one found under a work directory.
     *
     * @param dir the directory; need not exist (then it has no owner and is no orphan)
     */
    public static LocalInstanceDirectory of(Path dir) {
        return new LocalInstanceDirectory(Objects.requireNonNull(dir, "dir"));
    }

    /** The directory. */
    public Path path() {
        return path;
    }

    /** The owning JVM's pid from {@value #OWNER_FILE}; empty when the marker is missing or unreadable. */
    public Optional<Long> owner() {
        return PidFile.read(path.resolve(OWNER_FILE));
    }

    /**
     * True when the instance is left behind: its owner marker names a process that no longer exists, or it has no
     * marker (a JVM that died between creating the directory and writing it) and was last modified longer than
     * {@code unownedAge} ago. An instance of a live JVM, this one or another, is no orphan; neither is a directory
     * whose age cannot be read (e.g. it is gone).
     *
     * @param unownedAge how old a directory without a marker must be to count as left behind; younger ones may
     *     still be in creation
     */
    public boolean isOrphan(Duration unownedAge) {
        Optional<Long> owner = owner();
        if (owner.isPresent()) {
            return ProcessHandle.of(owner.get()).isEmpty();
        }
        return !isYoungerThan(unownedAge);
    }

    /** Deletes the directory and everything in it, best effort ({@link #deleteQuietly}); never throws. */
    public void delete() {
        deleteQuietly(path);
    }

    /**
     * Deletes {@code root} and everything below it ({@link Directories#deleteRecursively}); what cannot be deleted is
     * logged as a warning and left. Never throws.
     *
     * @param root the file or directory to delete; missing is fine
     */
    public static void deleteQuietly(Path root) {
        try {
            Directories.deleteRecursively(root);
        } catch (IOException e) {
            log.warn("could not delete {} completely: {}", root, e.toString());
        }
    }

    private boolean isYoungerThan(Duration age) {
        try {
            return Files.getLastModifiedTime(path)
                    .toInstant()
                    .isAfter(Instant.now().minus(age));
        } catch (IOException e) {
            return true; // gone, or not ours to read: leave it
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
