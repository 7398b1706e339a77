package io.bulwark.retention.config;

import io.bulwark.retention.application.RetentionPolicies;
import io.bulwark.retention.domain.RetentionPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retention settings: a default ({@code bulwark.retention.default-keep-last}, 7) and one value per
 * target ({@code bulwark.targets.<id>.retention.keep-last}). The other target settings in the shared
 * file (engine, host, schedules, ...) are ignored here.
 *
 * @param retention the defaults
 * @param targets target id to that target's settings; may be empty
 */
@Validated
@ConfigurationProperties("bulwark")
public record RetentionProperties(@Valid @DefaultValue Defaults retention, Map<String, @Valid Target> targets)
        implements RetentionPolicies {

    public RetentionProperties {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
    }

    /**
     * The defaults for targets that set nothing, and the sweep.
     *
     * @param defaultKeepLast how many verified backups a target keeps, at least 1
     * @param sweepInterval how often every target's policy is applied again, also without new
     *     events (retries deletions that failed), 1 hour by default, at least 1 second
     */
    public record Defaults(
            @DefaultValue("7") @Min(1) int defaultKeepLast,
            @DefaultValue("1h") @NotNull Duration sweepInterval) {

        public Defaults {
            if (sweepInterval != null && sweepInterval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException(
                        "bulwark.retention.sweep-interval must be at least 1s but was " + sweepInterval);
            }
        }
    }

    /**
     * The part of one target's settings that retention reads.
     *
     * @param retention its retention settings, or null for the defaults
     */
    public record Target(@Valid TargetRetention retention) {}

    /**
     * One target's retention settings.
     *
     * @param keepLast how many verified backups to keep, at least 1; null for the default
     */
    public record TargetRetention(@Min(1) Integer keepLast) {}

    /** {@code keepLast} of the target when set, the default otherwise (also for unknown targets). */
    @Override
    public RetentionPolicy forTarget(String targetId) {
        Target target = targets.get(targetId);
        if (target != null && target.retention() != null && target.retention().keepLast() != null) {
            return RetentionPolicy.keepLast(target.retention().keepLast());
        }
        return RetentionPolicy.keepLast(retention.defaultKeepLast());
    }
}
