package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.NextRuns;
import io.bulwark.scheduler.application.ScheduleCommands;
import io.bulwark.scheduler.application.ScheduleQueries;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.Schedule;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/schedules}: the schedules of the targets, from configuration (source CONFIG) and from this API (source
 * API). Errors are problem details: 400 naming {@code targetId}, {@code name}, {@code cron}, {@code zone}, {@code
 * label} or {@code limit}; 404 when the schedule does not exist; 409 when it exists already (POST) or is declared in
 * configuration (PUT, DELETE).
 *
 * <ul>
 *   <li>{@code GET /api/schedules[?targetId=]} -> {@code {items: [ScheduleView]}}
 *   <li>{@code GET /api/schedules/next[?targetId=&limit=10]} -> {@code {items: [{targetId, name, at, cron, zone,
 *       tier}]}}, soonest first
 *   <li>{@code GET /api/schedules/{targetId}/{name}} -> {@link ScheduleView}
 *   <li>{@code POST /api/schedules} {@link ScheduleRequestBody} -> 201 {@link ScheduleView}
 *   <li>{@code PUT /api/schedules/{targetId}/{name}} {@link ScheduleRequestBody} -> 200 {@link ScheduleView}
 *   <li>{@code DELETE /api/schedules/{targetId}/{name}} -> 204
 *   <li>{@code POST /api/schedules/{targetId}/{name}/enable} and {@code /disable} -> 200 {@link ScheduleView}
 *   <li>{@code POST /api/schedules/{targetId}/{name}/run} -> 202 {@link BackupView} (as {@code POST /api/backups}),
 *       503 when the broker did not take the request
 * </ul>
 */
@RestController
@RequestMapping("/api/schedules")
public class ScheduleController {

    private final ScheduleCommands commands;
    private final ScheduleQueries queries;
    private final NextRuns nextRuns;

    public ScheduleController(ScheduleCommands commands, ScheduleQueries queries, NextRuns nextRuns) {
        this.commands = commands;
        this.queries = queries;
        this.nextRuns = nextRuns;
    }

    /** Lists the schedules, optionally of one target. */
    @GetMapping
    public SchedulePage list(@RequestParam(required = false) String targetId) {
        return new SchedulePage(queries.list(Optional.ofNullable(targetId)).stream()
                .map(ScheduleView::of)
                .toList());
    }

    /** The upcoming runs, soonest first; 400 naming {@code limit} unless 1..500. */
    @GetMapping("/next")
    public NextRunPage next(
            @RequestParam(required = false) String targetId, @RequestParam(defaultValue = "10") int limit) {
        return new NextRunPage(nextRuns.next(Optional.ofNullable(targetId), limit));
    }

    /** One schedule; 404 when unknown. */
    @GetMapping("/{targetId}/{name}")
    public ScheduleView get(@PathVariable String targetId, @PathVariable String name) {
        return ScheduleView.of(queries.get(targetId, name));
    }

    /** Creates a schedule (source API). */
    @PostMapping
    public ResponseEntity<ScheduleView> create(@RequestBody ScheduleRequestBody body) {
        Schedule schedule = commands.create(body.targetId(), body.name(), body.settings());
        return ResponseEntity.created(URI.create("/api/schedules/" + schedule.targetId() + "/" + schedule.name()))
                .body(ScheduleView.of(schedule));
    }

    /** Replaces an API schedule's settings; {@code targetId} and {@code name} in the body are ignored. */
    @PutMapping("/{targetId}/{name}")
    public ScheduleView replace(
            @PathVariable String targetId, @PathVariable String name, @RequestBody ScheduleRequestBody body) {
        return ScheduleView.of(commands.replace(targetId, name, body.settings()));
    }

    /** Deletes an API schedule. */
    @DeleteMapping("/{targetId}/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String targetId, @PathVariable String name) {
        commands.delete(targetId, name);
    }

    /** Enables a schedule; its next run is the first time after now. */
    @PostMapping("/{targetId}/{name}/enable")
    public ScheduleView enable(@PathVariable String targetId, @PathVariable String name) {
        return ScheduleView.of(commands.setEnabled(targetId, name, true));
    }

    /** Disables a schedule. */
    @PostMapping("/{targetId}/{name}/disable")
    public ScheduleView disable(@PathVariable String targetId, @PathVariable String name) {
        return ScheduleView.of(commands.setEnabled(targetId, name, false));
    }

    /** Requests a backup with the schedule's tier and label now. */
    @PostMapping("/{targetId}/{name}/run")
    public ResponseEntity<BackupView> run(@PathVariable String targetId, @PathVariable String name) {
        Backup backup = commands.runNow(targetId, name);
        return ResponseEntity.accepted()
                .location(URI.create("/api/backups/" + backup.backupId()))
                .body(BackupView.of(backup));
    }
}
