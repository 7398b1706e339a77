package io.bulwark.scheduler.config;

import static io.bulwark.scheduler.config.PropertyChecks.requireNotNegative;
import static io.bulwark.scheduler.config.PropertyChecks.requirePositive;

import io.bulwark.scheduler.domain.MissedRunPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the schedules are run ({@code bulwark.scheduler.*}).
 *
 * <pre>
 * bulwark:
 *   scheduler:
 *     missed-run-policy: RUN_ONCE   # or SKIP; a schedule's own missed-run-policy overrides it
 *     schedules:
 *       poll-interval: 5s           # how often due schedules are looked for
 *       missed-run-grace: 1m        # a due time later than poll-interval + this is "missed"
 *       lock-at-most-for: 5m        # how long a crashed instance's poll lock blocks the others
 * </pre>
 *
 * @param missedRunPolicy the missed-run policy of a schedule that names none; default RUN_ONCE
 * @param schedules the poller's timings
 */
@ConfigurationProperties("bulwark.scheduler")
public record ScheduleProperties(
        @DefaultValue("RUN_ONCE") MissedRunPolicy missedRunPolicy,
        @DefaultValue Polling schedules) {

    /**
     * @param pollInterval the pause between two polls; default 5 s
     * @param missedRunGrace how much later than one poll interval a due time may be found and still fire on time;
     *     default 1 min
     * @param lockAtMostFor how long the poll lock of an instance that died holding it blocks the others; default 5 min
     * @throws IllegalArgumentException naming the property when a duration is not positive (the grace may be zero)
     */
    public record Polling(
            @DefaultValue("5s") Duration pollInterval,
            @DefaultValue("1m") Duration missedRunGrace,
            @DefaultValue("5m") Duration lockAtMostFor) {

        public Polling {
            requirePositive("bulwark.scheduler.schedules.poll-interval", pollInterval);
            requirePositive("bulwark.scheduler.schedules.lock-at-most-for", lockAtMostFor);
            requireNotNegative("bulwark.scheduler.schedules.missed-run-grace", missedRunGrace);
        }

        /** How late a due time may be and still count as on time: one poll interval plus the grace. */
        public Duration tolerance() {
            return pollInterval.plus(missedRunGrace);
        }
    }
}
