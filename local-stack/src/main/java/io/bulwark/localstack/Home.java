package io.bulwark.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

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

    /** The {@code --home DIR} option of every command that starts the services from their jars (a picocli mixin). */
    public static final class HomeOption {

        @Option(
                names = "--home",
                paramLabel = "DIR",
                description =
                        "Repository root holding the service jars (default: env BULWARK_HOME, else the current dir).")
        Path home;

        /** The repository root this option names, as {@link Home#resolve} finds it. */
        public Path root() {
            return resolve(home);
        }
    }
}
