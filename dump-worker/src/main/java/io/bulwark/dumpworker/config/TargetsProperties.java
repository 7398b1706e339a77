package io.bulwark.dumpworker.config;

import io.bulwark.contracts.Ids;
import io.bulwark.dumpworker.domain.DumpTarget;
import io.bulwark.dumpworker.domain.PasswordSource;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The targets ({@code bulwark.targets.<id>.*}, shared by every service). The dump-worker binds the
 * connection settings and the password reference; schedules and retention belong to other services
 * and are ignored here.
 *
 * <pre>
 * bulwark:
 *   targets:
 *     chinook:
 *       engine: postgresql              # default postgresql
 *       host: 127.0.0.1
 *       port: 5432                      # default 5432
 *       database: chinook
 *       username: postgres
 *       password-env: CHINOOK_PASSWORD  # optional: environment variable holding the password
 *       password-file: /run/secrets/pw  # optional: file holding the password (first line)
 *       dump-timeout: 6h                # default 6h
 * </pre>
 *
 * @param targets target id ({@link Ids#SAFE_ID}) to target
 * @throws IllegalArgumentException at binding, naming every wrong property (e.g. {@code
 *     bulwark.targets.chinook.host}) when an id is not a safe id or a required setting is missing
 */
@Validated
@ConfigurationProperties("bulwark")
public record TargetsProperties(Map<String, @Valid Target> targets) {

    public TargetsProperties {
        targets = targets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        List<String> errors = new ArrayList<>();
        targets.forEach((id, target) -> check(id, target, errors));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid Bulwark configuration: " + String.join("; ", errors));
        }
    }

    private static void check(String id, Target target, List<String> errors) {
        String path = "bulwark.targets." + id;
        if (!Ids.isSafe(id)) {
            errors.add(path + ": target id must match " + Ids.SAFE_ID.pattern());
        }
        if (target == null) {
            errors.add(path + ": no settings");
            return;
        }
        if (!DumpTarget.POSTGRESQL.equalsIgnoreCase(target.engine())
                && !"postgres".equalsIgnoreCase(target.engine())
                && !"mariadb".equalsIgnoreCase(target.engine())
                && !"mysql".equalsIgnoreCase(target.engine())) {
            errors.add(path + ".engine: must be postgresql, mariadb or mysql but was '" + target.engine() + "'");
        }
        if (blank(target.host())) {
            errors.add(path + ".host: is required");
        }
        if (blank(target.database())) {
            errors.add(path + ".database: is required");
        }
        if (blank(target.username())) {
            errors.add(path + ".username: is required");
        }
        if (target.port() < 1 || target.port() > 65535) {
            errors.add(path + ".port: must be 1..65535 but was " + target.port());
        }
        if (target.dumpTimeout().isNegative() || target.dumpTimeout().isZero()) {
            errors.add(path + ".dump-timeout: must be positive");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Every target as the worker's domain sees it. */
    public Map<String, DumpTarget> toDumpTargets() {
        Map<String, DumpTarget> result = new LinkedHashMap<>();
        targets.forEach((id, t) -> result.put(
                id,
                new DumpTarget(
                        id,
                        t.engine(),
                        t.host(),
                        t.port(),
                        t.database(),
                        t.username(),
                        new PasswordSource(t.passwordEnv(), t.passwordFile()),
                        t.dumpTimeout())));
        return result;
    }

    /**
     * One target's connection settings.
     *
     * @param passwordEnv name of the environment variable holding the password, or null
     * @param passwordFile path of a file holding the password, or null
     * @param dumpTimeout how long one dump may take before {@code pg_dump} is killed
     */
    public record Target(
            @DefaultValue("postgresql") String engine,
            String host,
            @DefaultValue("5432") int port,
            String database,
            String username,
            String passwordEnv,
            String passwordFile,
            @DefaultValue("6h") Duration dumpTimeout) {}
}
