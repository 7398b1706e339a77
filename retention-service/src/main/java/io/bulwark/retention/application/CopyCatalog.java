package io.bulwark.retention.application;

import io.bulwark.retention.domain.BackupCopy;
import io.bulwark.retention.domain.CopyStatus;
import java.util.List;
import java.util.UUID;

/**
 * The state of every backup's copies ({@code retention.copies}), one row per (backup, copy store). Thread-safe and
 * durable; every method throws a runtime exception when the catalog cannot be reached.
 */
public interface CopyCatalog {

    /** Records each copy as PENDING unless a row for its (backup, copy store) exists already (then nothing changes). */
    void enqueue(List<BackupCopy> pending);

    /**
     * The copies of {@code copyId} that the copy job is to (re)try: PENDING or FAILED, of backups still live in the
     * primary store (a copy that was never made cannot be made from a deleted backup), oldest change first.
     */
    List<BackupCopy> due(String copyId);

    /** The COPIED copies of {@code copyId}, in no particular order. */
    List<BackupCopy> copied(String copyId);

    /** Every copy whose current state still has to be announced ({@link BackupCopy#announcementDue()}). */
    List<BackupCopy> unannounced();

    /** Every copy of {@code backupId}, by copy store id. */
    List<BackupCopy> of(UUID backupId);

    /**
     * Stores {@code copy}'s new state, but only when the row is still in {@code previous} (otherwise nothing
     * changes).
     *
     * @return false when the row was no longer in {@code previous}
     */
    boolean save(BackupCopy copy, CopyStatus previous);

    /** Records that {@code copy}'s state {@code copy.state()} was announced, when the row is still in that state. */
    void markAnnounced(BackupCopy copy);
}
