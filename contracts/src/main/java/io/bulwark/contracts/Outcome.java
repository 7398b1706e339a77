package io.bulwark.contracts;

/** The verdict of a verification. */
public enum Outcome {
    /** Every check passed: the backup restores and matches its source. */
    PASSED,
    /** The backup is bad: a check failed. */
    FAILED,
    /** The verification could not judge (sandbox or object store trouble); not a verdict on the backup. */
    ERROR
}
