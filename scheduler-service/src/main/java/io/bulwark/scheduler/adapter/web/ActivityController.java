package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.ActivityQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/activity} (viewer) -> an {@link ActivityView}: the backups being dumped or waiting for their
 * verification, with their latest progress, and the restores not yet ended.
 */
@RestController
public class ActivityController {

    private final ActivityQueries queries;

    public ActivityController(ActivityQueries queries) {
        this.queries = queries;
    }

    /** What is running now. */
    @GetMapping("/api/activity")
    public ActivityView activity() {
        return ActivityView.of(queries.current());
    }
}
