package io.bulwark.localstack;

import java.nio.file.Path;

/**
 * The five services, their Maven modules and default ports (docs/configuration.md), and whether they keep state in PostgreSQL.
 */
public enum BulwarkService {
    SCHEDULER("scheduler-service", 8080, true),
    DUMP_WORKER("dump-worker", 8081, false),
    VERIFIER("verifier-service", 8082, false),
    RETENTION("retention-service", 8083, true),
    NOTIFIER("notifier-service", 8084, true);

    /** The version of the service jars this local stack runs. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private final String module;
    private final int defaultPort;
    private final boolean usesDatabase;

    BulwarkService(String module, int defaultPort, boolean usesDatabase) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.usesDatabase = usesDatabase;
    }

    /** The Maven module, which is also the service's name. */
    public String module() {
        return module;
    }

    /** The port the service listens on by default. */
    public int defaultPort() {
        return defaultPort;
    }

    /** True when the service keeps state in PostgreSQL ({@code spring.datasource.*}). */
    public boolean usesDatabase() {
        return usesDatabase;
    }

    /**
     * The executable jar the build makes: {@code <home>/<module>/target/<module>-0.1.0-SNAPSHOT-exec.jar}.
     *
     * @param home the repository root
     */
    public Path jar(Path home) {
        return home.resolve(module).resolve("target").resolve(module + "-" + VERSION + "-exec.jar");
    }
}
