package io.bulwark.engines.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

/**
 * Private files that hand a secret to one child process ({@code PGPASSFILE}, a defaults file): each lives alone in a
 * fresh folder of mode 0700 under the system's temporary folder, is of mode 0600, and is deleted with its folder when
 * the process ends ({@link SecretFile#close()}).
 */
public final class SecretFiles {

    private SecretFiles() {}

    /**
     * A written secret file and its private folder; closing deletes both (idempotent, never throws).
     *
     * @param dir the folder (0700) holding only {@code file}
     * @param file the secret file (0600)
     */
    public record SecretFile(Path dir, Path file) implements AutoCloseable {
        @Override
        public void close() {
            TempFiles.deleteQuietly(file);
            TempFiles.deleteQuietly(dir);
        }
    }

    /**
     * Writes {@code content} to a new private file.
     *
     * @param name the file's name inside its private folder, e.g. {@code pgpass}
     * @param content the secret (UTF-8)
     * @param owner the OS user who must read it (a child that runs as another user), or null for this JVM's user;
     *     the folder and the file are handed to that user
     * @throws IOException when the folder or the file cannot be created, written or handed over (nothing is left
     *     behind then)
     */
    public static SecretFile write(String name, String content, String owner) throws IOException {
        Path dir = Files.createTempDirectory(
                Path.of(System.getProperty("java.io.tmpdir")),
                "bulwark-secret-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = dir.resolve(name);
        SecretFile secret = new SecretFile(dir, file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.UTF_8);
            if (owner != null) {
                UserPrincipal user =
                        dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(owner);
                Files.setOwner(file, user);
                Files.setOwner(dir, user);
            }
            return secret;
        } catch (IOException | RuntimeException e) {
            secret.close();
            throw e;
        }
    }
}
