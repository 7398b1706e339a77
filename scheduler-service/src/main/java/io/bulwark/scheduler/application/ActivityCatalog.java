package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.ActiveBackup;
import io.bulwark.scheduler.domain.BackupProgress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the latest progress of each backup, and the backups that are running. Implementations are thread-safe;
 * {@link #progress} and {@link #saveProgress} run inside the caller's transaction. Storage failures surface as
 * unchecked exceptions of the implementation.
 */
public interface ActivityCatalog {

    /** The latest progress stored for {@code backupId}, or empty when none was. */
    Optional<BackupProgress> progress(UUID backupId);

    /**
     * Stores {@code progress} as the backup's latest, never touching its state or any other field. When no event of
     * the backup was projected yet, the backup is recorded in state REQUESTED with only its target, first seen {@code
     * now}; its request fills in the rest when it arrives.
     */
    void saveProgress(BackupProgress progress, Instant now);

    /**
     * The running backups: REQUESTED (QUEUED without progress, DUMPING with) and COMPLETED (VERIFYING), newest first,
     * each with the stored size of its target's previous completed backup as {@code expectedBytes}.
     *
     * @param limit at most this many, 1 or more
     */
    List<ActiveBackup> activeBackups(int limit);
}
