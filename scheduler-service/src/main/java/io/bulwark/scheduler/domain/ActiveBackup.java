package io.bulwark.scheduler.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A backup that is running: queued, dumping or waiting for its verification ({@link ActivityPhase}).
 *
 * @param backupId the backup
 * @param targetId the database backed up
 * @param phase where it stands
 * @param requestedAt when it was asked for, or null when unknown
 * @param completedAt when its manifest was written, or null while dumping
 * @param bytesRead bytes read from the dump tool per the latest progress, or null when none was seen
 * @param bytesWritten bytes stored per the latest progress, or null when none was seen
 * @param elapsedMillis milliseconds since the dump started per the latest progress, or null when none was seen
 * @param expectedBytes the stored size of the target's previous completed backup, in bytes, or null when it has none
 */
public record ActiveBackup(
        UUID backupId,
        String targetId,
        ActivityPhase phase,
        Instant requestedAt,
        Instant completedAt,
        Long bytesRead,
        Long bytesWritten,
        Long elapsedMillis,
        Long expectedBytes) {

    /** The highest percent shown: the size of the previous backup is an estimate, never a promise of the end. */
    public static final int MAX_PERCENT = 99;

    /** @throws NullPointerException when backupId, targetId or phase is missing */
    public ActiveBackup {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(phase, "phase");
    }

    /**
     * How far the dump got against the previous backup's size: {@code bytesWritten * 100 / expectedBytes}, rounded
     * down and capped at {@value #MAX_PERCENT}; null when no progress was seen or no (non-empty) previous backup is
     * known.
     */
    public Integer percent() {
        if (bytesWritten == null || expectedBytes == null || expectedBytes <= 0) {
            return null;
        }
        double ratio = (double) bytesWritten / expectedBytes;
        return (int) Math.min(MAX_PERCENT, Math.floor(ratio * 100));
    }
}
