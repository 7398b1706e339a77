package io.bulwark.contracts;

/** What an alert is about; each kind is evaluated on a timer by the scheduler (see {@link AlertChanged}). */
public enum AlertKind {
    /** No VERIFIED backup is newer than the target's recovery point objective ({@code rpo}). */
    RPO_BREACH,
    /** A scheduled run did not start within its grace period. */
    MISSED_SCHEDULE,
    /** A backup's size deviates from the rolling median of the last VERIFIED backups by more than allowed. */
    SIZE_ANOMALY,
    /** A dump took too long, or a measured restore time is above the recovery time objective ({@code rto}). */
    DURATION,
    /** The latest verification of a target FAILED or ended in ERROR. */
    VERIFICATION_FAILED,
    /** Several verifications of one target in a row did not pass. */
    CONSECUTIVE_FAILURES,
    /** The object store holding the artifacts does not answer. */
    OBJECT_STORE_UNREACHABLE
}
