package io.bulwark.scheduler.adapter.web;

import io.bulwark.contracts.RestoreState;
import io.bulwark.scheduler.application.InvalidRequestException;
import io.bulwark.scheduler.application.RequestBackup;
import io.bulwark.scheduler.application.RequestRestore;
import io.bulwark.scheduler.application.RestoreQueries;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The restore API: request a restore of a backup into a real database, and read the projected restores. Errors are
 * problem details ({@link ApiExceptionHandler}).
 *
 * <ul>
 *   <li>{@code POST /api/backups/{id}/restore} with a {@link RestoreRequestBody} (optional) -> 202 Accepted, {@code
 *       Location: /api/restores/{restoreId}}, body a {@link RestoreView} in state REQUESTED with the pre-check's
 *       {@code destinationCheck}. 400 naming the field for a malformed body ({@code at} is for target restores only),
 *       422 for an unknown {@code destinationId} or {@code destinationTarget} (or one of another engine), 404 for an
 *       unknown backup, 409 when nothing of the backup is stored, when it is not VERIFIED and {@code force} is not
 *       true, or when the destination database exists and is not empty, or is the backup's own source database,
 *       without {@code replace} and {@code confirm}; 503 when the broker did not take the request.
 *   <li>{@code POST /api/targets/{targetId}/restore} with the same body plus {@code at} -> the same, for the newest
 *       VERIFIED backup of the target completed at or before {@code at}; 422 for an unknown target, 404 when it has no
 *       such backup.
 *   <li>{@code GET /api/restores/{restoreId}} -> a {@link RestoreView}, 404 when no event of it was seen.
 *   <li>{@code GET /api/restores?targetId=&state=&limit=50} -> a {@link RestorePage}, newest first.
 * </ul>
 */
@RestController
public class RestoreController {

    private final RequestRestore requestRestore;
    private final RestoreQueries queries;

    public RestoreController(RequestRestore requestRestore, RestoreQueries queries) {
        this.requestRestore = requestRestore;
        this.queries = queries;
    }

    /** Requests the restore of one backup; see the class comment. */
    @PostMapping("/api/backups/{id}/restore")
    public ResponseEntity<RestoreView> restoreBackup(
            @PathVariable("id") UUID id, @RequestBody(required = false) RestoreRequestBody body) {
        RestoreRequestBody request = body != null ? body : RestoreRequestBody.empty();
        if (request.at() != null) {
            throw new InvalidRequestException(
                    "at", "at applies to POST /api/targets/{targetId}/restore only; this restores backup " + id);
        }
        return accepted(requestRestore.restoreBackup(id, request.toCommand(), RequestBackup.REQUESTED_BY_API));
    }

    /** Requests the restore of a target's newest VERIFIED backup (at or before {@code at}); see the class comment. */
    @PostMapping("/api/targets/{targetId}/restore")
    public ResponseEntity<RestoreView> restoreTarget(
            @PathVariable("targetId") String targetId, @RequestBody(required = false) RestoreRequestBody body) {
        RestoreRequestBody request = body != null ? body : RestoreRequestBody.empty();
        return accepted(requestRestore.restoreTarget(
                targetId, request.at(), request.toCommand(), RequestBackup.REQUESTED_BY_API));
    }

    /**
     * One restore.
     *
     * @throws RestoreNotFoundException when no event of it was seen
     */
    @GetMapping("/api/restores/{restoreId}")
    public RestoreView get(@PathVariable("restoreId") UUID restoreId) {
        return queries.find(restoreId).map(RestoreView::of).orElseThrow(() -> new RestoreNotFoundException(restoreId));
    }

    /** Lists restores, newest first. */
    @GetMapping("/api/restores")
    public RestorePage list(
            @RequestParam(required = false) String targetId,
            @RequestParam(required = false) RestoreState state,
            @RequestParam(defaultValue = "50") int limit) {
        return new RestorePage(
                queries.list(targetId, state, limit).stream()
                        .map(RestoreView::of)
                        .toList(),
                limit);
    }

    private static ResponseEntity<RestoreView> accepted(RequestRestore.Accepted accepted) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/restores/" + accepted.restore().restoreId()))
                .body(RestoreView.of(accepted.restore(), accepted.destinationCheck()));
    }
}
