package io.bulwark.scheduler.config;

import static io.bulwark.scheduler.config.PropertyChecks.requirePositive;

import io.bulwark.scheduler.domain.CronFields;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * The periodic backup report ({@code bulwark.reports.*}).
 *
 * <pre>
 * bulwark:
 *   reports:
 *     enabled: true              # false: no report on a timer (POST /api/reports still issues one)
 *     cron: "0 0 7 * * MON"      # when a period ends: 6-field Spring cron, 5-field crontab or a macro (@weekly)
 *     zone: UTC                  # the zone the cron is read in
 *     period: 7d                 # how far back a report looks from its fire time
 *     poll-interval: 1m          # how often the timer looks for a due report (and retries a refused publish)
 *     lock-at-most-for: 5m       # how long a crashed instance's lock blocks the others
 * </pre>
 *
 * @param enabled whether the timer issues reports; default true
 * @param cron the fire times that end a period; default Monday 07:00
 * @param zone an IANA zone id; default UTC
 * @param period the length of a report's period; default 7 days
 * @param pollInterval the pause between two ticks; default 1 min
 * @param lockAtMostFor the tick lock's longest life; default 5 min
 * @throws IllegalArgumentException naming the property when the cron does not parse, the zone is unknown or a
 *     duration is not positive
 */
@ConfigurationProperties("bulwark.reports")
public record ReportProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 0 7 * * MON") String cron,
        @DefaultValue("UTC") String zone,
        @DefaultValue("7d") Duration period,
        @DefaultValue("1m") Duration pollInterval,
        @DefaultValue("5m") Duration lockAtMostFor) {

    public ReportProperties {
        try {
            CronExpression.parse(CronFields.toSpringCron(cron));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "bulwark.reports.cron: '" + cron + "' is not a valid cron expression (" + e.getMessage() + ")");
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "bulwark.reports.zone: '" + zone + "' is not a time zone id such as UTC or Europe/Berlin");
        }
        requirePositive("bulwark.reports.period", period);
        requirePositive("bulwark.reports.poll-interval", pollInterval);
        requirePositive("bulwark.reports.lock-at-most-for", lockAtMostFor);
    }

    /** The zone as an id. */
    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}
