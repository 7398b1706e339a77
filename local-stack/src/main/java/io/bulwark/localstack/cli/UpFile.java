package io.bulwark.localstack.cli;

import io.bulwark.contracts.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * {@code .bulwark/up.json}: where a running {@code ./bulwark up} listens, written by {@code up} in its working folder
 * (folder mode 0700, file mode 0600) and read by the client commands. Holds no secret: {@code tokenFile} names the
 * file holding the admin token.
 *
 * @param api the scheduler's base URL, e.g. {@code http://127.0.0.1:8080}
 * @param dashboard the web console, {@code api + "/console/"}
 * @param s3 the S3 endpoint
 * @param kafka Kafka's bootstrap servers, {@code host:port}
 * @param tokenFile absolute path of the file holding the admin's API token
 * @param retention the retention service's base URL
 */
public record UpFile(String api, String dashboard, String s3, String kafka, String tokenFile, String retention) {

    /** The folder, relative to a working folder, that holds {@value #FILE_NAME}. */
    public static final String FOLDER = ".bulwark";

    /** The file's name. */
    public static final String FILE_NAME = "up.json";

    /** {@code base/.bulwark/up.json}. */
    public static Path in(Path base) {
        return base.resolve(FOLDER).resolve(FILE_NAME);
    }

    /**
     * Writes this to {@code file} atomically, creating its folder with mode 0700 and the file with mode 0600.
     *
     * @return {@code file}
     * @throws UncheckedIOException when it cannot be written
     */
    public Path write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(parent)) {
                Files.createDirectories(
                        parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, EventJson.toPrettyString(this) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads {@code file}.
     *
     * @return its content, or empty when there is no such file
     * @throws IllegalArgumentException when the file is not readable JSON of this shape, naming the file
     */
    public static Optional<UpFile> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.read(Files.readAllBytes(file), UpFile.class));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
