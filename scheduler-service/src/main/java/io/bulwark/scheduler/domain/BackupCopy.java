package io.bulwark.scheduler.domain;

import io.bulwark.contracts.CopyState;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A backup's copy in one copy store, as the latest {@code BackupCopyUpdated} of it said.
 *
 * @param backupId the backup
 * @param copyId the copy store's id ({@code bulwark.copies.<copyId>} of the retention service)
 * @param state COPIED, FAILED or DELETED
 * @param sha256 the artifact's SHA-256 read back from the copy store (COPIED, DELETED), else null
 * @param objects objects copied (COPIED) or removed (DELETED)
 * @param bytes bytes copied (COPIED) or removed (DELETED)
 * @param detail why the copy failed (FAILED) or the rule that removed it (DELETED), else null
 * @param eventId the id of that event
 * @param updatedAt that event's {@code occurredAt}
 */
public record BackupCopy(
        UUID backupId,
        String copyId,
        CopyState state,
        String sha256,
        int objects,
        long bytes,
        String detail,
        UUID eventId,
        Instant updatedAt) {

    public BackupCopy {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(copyId, "copyId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
