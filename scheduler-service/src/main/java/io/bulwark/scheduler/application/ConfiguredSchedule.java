package io.bulwark.scheduler.application;

import io.bulwark.contracts.Tier;
import io.bulwark.scheduler.domain.MissedRunPolicy;

/**
 * A schedule as declared in configuration ({@code bulwark.targets.<targetId>.schedules.<name>}), already validated.
 *
 * @param targetId the configured target
 * @param name the schedule's name
 * @param cron the expression as written
 * @param zone an IANA zone id
 * @param tier the tier of its backups
 * @param label the label of its backups, or null
 * @param missedRunPolicy its own policy, else the global default
 */
public record ConfiguredSchedule(
        String targetId,
        String name,
        String cron,
        String zone,
        Tier tier,
        String label,
        MissedRunPolicy missedRunPolicy) {}
