package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.ComputeStatistics;
import io.bulwark.scheduler.application.Statistics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backup statistics for the console's charts (viewer): {@code GET /api/statistics?targetId=&days=30} -> a {@link
 * StatisticsView}. {@code targetId} is optional (all targets); {@code days} is 1..366, 30 by default. 400 problem
 * naming {@code days} when it is out of range or no number; 404 problem when {@code targetId} is not configured.
 */
@RestController
@RequestMapping("/api/statistics")
public class StatisticsController {

    private final ComputeStatistics statistics;

    public StatisticsController(ComputeStatistics statistics) {
        this.statistics = statistics;
    }

    /** The statistics; see the class comment. */
    @GetMapping
    public StatisticsView get(
            @RequestParam(name = "targetId", required = false) String targetId,
            @RequestParam(name = "days", defaultValue = "30") int days) {
        Statistics computed = statistics.compute(targetId == null || targetId.isBlank() ? null : targetId, days);
        return StatisticsView.of(computed);
    }
}
