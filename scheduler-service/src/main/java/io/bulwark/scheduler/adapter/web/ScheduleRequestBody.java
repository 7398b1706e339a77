package io.bulwark.scheduler.adapter.web;

import io.bulwark.contracts.Tier;
import io.bulwark.scheduler.application.ScheduleSettings;
import io.bulwark.scheduler.domain.MissedRunPolicy;

/**
 * Body of {@code POST /api/schedules} (all fields) and {@code PUT /api/schedules/{targetId}/{name}} (all but the key,
 * which the path gives).
 *
 * @param targetId a configured target (POST only)
 * @param name the schedule's name, {@code [a-z0-9][a-z0-9_-]{0,62}} (POST only)
 * @param cron five-field crontab, six-field Spring cron (seconds first) or a macro such as {@code @daily}; required
 * @param zone an IANA zone id; default UTC
 * @param tier the backups' retention tier; default DAILY
 * @param label the backups' label, {@code [a-z0-9][a-z0-9_-]{0,62}}; default none
 * @param enabled default true
 * @param missedRunPolicy RUN_ONCE or SKIP; default {@code bulwark.scheduler.missed-run-policy}
 */
public record ScheduleRequestBody(
        String targetId,
        String name,
        String cron,
        String zone,
        Tier tier,
        String label,
        Boolean enabled,
        MissedRunPolicy missedRunPolicy) {

    /** The settings part. */
    ScheduleSettings settings() {
        return new ScheduleSettings(cron, zone, tier, label, enabled, missedRunPolicy);
    }
}
