package io.bulwark.scheduler.config;

import static io.bulwark.scheduler.config.PropertyChecks.requireAtLeast;
import static io.bulwark.scheduler.config.PropertyChecks.requireNotNegative;
import static io.bulwark.scheduler.config.PropertyChecks.requirePositive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The alert evaluation ({@code bulwark.alerts.*}); see docs/operations.md "Alerts" for each rule.
 *
 * @param enabled false turns the evaluation off (no alert opens, none is published); default true
 * @param evaluateInterval how often the rules are evaluated; default 1 minute
 * @param escalationInterval how long an alert stays OPEN (or at one escalation level) before it escalates; default 1h
 * @param sizeDeviation the allowed deviation of a backup's size from the median, a fraction; default 0.2 (20%)
 * @param sizeWindow how many earlier VERIFIED backups the size median is taken over; default 5 (at least 3)
 * @param durationWindow how many dumps in a row must each take longer than the one before; default 5 (at least 2)
 * @param consecutiveFailures how many verifications in a row must not pass; default 3 (at least 2)
 * @param missedScheduleGrace how long past its due time a scheduled run may start; default 15 minutes
 * @param lockAtMostFor how long the evaluation lock of a crashed instance blocks the others; default 5 minutes
 */
@ConfigurationProperties("bulwark.alerts")
public record AlertProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration evaluateInterval,
        @DefaultValue("1h") Duration escalationInterval,
        @DefaultValue("0.2") double sizeDeviation,
        @DefaultValue("5") int sizeWindow,
        @DefaultValue("5") int durationWindow,
        @DefaultValue("3") int consecutiveFailures,
        @DefaultValue("15m") Duration missedScheduleGrace,
        @DefaultValue("5m") Duration lockAtMostFor) {

    /** @throws IllegalArgumentException naming the property when a value is out of range */
    public AlertProperties {
        requirePositive("bulwark.alerts.evaluate-interval", evaluateInterval);
        requirePositive("bulwark.alerts.escalation-interval", escalationInterval);
        requirePositive("bulwark.alerts.lock-at-most-for", lockAtMostFor);
        requireNotNegative("bulwark.alerts.missed-schedule-grace", missedScheduleGrace);
        if (!(sizeDeviation > 0)) {
            throw new IllegalArgumentException(
                    "bulwark.alerts.size-deviation must be positive but was " + sizeDeviation);
        }
        requireAtLeast("bulwark.alerts.size-window", sizeWindow, 3);
        requireAtLeast("bulwark.alerts.duration-window", durationWindow, 2);
        requireAtLeast("bulwark.alerts.consecutive-failures", consecutiveFailures, 2);
    }
}
