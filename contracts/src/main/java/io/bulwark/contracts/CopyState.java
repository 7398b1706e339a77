package io.bulwark.contracts;

/** The state of a backup's copy in a second object store (see {@link BackupCopyUpdated}). */
public enum CopyState {
    /** Every object is in the copy store and the artifact's SHA-256 matched there. */
    COPIED,
    /** The copy could not be made or did not match; it is retried. */
    FAILED,
    /** The copy store's own retention removed the copy. */
    DELETED
}
