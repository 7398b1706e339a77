package io.bulwark.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engines.postgres.LocalPostgresInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder for an integration test's S3 data and sandboxes: mode 0711, so that a sandbox server run as
 * OS user {@code postgres} or {@code mysql} (the verifier runs as root here) can reach its directory under {@link
 * #sandboxes()}.
 */
final class SandboxWorkDir {

    private final Path root;
    private final Path sandboxes;

    private SandboxWorkDir(Path root, Path sandboxes) {
        this.root = root;
        this.sandboxes = sandboxes;
    }

    /** Creates the folder and its {@code sandboxes} sub-folder. */
    static SandboxWorkDir create(String prefix) throws IOException {
        Path root = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        return new SandboxWorkDir(root, Files.createDirectories(root.resolve("sandboxes")));
    }

    /** The folder itself, for other test data (S3Proxy's objects, key files). */
    Path root() {
        return root;
    }

    /** What {@code bulwark.verifier.sandbox.work-dir} is set to. */
    Path sandboxes() {
        return sandboxes;
    }

    /**
     * Asserts that no sandbox directory and no process using one is left; the PostgreSQL sandboxes' {@code initdb}
     * template ({@link LocalPostgresInstance#TEMPLATE_PREFIX}) stays for the next sandbox.
     */
    void assertNoSandboxLeft() throws IOException {
        try (Stream<Path> left = Files.list(sandboxes)) {
            assertThat(left.filter(p -> !p.getFileName().toString().startsWith(LocalPostgresInstance.TEMPLATE_PREFIX)))
                    .as("sandbox directories left in %s", sandboxes)
                    .isEmpty();
        }
        assertThat(ProcessHandle.allProcesses()
                        .map(p -> p.info().commandLine().orElse(""))
                        .filter(cmd -> cmd.contains(sandboxes.toString())))
                .as("processes still using the sandbox work dir")
                .isEmpty();
    }

    /** Removes the folder with everything in it. */
    void delete() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
