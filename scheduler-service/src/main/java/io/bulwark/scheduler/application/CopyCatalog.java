package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.BackupCopy;
import java.util.List;
import java.util.UUID;

/**
 * The projected copies of backups ({@code scheduler.backup_copies}). Thread-safe; storage failures surface as runtime
 * exceptions.
 */
public interface CopyCatalog {

    /**
     * Stores {@code copy} when it {@link BackupCopy#replaces replaces} the stored state of its (backup, copy store), in
     * one atomic step.
     *
     * @return false when a newer (or the same) state was stored already and nothing changed
     */
    boolean saveIfNewer(BackupCopy copy);

    /** The copies of {@code backupId}, by copy store id; empty when none was announced. */
    List<BackupCopy> of(UUID backupId);
}
