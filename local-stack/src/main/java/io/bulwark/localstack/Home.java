package io.bulwark.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root holding the service jars. */
public final class Home {

    private Home() {}

    /**
     * The repository root: {@code explicit} when given, else the environment variable {@code BULWARK_HOME}, else the
     * current directory.
     */
    public static Path resolve(Path explicit) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String env = System.getenv("BULWARK_HOME");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return Path.of("").toAbsolutePath();
    }
}
