package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.alerts.AlertEvents;
import io.bulwark.scheduler.application.alerts.AlertQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alerts the scheduler evaluates:
 *
 * <ul>
 *   <li>{@code GET /api/alerts?state=open|resolved|all&targetId=&limit=50} -> an {@link AlertPage}, newest opened
 *       first; {@code state} defaults to {@code open} (OPEN and ESCALATED). A wrong {@code state} or {@code limit}
 *       answers 400 naming the field. Role: viewer.
 * </ul>
 */
@RestController
public class AlertController {

    private final AlertQueries queries;
    private final AlertEvents events;

    public AlertController(AlertQueries queries, AlertEvents events) {
        this.queries = queries;
        this.events = events;
    }

    @GetMapping("/api/alerts")
    public AlertPage list(
            @RequestParam(defaultValue = "open") String state,
            @RequestParam(required = false) String targetId,
            @RequestParam(defaultValue = "50") int limit) {
        return new AlertPage(
                queries.list(state, targetId, limit).stream()
                        .map(a -> AlertView.of(a, events.link(a)))
                        .toList(),
                limit);
    }
}
