package io.bulwark.scheduler.domain;

import io.bulwark.contracts.BackupProgressed;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The latest progress of a running dump, as projected from {@code BackupProgressed}. It never changes a backup's
 * state; it only says how far the dump got.
 *
 * @param backupId the backup
 * @param targetId the database being dumped
 * @param bytesRead bytes read from the dump tool so far, 0 or more
 * @param bytesWritten bytes stored (after compression and encryption) so far, 0 or more
 * @param elapsedMillis milliseconds since the dump started, 0 or more
 * @param at when the dump-worker published it (the event's {@code occurredAt})
 */
public record BackupProgress(
        UUID backupId, String targetId, long bytesRead, long bytesWritten, long elapsedMillis, Instant at) {

    /**
     * @throws NullPointerException when backupId, targetId or at is missing
     * @throws IllegalArgumentException when a count is negative
     */
    public BackupProgress {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(at, "occurredAt");
        if (bytesRead < 0 || bytesWritten < 0 || elapsedMillis < 0) {
            throw new IllegalArgumentException("bytesRead, bytesWritten and elapsedMillis must not be negative");
        }
    }

    /**
     * The progress an event reports: of {@code backupId}, else {@code requestId} (equal by contract).
     *
     * @throws IllegalArgumentException when the event names no backup, no target or no time, or has a negative count
     */
    public static BackupProgress of(BackupProgressed event) {
        UUID backupId = event.backupId() != null ? event.backupId() : event.requestId();
        if (backupId == null) {
            throw new IllegalArgumentException("backupId is required");
        }
        if (event.targetId() == null || event.targetId().isBlank()) {
            throw new IllegalArgumentException("targetId is required");
        }
        if (event.occurredAt() == null) {
            throw new IllegalArgumentException("occurredAt is required");
        }
        return new BackupProgress(
                backupId,
                event.targetId(),
                event.bytesRead(),
                event.bytesWritten(),
                event.elapsedMillis(),
                event.occurredAt());
    }

    /**
     * True when this progress is newer than {@code seen} and should replace it: anything is newer than nothing; else
     * the later {@code at} wins, and at the same {@code at} the longer elapsed time, then the more bytes written. An
     * equal or older progress (a late or repeated delivery) is not newer.
     *
     * @param seen the progress stored so far, or null
     */
    public boolean isNewerThan(BackupProgress seen) {
        if (seen == null) {
            return true;
        }
        int byTime = at.compareTo(seen.at);
        if (byTime != 0) {
            return byTime > 0;
        }
        if (elapsedMillis != seen.elapsedMillis) {
            return elapsedMillis > seen.elapsedMillis;
        }
        return bytesWritten > seen.bytesWritten;
    }
}
