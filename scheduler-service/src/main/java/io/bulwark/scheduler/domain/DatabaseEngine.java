package io.bulwark.scheduler.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The database engines a backup can come from and a restore can go to, with what the scheduler needs to know of
 * each to reach a server: the default TCP port and the maintenance database it connects to first.
 */
public enum DatabaseEngine {
    /** PostgreSQL: port 5432, maintenance database {@code postgres}. */
    POSTGRESQL("postgresql", 5432, "postgres"),
    /** MariaDB and MySQL: port 3306, maintenance database {@code mysql}. */
    MARIADB("mariadb", 3306, "mysql");

    private final String id;
    private final int defaultPort;
    private final String maintenanceDatabase;

    DatabaseEngine(String id, int defaultPort, String maintenanceDatabase) {
        this.id = id;
        this.defaultPort = defaultPort;
        this.maintenanceDatabase = maintenanceDatabase;
    }

    /**
     * The engine a configuration or a manifest names.
     *
     * @param name {@code postgresql}, {@code mariadb} or its alias {@code mysql}, in any case; null or blank for none
     * @return the engine, or empty when the name is none of these
     */
    public static Optional<DatabaseEngine> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "postgresql" -> Optional.of(POSTGRESQL);
            case "mariadb", "mysql" -> Optional.of(MARIADB);
            default -> Optional.empty();
        };
    }

    /** The engine's name as configurations and manifests write it: {@code postgresql} or {@code mariadb}. */
    public String id() {
        return id;
    }

    /** The TCP port a server of this engine listens on unless configured otherwise. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The database to connect to for server-level statements unless configured otherwise. */
    public String maintenanceDatabase() {
        return maintenanceDatabase;
    }
}
