package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.NextRun;
import java.util.List;

/**
 * Body of {@code GET /api/schedules/next}.
 *
 * @param items the upcoming runs ({@code targetId, name, at, cron, zone, tier}), soonest first
 */
public record NextRunPage(List<NextRun> items) {}
