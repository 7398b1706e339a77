package io.bulwark.contracts;

/**
 * The result of one check of a verification or a restore.
 *
 * <p>A verdict counts only when the check could judge: {@link #ERROR} says it could not (an infrastructure problem),
 * which is no verdict on the backup. A verification is FAILED when any check FAILED, ERROR when none failed but one
 * could not judge, PASSED otherwise.
 */
public enum CheckStatus {
    /** The check judged and found what it expected. */
    PASSED,
    /** The check judged and found a difference: the backup (or the restored copy) is bad. */
    FAILED,
    /** The check found something a person should look at that does not fail the backup (a slow restore, a flaw of
     * the source itself). */
    WARNING,
    /** The check did not run: nothing to check, or an earlier check made it meaningless. */
    SKIPPED,
    /**
     * Not judged: the check could not run because of an infrastructure problem (the sandbox or the object store failed,
     * no decryption key), so it says nothing about the backup. Added after the first contracts: older reports record
     * such checks as FAILED.
     */
    ERROR
}
