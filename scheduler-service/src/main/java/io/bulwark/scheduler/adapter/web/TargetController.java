package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.TargetQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The configured targets with their health against their recovery point objective (viewer).
 *
 * <ul>
 *   <li>{@code GET /api/targets} -> a {@link TargetPage}, in configuration order.
 *   <li>{@code GET /api/targets/{id}} -> a {@link TargetView}; 404 problem {@code target 'x' is not configured}.
 * </ul>
 */
@RestController
@RequestMapping("/api/targets")
public class TargetController {

    private final TargetQueries queries;

    public TargetController(TargetQueries queries) {
        this.queries = queries;
    }

    /** Every configured target. */
    @GetMapping
    public TargetPage list() {
        return new TargetPage(queries.list().stream().map(TargetView::of).toList());
    }

    /** One configured target; see the class comment. */
    @GetMapping("/{id}")
    public TargetView get(@PathVariable("id") String id) {
        return TargetView.of(queries.get(id));
    }
}
