package io.bulwark.scheduler.application;

import io.bulwark.contracts.BackupProgressed;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Topics;
import io.bulwark.scheduler.domain.BackupProgress;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: keeps the latest {@code BackupProgressed} of each backup. Progress never changes a backup's state, and an
 * older progress (by {@code occurredAt}, see {@link BackupProgress#isNewerThan}) never replaces a newer one, whatever
 * order they arrive in; a repeated delivery changes nothing. Progress events are not recorded as processed (one
 * arrives every few seconds per dump); the ordering rule makes them idempotent. Projections of one backup are
 * serialized with the backup catalog's lock, so progress and the other events of a backup never race.
 */
public class ProjectBackupProgress {

    private static final Logger log = LoggerFactory.getLogger(ProjectBackupProgress.class);

    private final ActivityCatalog activity;
    private final BackupCatalog backups;
    private final Clock clock;
    private final Transactions transactions;

    /**
     * @param activity where the progress is stored
     * @param backups whose {@link BackupCatalog#lock} serializes the projections of one backup
     * @param clock stamps a backup first seen through its progress
     * @param transactions runs each projection in one transaction
     */
    public ProjectBackupProgress(
            ActivityCatalog activity, BackupCatalog backups, Clock clock, Transactions transactions) {
        this.activity = activity;
        this.backups = backups;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Stores {@code event} as its backup's latest progress when it is newer than the one stored.
     *
     * @return true when it was stored, false when a newer (or the same) progress was there already
     * @throws InvalidEventException when the event names no backup, target or time, or has a negative count
     */
    public boolean project(BackupProgressed event) {
        BackupProgress progress;
        try {
            progress = BackupProgress.of(event);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(Topics.BACKUP_PROGRESS + ": " + e.getMessage(), e);
        }
        return transactions.inTransaction(() -> {
            backups.lock(progress.backupId());
            BackupProgress seen = activity.progress(progress.backupId()).orElse(null);
            if (!progress.isNewerThan(seen)) {
                log.debug(
                        "progress of backup {} at {} is not newer than {}; ignored",
                        progress.backupId(),
                        progress.at(),
                        seen == null ? null : seen.at());
                return false;
            }
            activity.saveProgress(progress, clock.instant());
            return true;
        });
    }
}
