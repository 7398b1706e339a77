package io.bulwark.scheduler.adapter.web;

import io.bulwark.contracts.CopyState;
import io.bulwark.scheduler.domain.BackupCopy;
import java.time.Instant;

/**
 * A backup's copy in one copy store (3-2-1 copies) as {@code GET /api/backups/{id}} shows it.
 *
 * @param copyId the copy store's id ({@code bulwark.copies.<copyId>} of the retention service)
 * @param state COPIED, FAILED (retried by the copy job) or DELETED (the copy store's retention removed it)
 * @param sha256 the artifact's SHA-256 read back from the copy store, or null when not copied
 * @param bytes bytes copied (COPIED) or removed (DELETED), 0 when FAILED
 * @param detail why the copy failed, or the rule that removed it; null otherwise
 * @param updatedAt when the copy's state last changed (ISO-8601 UTC)
 */
public record BackupCopyView(
        String copyId, CopyState state, String sha256, long bytes, String detail, Instant updatedAt) {

    /** The view of {@code copy}. */
    public static BackupCopyView of(BackupCopy copy) {
        return new BackupCopyView(
                copy.copyId(), copy.state(), copy.sha256(), copy.bytes(), copy.detail(), copy.updatedAt());
    }
}
