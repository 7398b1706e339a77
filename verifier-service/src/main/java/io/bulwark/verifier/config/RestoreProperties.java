package io.bulwark.verifier.config;

import io.bulwark.contracts.Ids;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how restores run ({@code bulwark.restore.*}), read from the file all services share.
 *
 * <pre>
 * bulwark:
 *   restore:
 *     destinations:
 *       staging:                        # destination id: [a-z0-9][a-z0-9_-]{0,62}
 *         engine: postgresql            # postgresql or mariadb (alias mysql)
 *         host: db-staging.internal
 *         port: 5432
 *         username: restore
 *         password-file: /run/secrets/staging   # or password-env: STAGING_PASSWORD
 *         maintenance-database: postgres        # where CREATE DATABASE runs (MariaDB: mysql)
 *     timeout: 6h                       # the longest one restore tool may run
 *     spool-dir: /var/tmp/bulwark       # temporary archive of a parallel restore (jobs &gt; 1)
 *     progress-interval: 5s
 *     heartbeat-timeout: 2m             # a running restore's marker older than this was interrupted
 * </pre>
 *
 * @param destinations the configured destination servers by id
 * @param timeout how long one restore tool may run before it is killed; default 6 hours
 * @param spoolDir the folder of a parallel restore's temporary archive; default {@code java.io.tmpdir}
 * @param progressInterval how often a running restore publishes {@code RestoreProgressed}; default 5 seconds
 * @param heartbeatTimeout how long a running restore's marker may go without a heartbeat before another verifier
 *     ends it as interrupted; default 2 minutes
 * @throws IllegalArgumentException naming the property when a destination is incomplete or a duration not positive
 */
@ConfigurationProperties("bulwark.restore")
public record RestoreProperties(
        Map<String, Destination> destinations,
        @DefaultValue("6h") Duration timeout,
        Path spoolDir,
        @DefaultValue("5s") Duration progressInterval,
        @DefaultValue("2m") Duration heartbeatTimeout) {

    public RestoreProperties {
        destinations = destinations == null ? Map.of() : new LinkedHashMap<>(destinations);
        spoolDir = spoolDir == null ? Path.of(System.getProperty("java.io.tmpdir")) : spoolDir;
        List<String> errors = new ArrayList<>();
        positive(errors, "timeout", timeout);
        positive(errors, "progress-interval", progressInterval);
        positive(errors, "heartbeat-timeout", heartbeatTimeout);
        destinations.forEach((id, destination) -> {
            String at = "bulwark.restore.destinations." + id;
            if (!Ids.isSafe(id)) {
                errors.add(at + ": the id must match " + Ids.SAFE_ID.pattern());
            }
            if (destination == null) {
                errors.add(at + " is empty");
                return;
            }
            if (!"postgresql".equals(destination.engine()) && !"mariadb".equals(destination.engine())) {
                errors.add(at + ".engine must be postgresql or mariadb but was '" + destination.engine() + "'");
            }
            if (destination.host() == null || destination.host().isBlank()) {
                errors.add(at + ".host is required");
            }
            if (destination.username() == null || destination.username().isBlank()) {
                errors.add(at + ".username is required");
            }
        });
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid Bulwark configuration: " + String.join("; ", errors));
        }
    }

    private static void positive(List<String> errors, String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            errors.add("bulwark.restore." + name + " must be positive but was " + value);
        }
    }

    /**
     * One destination server.
     *
     * @param engine {@code postgresql} or {@code mariadb} ({@code mysql}, {@code postgres} are read as those)
     * @param host the server's host
     * @param port its port; default 5432 or 3306 by engine
     * @param username the user restores connect as: it must be allowed to create databases
     * @param passwordFile a file whose first line is the password, or null
     * @param passwordEnv an environment variable holding the password, or null (wins over the file)
     * @param maintenanceDatabase the database server-level statements run in; default {@code postgres} or {@code
     *     mysql} by engine
     */
    public record Destination(
            String engine,
            String host,
            Integer port,
            String username,
            String passwordFile,
            String passwordEnv,
            String maintenanceDatabase) {

        public Destination {
            String lower = engine == null ? null : engine.trim().toLowerCase(Locale.ROOT);
            engine = lower == null
                    ? null
                    : switch (lower) {
                        case "postgres" -> "postgresql";
                        case "mysql" -> "mariadb";
                        default -> lower;
                    };
            if (port == null) {
                port = "mariadb".equals(engine) ? 3306 : 5432;
            }
            if (maintenanceDatabase == null || maintenanceDatabase.isBlank()) {
                maintenanceDatabase = "mariadb".equals(engine) ? "mysql" : "postgres";
            }
        }
    }
}
