package io.bulwark.scheduler.adapter.web;

import java.util.List;

/**
 * Body of {@code GET /api/schedules}.
 *
 * @param items the schedules, by target id then name
 */
public record SchedulePage(List<ScheduleView> items) {}
