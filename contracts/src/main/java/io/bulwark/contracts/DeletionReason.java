package io.bulwark.contracts;

/** Why a backup was deleted. */
public enum DeletionReason {
    /** A retention policy expired it. */
    RETENTION,
    /** A person deleted it. */
    MANUAL
}
