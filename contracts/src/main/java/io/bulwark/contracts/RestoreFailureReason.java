package io.bulwark.contracts;

/** Why a restore failed, for {@link RestoreFailed}; the message says it in words. */
public enum RestoreFailureReason {
    /** The request breaks a rule (a field missing or malformed); the message names the field. */
    INVALID_REQUEST,
    /** No stored backup matches the request (unknown id, no VERIFIED backup of the target at that time). */
    BACKUP_NOT_FOUND,
    /** The backup is not VERIFIED and the request did not say {@code force}. */
    BACKUP_NOT_VERIFIED,
    /** The destination is neither a configured destination nor a configured target. */
    DESTINATION_UNKNOWN,
    /**
     * The destination database was refused: it exists and is not empty, or it is the backup's own source database,
     * and the request did not say {@code replace} with the database's name as confirmation.
     */
    DESTINATION_REFUSED,
    /** Another restore into the same destination database is running. */
    DESTINATION_BUSY,
    /** The destination server could not be reached or refused the connection or a statement. */
    DESTINATION_UNREACHABLE,
    /** The object store could not be read. */
    STORAGE_UNAVAILABLE,
    /** The artifact is encrypted and the verifier has no key that opens it. */
    DECRYPTION_FAILED,
    /** The archive is damaged: checksum mismatch, undecodable, or the restore tool failed on it. */
    RESTORE_FAILED,
    /** The restore tool finished, but the destination differs from the manifest; the checks name what differs. */
    PROOF_FAILED,
    /** The verifier stopped (killed, restarted) in the middle of the restore; the restore never finished. */
    INTERRUPTED
}
