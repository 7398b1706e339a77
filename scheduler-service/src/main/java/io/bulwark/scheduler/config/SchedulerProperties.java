package io.bulwark.scheduler.config;

import io.bulwark.contracts.Ids;
import io.bulwark.contracts.Tier;
import io.bulwark.scheduler.application.ConfiguredTargets;
import io.bulwark.scheduler.domain.CronFields;
import io.bulwark.scheduler.domain.DatabaseEngine;
import io.bulwark.scheduler.domain.MissedRunPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * The targets and schedules the scheduler knows ({@code bulwark.targets.<id>.*}). The engine, the schedules and the
 * connection settings are bound; the connection settings are optional here and used only to pre-check the
 * destination of a restore (the target's own server). The other target settings (dump, retention and verification
 * settings) belong to other services and are ignored here.
 *
 * <pre>
 * bulwark:
 *   targets:
 *     chinook:
 *       engine: postgresql               # postgresql, or mariadb (alias mysql)
 *       host: 127.0.0.1                  # optional here: the restore pre-check of the target's own server
 *       port: 5432                       # default 5432 for postgresql, 3306 for mariadb
 *       database: chinook                # the source database: a restore into it needs replace + confirm
 *       username: postgres
 *       password-env: CHINOOK_PASSWORD   # or password-file; read only when a restore is pre-checked
 *       rpo: 25h                         # recovery point objective: the newest verified backup's greatest age
 *       rto: 1h                          # recovery time objective: the longest a restore may take
 *       schedules:
 *         nightly:
 *           cron: "0 2 * * *"        # 5-field crontab or 6-field Spring cron, or a macro like @daily
 *           zone: Europe/Berlin      # default UTC
 *           tier: DAILY              # default DAILY
 *           label: nightly           # optional, [a-z0-9][a-z0-9_-]{0,62}
 *           missed-run-policy: SKIP  # optional, RUN_ONCE or SKIP; default bulwark.scheduler.missed-run-policy
 * </pre>
 *
 * @param targets target id ({@link Ids#SAFE_ID}) to target
 * @throws IllegalArgumentException at binding, listing every wrong setting by its property name (e.g.
 *     {@code bulwark.targets.chinook.schedules.nightly.cron}), when an id or label is not a safe id,
 *     a cron expression does not parse, a zone is unknown, the engine is none of postgresql, mariadb or mysql,
 *     the port is out of range, or an {@code rpo} or {@code rto} is not longer than zero
 */
@Validated
@ConfigurationProperties("bulwark")
public record SchedulerProperties(Map<String, @Valid Target> targets) implements ConfiguredTargets {

    public SchedulerProperties {
        targets = targets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        List<String> errors = new ArrayList<>();
        targets.forEach((id, target) -> check(id, target, errors));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid Bulwark configuration: " + String.join("; ", errors));
        }
    }

    /** The target with that id, if configured. */
    public Optional<Target> target(String targetId) {
        return Optional.ofNullable(targetId).map(targets::get);
    }

    @Override
    public boolean isConfigured(String targetId) {
        return target(targetId).isPresent();
    }

    private static void check(String id, Target target, List<String> errors) {
        String path = "bulwark.targets." + id;
        if (!Ids.isSafe(id)) {
            errors.add(path + ": target id must match " + Ids.SAFE_ID.pattern());
        }
        if (target == null) {
            return;
        }
        if (target.engine() != null
                && !target.engine().isBlank()
                && target.databaseEngine().isEmpty()) {
            errors.add(path + ".engine: must be postgresql, mariadb or mysql but was '" + target.engine() + "'");
        }
        if (target.port() != null && (target.port() < 1 || target.port() > 65535)) {
            errors.add(path + ".port: must be 1..65535 but was " + target.port());
        }
        checkPositive(path + ".rpo", target.rpo(), errors);
        checkPositive(path + ".rto", target.rto(), errors);
        target.schedules().forEach((scheduleId, schedule) -> {
            String at = path + ".schedules." + scheduleId;
            if (!Ids.isSafe(scheduleId)) {
                errors.add(at + ": schedule id must match " + Ids.SAFE_ID.pattern());
            }
            if (schedule == null) {
                errors.add(at + ": a schedule needs at least a cron expression");
                return;
            }
            checkCron(at + ".cron", schedule.cron(), errors);
            checkZone(at + ".zone", schedule.zone(), errors);
            if (schedule.label() != null && !Ids.isSafe(schedule.label())) {
                errors.add(at + ".label: '" + schedule.label() + "' must match " + Ids.SAFE_ID.pattern());
            }
        });
    }

    private static void checkCron(String property, String cron, List<String> errors) {
        try {
            CronExpression.parse(CronFields.toSpringCron(cron));
        } catch (IllegalArgumentException e) {
            errors.add(property + ": '" + cron + "' is not a valid cron expression (" + e.getMessage() + ")");
        }
    }

    private static void checkPositive(String property, Duration duration, List<String> errors) {
        if (duration.isZero() || duration.isNegative()) {
            errors.add(property + ": must be longer than zero but was " + duration);
        }
    }

    private static void checkZone(String property, String zone, List<String> errors) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            errors.add(property + ": '" + zone + "' is not a time zone id such as UTC or Europe/Berlin");
        }
    }

    /**
     * One database to back up, as far as the scheduler is concerned.
     *
     * @param engine the database engine: {@code postgresql}, or {@code mariadb} (alias {@code mysql})
     * @param host the server's host, or null when not configured for the scheduler
     * @param port the server's TCP port, or null for the engine's default
     * @param database the source database, or null when not configured for the scheduler
     * @param username the user to connect as, or null when not configured for the scheduler
     * @param passwordEnv the environment variable holding the password, or null
     * @param passwordFile the file holding the password (first line), or null
     * @param schedules schedule id ({@link Ids#SAFE_ID}) to schedule; empty when the target is backed
     *     up only on request
     * @param rpo the recovery point objective: how old the newest verified backup may get; {@link #DEFAULT_RPO}
     *     when not set
     * @param rto the recovery time objective: how long a restore may take; {@link #DEFAULT_RTO} when not set
     */
    public record Target(
            @NotBlank String engine,
            String host,
            Integer port,
            String database,
            String username,
            String passwordEnv,
            String passwordFile,
            Map<String, Schedule> schedules,
            Duration rpo,
            Duration rto) {

        /** The recovery point objective of a target that sets none: 25 hours (a daily backup plus an hour). */
        public static final Duration DEFAULT_RPO = Duration.ofHours(25);

        /** The recovery time objective of a target that sets none: one hour. */
        public static final Duration DEFAULT_RTO = Duration.ofHours(1);

        @ConstructorBinding
        public Target {
            schedules = schedules == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(schedules));
            rpo = rpo == null ? DEFAULT_RPO : rpo;
            rto = rto == null ? DEFAULT_RTO : rto;
        }

        /** A target with the default {@code rpo} and {@code rto}. */
        public Target(
                String engine,
                String host,
                Integer port,
                String database,
                String username,
                String passwordEnv,
                String passwordFile,
                Map<String, Schedule> schedules) {
            this(engine, host, port, database, username, passwordEnv, passwordFile, schedules, null, null);
        }

        /** The engine, or empty when the configured name is none of postgresql, mariadb or mysql. */
        public Optional<DatabaseEngine> databaseEngine() {
            return DatabaseEngine.of(engine);
        }

        /** The configured port, else the engine's default (PostgreSQL's when the engine is unknown). */
        public int effectivePort() {
            if (port != null) {
                return port;
            }
            return databaseEngine().orElse(DatabaseEngine.POSTGRESQL).defaultPort();
        }
    }

    /**
     * When to take a backup of a target.
     *
     * @param cron a five-field crontab expression (minute precision), a six-field Spring expression
     *     (second first) or a macro such as {@code @daily}
     * @param zone the time zone the expression is read in, an IANA id; UTC by default
     * @param tier the retention tier of the backups it takes; DAILY by default
     * @param label the label of its backups (part of the object key), or null for the tier name
     * @param missedRunPolicy what to do with a due time found long past (RUN_ONCE or SKIP), or null for {@code
     *     bulwark.scheduler.missed-run-policy}
     */
    public record Schedule(
            String cron,
            @DefaultValue("UTC") String zone,
            @DefaultValue("DAILY") Tier tier,
            String label,
            MissedRunPolicy missedRunPolicy) {

        /** The expression in Spring's six-field form; see {@link CronFields#toSpringCron}. */
        public String springCron() {
            return CronFields.toSpringCron(cron);
        }

        /** The parsed time zone. */
        public ZoneId zoneId() {
            return ZoneId.of(zone);
        }
    }
}
