package io.bulwark.scheduler.application;

import io.bulwark.contracts.Tier;
import io.bulwark.scheduler.domain.MissedRunPolicy;

/**
 * The settings of a schedule created or replaced through the API; null fields take their defaults.
 *
 * @param cron the expression (required)
 * @param zone an IANA zone id; default {@code UTC}
 * @param tier the tier of its backups; default DAILY
 * @param label the label of its backups, {@code [a-z0-9][a-z0-9_-]{0,62}}; default none (the tier name)
 * @param enabled false to store it disabled; default true
 * @param missedRunPolicy what to do with a missed due time; default the configured global policy
 */
public record ScheduleSettings(
        String cron, String zone, Tier tier, String label, Boolean enabled, MissedRunPolicy missedRunPolicy) {}
