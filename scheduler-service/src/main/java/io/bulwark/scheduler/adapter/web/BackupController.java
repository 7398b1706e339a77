package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.BackupNotFoundException;
import io.bulwark.scheduler.application.BackupQueries;
import io.bulwark.scheduler.application.ProjectBackupCopies;
import io.bulwark.scheduler.application.RequestBackup;
import io.bulwark.scheduler.application.RequestVerification;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/backups}: request a manual backup and read the projected backups.
 *
 * <ul>
 *   <li>{@code POST /api/backups} {@code {"targetId": "chinook", "label": "before-upgrade"}} -> 202
 *       Accepted, {@code Location: /api/backups/{backupId}}, body a {@link BackupView} in state
 *       REQUESTED. 400 when targetId is missing or an id is malformed, 422 when the target is not
 *       configured, 503 when the broker did not take the request.
 *   <li>{@code GET /api/backups?targetId=&state=&limit=50} -> a {@link BackupPage}, newest first.
 *   <li>{@code GET /api/backups/{id}} -> a {@link BackupView} with its {@code copies} in the copy stores, 404 when no
 *       event of it was seen.
 *   <li>{@code POST /api/backups/{id}/verify} -> 202 Accepted, {@code Location: /api/backups/{id}},
 *       body a {@link VerificationRequestView} with the request id: the backup is verified again and
 *       its report replaced. 404 when no event of it was seen, 409 when it has no stored artifact
 *       (REQUESTED, FAILED, DELETED), 503 when the broker did not take the request.
 * </ul>
 */
@RestController
@RequestMapping("/api/backups")
public class BackupController {

    private final RequestBackup requestBackup;
    private final BackupQueries queries;
    private final RequestVerification requestVerification;
    private final ProjectBackupCopies copies;

    public BackupController(
            RequestBackup requestBackup,
            BackupQueries queries,
            RequestVerification requestVerification,
            ProjectBackupCopies copies) {
        this.requestBackup = requestBackup;
        this.queries = queries;
        this.requestVerification = requestVerification;
        this.copies = copies;
    }

    /** Requests a manual backup; see the class comment. */
    @PostMapping
    public ResponseEntity<BackupView> request(@RequestBody CreateBackupRequest body) {
        Backup backup = requestBackup.manual(body.targetId(), body.label());
        return ResponseEntity.accepted()
                .location(URI.create("/api/backups/" + backup.backupId()))
                .body(BackupView.of(backup));
    }

    /** Lists backups, newest first. */
    @GetMapping
    public BackupPage list(
            @RequestParam(required = false) String targetId,
            @RequestParam(required = false) BackupState state,
            @RequestParam(defaultValue = "50") int limit) {
        return new BackupPage(
                queries.list(targetId, state, limit).stream()
                        .map(BackupView::of)
                        .toList(),
                limit);
    }

    /**
     * One backup.
     *
     * @throws BackupNotFoundException when no event of it was seen
     */
    @GetMapping("/{id}")
    public BackupView get(@PathVariable("id") UUID id) {
        return queries.find(id)
                .map(b -> BackupView.of(b, copies.copiesOf(id)))
                .orElseThrow(() -> new BackupNotFoundException(id));
    }

    /**
     * Asks for the backup to be verified again; see the class comment.
     *
     * @throws BackupNotFoundException when no event of it was seen
     */
    @PostMapping("/{id}/verify")
    public ResponseEntity<VerificationRequestView> verify(@PathVariable("id") UUID id) {
        return requestVerification
                .request(id, RequestBackup.REQUESTED_BY_API)
                .map(request -> ResponseEntity.accepted()
                        .location(URI.create("/api/backups/" + id))
                        .body(VerificationRequestView.of(request)))
                .orElseThrow(() -> new BackupNotFoundException(id));
    }
}
