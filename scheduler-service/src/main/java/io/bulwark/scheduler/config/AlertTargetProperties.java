package io.bulwark.scheduler.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The per-target alert settings, {@code bulwark.targets.<id>.alerts.*}, bound beside {@link SchedulerProperties}
 * (which binds the rest of each target; unknown keys are ignored here).
 *
 * <pre>
 * bulwark:
 *   targets:
 *     chinook:
 *       alerts:
 *         max-dump-duration: 30m   # a DURATION alert when a dump takes longer; unset = only rising dumps alert
 * </pre>
 *
 * @param targets target id to its alert settings
 */
@ConfigurationProperties("bulwark")
public record AlertTargetProperties(Map<String, Target> targets) {

    public AlertTargetProperties {
        targets = targets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    /** The longest a dump of {@code targetId} may take, if set. */
    public Optional<Duration> maxDumpDuration(String targetId) {
        return Optional.ofNullable(targets.get(targetId)).map(Target::alerts).map(Alerts::maxDumpDuration);
    }

    /** @param alerts the target's alert settings, or null */
    public record Target(Alerts alerts) {}

    /**
     * @param maxDumpDuration the longest a dump may take, or null when not set
     * @throws IllegalArgumentException when {@code maxDumpDuration} is not positive
     */
    public record Alerts(Duration maxDumpDuration) {
        public Alerts {
            if (maxDumpDuration != null && (maxDumpDuration.isZero() || maxDumpDuration.isNegative())) {
                throw new IllegalArgumentException(
                        "bulwark.targets.<id>.alerts.max-dump-duration must be positive but was " + maxDumpDuration);
            }
        }
    }
}
