package io.bulwark.retention.domain;

import io.bulwark.contracts.CopyState;

/**
 * Where a backup's copy in one copy store ({@code bulwark.copies.<copyId>}) stands.
 *
 * <p>PENDING → COPIED, PENDING → FAILED, FAILED → FAILED (another failed attempt), FAILED → COPIED, COPIED → DELETED
 * (the copy store's own retention). COPIED and DELETED are final for copying: a copy is never made twice.
 */
public enum CopyStatus {
    /** Recorded after the backup's verification PASSED; no attempt made yet. */
    PENDING,
    /** Every object is in the copy store and the artifact's SHA-256 read back from there matched the manifest. */
    COPIED,
    /** The last attempt failed; the copy job tries again. */
    FAILED,
    /** The copy store's retention removed the copy. */
    DELETED;

    /** The state announced in {@code BackupCopyUpdated}; null for PENDING, which is never announced. */
    public CopyState announced() {
        return switch (this) {
            case PENDING -> null;
            case COPIED -> CopyState.COPIED;
            case FAILED -> CopyState.FAILED;
            case DELETED -> CopyState.DELETED;
        };
    }
}
