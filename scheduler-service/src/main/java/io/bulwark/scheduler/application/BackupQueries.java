package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Use case: reads the projected backups. */
public class BackupQueries {

    /** The most backups one list returns. */
    public static final int MAX_LIMIT = 500;

    private final BackupCatalog catalog;

    public BackupQueries(BackupCatalog catalog) {
        this.catalog = catalog;
    }

    /** The backup with that id, if any event of it was projected. */
    public Optional<Backup> find(UUID backupId) {
        return catalog.find(backupId);
    }

    /**
     * Backups, newest first.
     *
     * @param targetId only this target's, or null
     * @param state only those in this state, or null
     * @param limit how many at most, 1 to {@value #MAX_LIMIT}
     * @throws InvalidRequestException naming {@code limit} when it is out of range
     */
    public List<Backup> list(String targetId, BackupState state, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return catalog.list(targetId, state, limit);
    }
}
