package io.bulwark.scheduler.config;

import static io.bulwark.scheduler.config.PropertyChecks.requireAtLeast;
import static io.bulwark.scheduler.config.PropertyChecks.requirePositive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How verifications that ended ERROR are requested again ({@code bulwark.scheduler.reverify-errors.*}). An ERROR
 * means the verifier could not judge the backup (a sandbox that would not start, an object store that was down);
 * the verifier retries a few times within minutes, and this sweep goes on for longer outages: the first re-request
 * {@code backoff} after the ERROR, each next one after twice the wait before, at most {@code max-requests} times.
 * With the defaults: after 30 min, 1 h, 2 h, 4 h and 8 h, about 15.5 hours in all.
 *
 * @param enabled false turns the sweep off; default true
 * @param interval how often the sweep looks for due backups; default 5 minutes
 * @param backoff the wait after the first ERROR; default 30 minutes
 * @param maxRequests how many re-requests of one backup at most; default 5
 */
@ConfigurationProperties("bulwark.scheduler.reverify-errors")
public record ReverifyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5m") Duration interval,
        @DefaultValue("30m") Duration backoff,
        @DefaultValue("5") int maxRequests) {

    /** @throws IllegalArgumentException naming the property when a duration is not positive or max-requests < 1 */
    public ReverifyProperties {
        requirePositive("bulwark.scheduler.reverify-errors.interval", interval);
        requirePositive("bulwark.scheduler.reverify-errors.backoff", backoff);
        requireAtLeast("bulwark.scheduler.reverify-errors.max-requests", maxRequests, 1);
    }
}
