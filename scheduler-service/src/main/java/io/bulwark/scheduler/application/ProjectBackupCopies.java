package io.bulwark.scheduler.application;

import io.bulwark.contracts.BackupCopyUpdated;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Topics;
import io.bulwark.scheduler.domain.BackupCopy;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: the projection of {@code bulwark.backup.copy}, each backup's copies in the copy stores (3-2-1 copies), and
 * its reads for {@code GET /api/backups/{id}}. Idempotent and order-safe: the latest event (by {@code occurredAt}) of a
 * (backup, copy store) wins, whatever order they arrive in. Thread-safe.
 */
public class ProjectBackupCopies {

    private static final Logger log = LoggerFactory.getLogger(ProjectBackupCopies.class);

    private final CopyCatalog catalog;

    public ProjectBackupCopies(CopyCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Stores {@code event} as its copy's state when it is newer than the stored one.
     *
     * @return true when stored, false when a newer or the same state was there
     * @throws InvalidEventException naming the field when the event has no id, time, backup, copy store or state
     */
    public boolean project(BackupCopyUpdated event) {
        require("eventId", event.eventId());
        require("occurredAt", event.occurredAt());
        require("backupId", event.backupId());
        require("copyId", event.copyId());
        require("state", event.state());
        if (event.objects() < 0 || event.bytes() < 0) {
            throw new InvalidEventException(Topics.BACKUP_COPY + ": objects and bytes must not be negative", null);
        }
        BackupCopy copy = new BackupCopy(
                event.backupId(),
                event.copyId(),
                event.state(),
                event.sha256(),
                event.objects(),
                event.bytes(),
                event.detail(),
                event.eventId(),
                event.occurredAt());
        boolean saved = catalog.saveIfNewer(copy);
        if (saved) {
            log.info("Copy of backup {} in {} is {}", event.backupId(), event.copyId(), event.state());
        } else {
            log.debug("Copy event {} is not newer than the stored state; ignored", event.eventId());
        }
        return saved;
    }

    /** The copies of {@code backupId}, by copy store id. */
    public List<BackupCopy> copiesOf(UUID backupId) {
        return catalog.of(backupId);
    }

    private static void require(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new InvalidEventException(Topics.BACKUP_COPY + ": " + field + " is required", null);
        }
    }
}
