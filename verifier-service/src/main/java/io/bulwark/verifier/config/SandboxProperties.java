package io.bulwark.verifier.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how sandboxes run ({@code bulwark.verifier.sandbox.*}).
 *
 * @param workDir directory under which each sandbox gets a fresh directory; default {@code
 *     java.io.tmpdir}. When the verifier runs as root, the server runs as OS user {@code postgres},
 *     so every ancestor of this directory must be traversable by that user
 * @param pgBinDir directory of the PostgreSQL server binaries ({@code initdb}, {@code pg_ctl},
 *     {@code pg_restore}); default: {@code pg_config --bindir}, else the newest {@code
 *     /usr/lib/postgresql/<major>/bin}
 * @param mariadbBinDir directory of the MariaDB server binaries ({@code mariadbd}, {@code
 *     mariadb-install-db}); default: found in the usual places and on the PATH
 * @param restoreTimeout how long one restore may run before it is killed; default 6 hours
 * @param countTimeout how long one statement of the restored database's inventory (a table's
 *     {@code count(*)}) may run; default 1 hour
 */
@Validated
@ConfigurationProperties("bulwark.verifier.sandbox")
public record SandboxProperties(
        Path workDir,
        Path pgBinDir,
        Path mariadbBinDir,
        @DefaultValue("6h") Duration restoreTimeout,
        @DefaultValue("1h") Duration countTimeout) {

    /**
     * @throws IllegalArgumentException naming the property when a timeout is not positive
     */
    public SandboxProperties {
        if (workDir == null) {
            workDir = Path.of(System.getProperty("java.io.tmpdir"));
        }
        if (restoreTimeout == null || restoreTimeout.isNegative() || restoreTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "bulwark.verifier.sandbox.restore-timeout must be positive but was " + restoreTimeout);
        }
        if (countTimeout == null || countTimeout.isNegative() || countTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "bulwark.verifier.sandbox.count-timeout must be positive but was " + countTimeout);
        }
    }
}
