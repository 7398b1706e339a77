package io.bulwark.retention.config;

import io.bulwark.contracts.Tier;
import io.bulwark.retention.application.RetentionPolicies;
import io.bulwark.retention.domain.Period;
import io.bulwark.retention.domain.RetentionPolicy;
import io.bulwark.retention.domain.ScheduleRetention;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retention settings: GFS policies per target ({@code bulwark.targets.<id>.retention.*}), defaults for every key
 * ({@code bulwark.retention.defaults.*}), schedules with a retention of their own ({@code
 * bulwark.targets.<id>.schedules.<name>.retention}) and the sweep. The other target settings in the shared file
 * (engine, host, cron, ...) are ignored here.
 *
 * <p>A key is the target's value, else the default's. {@code keep-last} falls back to {@code
 * bulwark.retention.default-keep-last} (7) only when neither the target nor the defaults set any keep rule. The zone
 * is the target's {@code retention.zone}, else the target's {@code zone}, else {@code defaults.zone}, else UTC.
 *
 * @param retention the defaults and the sweep
 * @param targets target id to that target's settings; may be empty
 * @throws IllegalArgumentException at binding, naming each wrong property: a negative count, a duration not longer
 *     than zero (a negative keep-failed), an unknown zone, or a policy with no keep rule at all
 */
@Validated
@ConfigurationProperties("bulwark")
public record RetentionProperties(@Valid @DefaultValue Defaults retention, Map<String, Target> targets)
        implements RetentionPolicies {

    public RetentionProperties {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
        List<String> errors = new ArrayList<>();
        policy("bulwark.retention.defaults", retention, null, errors);
        new TreeMap<>(targets)
                .forEach((id, target) -> policy("bulwark.targets." + id + ".retention", retention, target, errors));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid retention configuration: " + String.join("; ", errors));
        }
    }

    /**
     * The defaults for targets that set nothing, and the sweep.
     *
     * @param defaultKeepLast keep-last when neither the target nor {@code defaults} sets any keep rule; 7 by default,
     *     0 for none (then every target needs its own rules)
     * @param sweepInterval how often every target's policy is applied again, also without new events (retries
     *     deletions that failed), 1 hour by default, at least 1 second
     * @param defaults the default of each retention key
     */
    public record Defaults(
            @DefaultValue("7") int defaultKeepLast,
            @DefaultValue("1h") @NotNull Duration sweepInterval,
            @DefaultValue Keep defaults) {

        public Defaults {
            if (sweepInterval != null && sweepInterval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException(
                        "bulwark.retention.sweep-interval must be at least 1s but was " + sweepInterval);
            }
            if (defaultKeepLast < 0) {
                throw new IllegalArgumentException(
                        "bulwark.retention.default-keep-last must not be negative but was " + defaultKeepLast);
            }
        }
    }

    /**
     * The part of one target's settings that retention reads.
     *
     * @param retention its retention settings, or null for the defaults
     * @param zone the target's time zone (IANA id), or null
     * @param schedules schedule name to schedule; only those with a {@code retention} matter here
     */
    public record Target(Keep retention, String zone, Map<String, Schedule> schedules) {

        public Target {
            schedules = schedules == null ? Map.of() : Map.copyOf(schedules);
        }
    }

    /**
     * The part of a schedule that retention reads.
     *
     * @param tier the tier of its backups, DAILY by default
     * @param label the label of its backups, or null for the tier in lower case
     * @param retention how long its backups are kept instead of being judged by the GFS rules, or null
     */
    public record Schedule(@DefaultValue("DAILY") Tier tier, String label, Duration retention) {

        /** The label in its backups' object keys. */
        String effectiveLabel() {
            return label != null ? label : tier.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The retention keys (restic's {@code forget --keep-*}); each null when unset.
     *
     * @param keepLast the newest n verified backups
     * @param keepHourly the newest verified backup of each of the n newest hours that have one
     * @param keepDaily the same per day
     * @param keepWeekly the same per ISO week
     * @param keepMonthly the same per month
     * @param keepYearly the same per year
     * @param keepWithin every verified backup less than this before the newest verified one
     * @param keepFailed how long a FAILED or ERROR backup is kept (7d when unset everywhere)
     * @param keepManual how long an ADHOC backup is kept (until deleted when unset everywhere)
     * @param zone the time zone of the periods, an IANA id
     */
    public record Keep(
            Integer keepLast,
            Integer keepHourly,
            Integer keepDaily,
            Integer keepWeekly,
            Integer keepMonthly,
            Integer keepYearly,
            Duration keepWithin,
            Duration keepFailed,
            Duration keepManual,
            String zone) {

        static final Keep NONE = new Keep(null, null, null, null, null, null, null, null, null, null);

        boolean anyKeepRule() {
            return keepLast != null
                    || keepHourly != null
                    || keepDaily != null
                    || keepWeekly != null
                    || keepMonthly != null
                    || keepYearly != null
                    || keepWithin != null;
        }
    }

    /** The policy of {@code targetId}; the default policy for a target without settings of its own. */
    @Override
    public RetentionPolicy forTarget(String targetId) {
        Target target = targets.get(targetId);
        List<String> errors = new ArrayList<>();
        RetentionPolicy policy = target == null
                ? policy("bulwark.retention.defaults", retention, null, errors)
                : policy("bulwark.targets." + targetId + ".retention", retention, target, errors);
        if (policy == null) {
            // unreachable: the constructor refused these settings
            throw new IllegalStateException(String.join("; ", errors));
        }
        return policy;
    }

    /** The policy of {@code target} (null: the defaults), or null after adding what is wrong to {@code errors}. */
    private static RetentionPolicy policy(String at, Defaults defaults, Target target, List<String> errors) {
        Keep d = defaults.defaults() == null ? Keep.NONE : defaults.defaults();
        Keep t = target == null || target.retention() == null ? Keep.NONE : target.retention();
        try {
            RetentionPolicy.Builder b = RetentionPolicy.builder();
            Integer keepLast = first(t.keepLast(), d.keepLast());
            if (keepLast == null && !t.anyKeepRule() && !d.anyKeepRule()) {
                keepLast = defaults.defaultKeepLast();
            }
            b.keepLast(keepLast == null ? 0 : keepLast);
            b.keep(Period.HOURLY, orZero(first(t.keepHourly(), d.keepHourly())));
            b.keep(Period.DAILY, orZero(first(t.keepDaily(), d.keepDaily())));
            b.keep(Period.WEEKLY, orZero(first(t.keepWeekly(), d.keepWeekly())));
            b.keep(Period.MONTHLY, orZero(first(t.keepMonthly(), d.keepMonthly())));
            b.keep(Period.YEARLY, orZero(first(t.keepYearly(), d.keepYearly())));
            b.keepWithin(first(t.keepWithin(), d.keepWithin()));
            b.keepFailed(first(t.keepFailed(), d.keepFailed()));
            b.keepManual(first(t.keepManual(), d.keepManual()));
            String zone = first(t.zone(), first(target == null ? null : target.zone(), d.zone()));
            if (zone != null) {
                try {
                    b.zone(ZoneId.of(zone));
                } catch (DateTimeException e) {
                    errors.add(at + ".zone: '" + zone + "' is not a time zone id such as UTC or Europe/Berlin");
                    return null;
                }
            }
            if (target != null) {
                String targetAt = at.substring(0, at.length() - ".retention".length());
                for (Map.Entry<String, Schedule> s : new TreeMap<>(target.schedules()).entrySet()) {
                    if (s.getValue() != null && s.getValue().retention() != null) {
                        try {
                            b.schedule(new ScheduleRetention(
                                    s.getKey(),
                                    s.getValue().effectiveLabel(),
                                    s.getValue().retention()));
                        } catch (IllegalArgumentException e) {
                            errors.add(targetAt + ".schedules." + s.getKey() + ".retention must be longer than 0");
                        }
                    }
                }
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            errors.add(at + ": " + e.getMessage());
            return null;
        }
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
