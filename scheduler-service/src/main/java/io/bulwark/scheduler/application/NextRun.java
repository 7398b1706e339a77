package io.bulwark.scheduler.application;

import io.bulwark.contracts.Tier;
import java.time.Instant;

/**
 * One upcoming run of a schedule.
 *
 * @param targetId the schedule's target
 * @param name the schedule's name
 * @param at when it is due
 * @param cron the schedule's expression as written
 * @param zone the zone the expression is read in
 * @param tier the tier of the backup it will request
 */
public record NextRun(String targetId, String name, Instant at, String cron, String zone, Tier tier) {}
