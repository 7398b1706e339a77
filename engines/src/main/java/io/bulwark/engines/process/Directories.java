package io.bulwark.engines.process;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Working-folder helpers for the folders external programs write into. */
public final class Directories {

    private Directories() {}

    /**
     * Deletes {@code root} and everything below it, best effort: a missing {@code root} is no error,
     * an entry that cannot be read is skipped, and symbolic links are removed, never followed.
     *
     * @param root the file or folder to delete
     * @throws IOException when an entry exists but cannot be deleted (e.g. no permission, or a folder
     *     left non-empty by a skipped entry); entries visited before it are gone
     */
    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
