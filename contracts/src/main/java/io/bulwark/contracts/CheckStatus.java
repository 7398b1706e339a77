package io.bulwark.contracts;

/** The result of one verification check. */
public enum CheckStatus {
    PASSED,
    FAILED,
    WARNING,
    SKIPPED
}
