package io.bulwark.scheduler.config;

import io.bulwark.contracts.Ids;
import io.bulwark.contracts.Tier;
import io.bulwark.scheduler.application.ConfiguredTargets;
import io.bulwark.scheduler.domain.CronFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * The targets and schedules the scheduler knows ({@code bulwark.targets.<id>.*}). Only the engine and
 * the schedules are bound; the other target settings (host, password reference, ...) belong to other
 * services and are ignored here.
 *
 * <pre>
 * bulwark:
 *   targets:
 *     chinook:
 *       engine: postgresql
 *       schedules:
 *         nightly:
 *           cron: "0 2 * * *"        # 5-field crontab or 6-field Spring cron, or a macro like @daily
 *           zone: Europe/Berlin      # default UTC
 *           tier: DAILY              # default DAILY
 *           label: nightly           # optional, [a-z0-9][a-z0-9_-]{0,62}
 * </pre>
 *
 * @param targets target id ({@link Ids#SAFE_ID}) to target
 * @throws IllegalArgumentException at binding, listing every wrong setting by its property name (e.g.
 *     {@code bulwark.targets.chinook.schedules.nightly.cron}), when an id or label is not a safe id,
 *     a cron expression does not parse or a zone is unknown
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
     * @param engine the database engine, e.g. {@code postgresql}
     * @param schedules schedule id ({@link Ids#SAFE_ID}) to schedule; empty when the target is backed
     *     up only on request
     */
    public record Target(@NotBlank String engine, Map<String, Schedule> schedules) {

        public Target {
            schedules = schedules == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(schedules));
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
     */
    public record Schedule(
            String cron,
            @DefaultValue("UTC") String zone,
            @DefaultValue("DAILY") Tier tier,
            String label) {

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
