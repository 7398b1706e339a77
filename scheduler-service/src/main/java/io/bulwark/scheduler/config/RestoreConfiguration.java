package io.bulwark.scheduler.config;

import io.bulwark.engines.mariadb.MariaDbRestoreTool;
import io.bulwark.engines.postgres.PgRestoreTool;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.service.secrets.SecretReader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the restore API's outside helpers: the restore destinations ({@link RestoreProperties}), the engines'
 * restore adapters whose {@code databaseState} the pre-check asks (over JDBC; the scheduler runs no restore tool, so
 * the process runner they need stays idle and is closed at shutdown), and the reader of password variables and
 * files.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RestoreProperties.class)
public class RestoreConfiguration {

    /** The engines' process runner, required by the adapters; closed with the context. */
    @Bean(destroyMethod = "close")
    public ProcessRunner restoreProcessRunner() {
        return new ProcessRunner();
    }

    /** PostgreSQL's restore adapter ({@code pg_restore} from the PATH, never run here). */
    @Bean
    public PgRestoreTool pgRestoreTool(ProcessRunner restoreProcessRunner) {
        return new PgRestoreTool(restoreProcessRunner, null);
    }

    /** MariaDB's restore adapter ({@code mariadb} client from the PATH, never run here). */
    @Bean
    public MariaDbRestoreTool mariaDbRestoreTool(ProcessRunner restoreProcessRunner) {
        return new MariaDbRestoreTool(restoreProcessRunner);
    }

    /** Reads passwords from the environment or a file. */
    @Bean
    public SecretReader secretReader() {
        return new SecretReader();
    }
}
