package io.bulwark.scheduler.application;

import java.time.Instant;

/**
 * A coming scheduled backup.
 *
 * @param targetId the target it backs up
 * @param name the schedule's name
 * @param at when it fires
 */
public record UpcomingRun(String targetId, String name, Instant at) {}
