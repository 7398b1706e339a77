package io.bulwark.retention.adapter.web;

import io.bulwark.contracts.BackupDeleted;
import io.bulwark.retention.application.DeleteBackup;
import java.security.Principal;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/backups/{id}} (admin role): deletes a backup by hand. The backup id must be repeated, in the
 * query ({@code ?confirm=<id>}) or the JSON body ({@code {"confirm": "<id>"}}).
 *
 * <p>-> 200 with the {@code BackupDeleted} event published (reason MANUAL, {@code policy} {@code manual: deleted by
 * <caller>}, objects and bytes reclaimed); 400 naming {@code confirm} when it is missing or not the id; 404 when the
 * backup is not a live backup of the retention catalog; 409 when it is held (release the hold first). Every object
 * of the backup goes, the manifest first; a deletion cut short is finished by the next sweep.
 */
@RestController
public class BackupDeletionController {

    private final DeleteBackup deleteBackup;

    public BackupDeletionController(DeleteBackup deleteBackup) {
        this.deleteBackup = deleteBackup;
    }

    /** The optional body of the deletion. */
    public record DeleteRequest(String confirm) {}

    /** Deletes the backup; see the class comment for the answers. */
    @DeleteMapping("/api/backups/{id}")
    public BackupDeleted delete(
            @PathVariable("id") UUID id,
            @RequestParam(name = "confirm", required = false) String confirm,
            @RequestBody(required = false) DeleteRequest body,
            Principal principal) {
        String confirmation = confirm != null ? confirm : body == null ? null : body.confirm();
        return deleteBackup.deleteManually(id, confirmation, HoldController.actor(principal));
    }
}
