package io.bulwark.verifier.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Each target's own server ({@code bulwark.targets.<id>.{engine,host,port,database,username,password-file,
 * password-env}}, the file all services share), which a restore may be pointed at: {@code destinationTarget}, or by
 * default the backup's own target. Other target settings are ignored here.
 *
 * @param targets each target's server by id
 */
@ConfigurationProperties("bulwark")
public record TargetServersProperties(Map<String, Target> targets) {

    public TargetServersProperties {
        targets = targets == null ? Map.of() : new LinkedHashMap<>(targets);
    }

    /**
     * A target's server.
     *
     * @param engine {@code postgresql} or {@code mariadb}
     * @param host its host
     * @param port its port; default by engine
     * @param database the target's database: restoring into it needs replace and confirmation
     * @param username the user
     * @param passwordFile a file holding the password, or null
     * @param passwordEnv a variable holding the password, or null
     */
    public record Target(
            String engine,
            String host,
            Integer port,
            String database,
            String username,
            String passwordFile,
            String passwordEnv) {

        public Target {
            String lower = engine == null ? "postgresql" : engine.trim().toLowerCase(Locale.ROOT);
            engine = switch (lower) {
                case "postgres" -> "postgresql";
                case "mysql" -> "mariadb";
                default -> lower;
            };
            if (port == null) {
                port = "mariadb".equals(engine) ? 3306 : 5432;
            }
        }
    }
}
