package io.bulwark.scheduler.config;

import io.bulwark.contracts.Ids;
import io.bulwark.scheduler.domain.DatabaseEngine;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The servers a restore may write to besides the targets' own ({@code bulwark.restore.destinations.<id>.*}, shared
 * with the verifier, which restores). The scheduler reads them to refuse a restore into a non-empty database before it
 * publishes the request; the password is read only then, never logged and never sent anywhere.
 *
 * <pre>
 * bulwark:
 *   restore:
 *     destinations:
 *       staging:
 *         engine: postgresql              # postgresql or mariadb (alias mysql)
 *         host: db-staging.internal
 *         port: 5432                      # default 5432 for postgresql, 3306 for mariadb
 *         username: restore
 *         password-env: STAGING_PASSWORD  # or password-file: /run/secrets/staging (first line)
 *         maintenance-database: postgres  # default postgres for postgresql, mysql for mariadb
 * </pre>
 *
 * @param destinations destination id ({@link Ids#SAFE_ID}) to destination
 * @throws IllegalArgumentException at binding, naming every wrong property (e.g. {@code
 *     bulwark.restore.destinations.staging.host}) when an id is not a safe id, the engine is unknown, the host or
 *     username is missing, or the port is out of range
 */
@Validated
@ConfigurationProperties("bulwark.restore")
public record RestoreProperties(Map<String, @Valid Destination> destinations) {

    public RestoreProperties {
        destinations = destinations == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(destinations));
        List<String> errors = new ArrayList<>();
        destinations.forEach((id, destination) -> check(id, destination, errors));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid Bulwark configuration: " + String.join("; ", errors));
        }
    }

    /** The destination with that id, if configured. */
    public Optional<Destination> destination(String destinationId) {
        return Optional.ofNullable(destinationId).map(destinations::get);
    }

    private static void check(String id, Destination destination, List<String> errors) {
        String path = "bulwark.restore.destinations." + id;
        if (!Ids.isSafe(id)) {
            errors.add(path + ": destination id must match " + Ids.SAFE_ID.pattern());
        }
        if (destination == null) {
            errors.add(path + ": no settings");
            return;
        }
        if (DatabaseEngine.of(destination.engine()).isEmpty()) {
            errors.add(path + ".engine: must be postgresql or mariadb (alias mysql) but was '" + destination.engine()
                    + "'");
        }
        if (blank(destination.host())) {
            errors.add(path + ".host: is required");
        }
        if (blank(destination.username())) {
            errors.add(path + ".username: is required");
        }
        if (destination.port() != null && (destination.port() < 1 || destination.port() > 65535)) {
            errors.add(path + ".port: must be 1..65535 but was " + destination.port());
        }
        if (destination.maintenanceDatabase() != null
                && destination.maintenanceDatabase().isBlank()) {
            errors.add(path + ".maintenance-database: must not be blank");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * One server a restore may write to.
     *
     * @param engine {@code postgresql} or {@code mariadb} (alias {@code mysql})
     * @param host the server's host
     * @param port its TCP port, or null for the engine's default
     * @param username the user to connect as; it needs to create databases
     * @param passwordEnv the environment variable holding the password, or null
     * @param passwordFile the file holding the password (first line), or null
     * @param maintenanceDatabase the database to connect to for server-level statements, or null for the engine's
     *     default ({@code postgres}, {@code mysql})
     */
    public record Destination(
            String engine,
            String host,
            Integer port,
            String username,
            String passwordEnv,
            String passwordFile,
            String maintenanceDatabase) {

        /** The engine; only call on a destination that passed binding. */
        public DatabaseEngine databaseEngine() {
            return DatabaseEngine.of(engine).orElseThrow();
        }

        /** The configured port, else the engine's default. */
        public int effectivePort() {
            return port != null ? port : databaseEngine().defaultPort();
        }

        /** The configured maintenance database, else the engine's default. */
        public String effectiveMaintenanceDatabase() {
            return maintenanceDatabase != null
                    ? maintenanceDatabase
                    : databaseEngine().maintenanceDatabase();
        }
    }
}
