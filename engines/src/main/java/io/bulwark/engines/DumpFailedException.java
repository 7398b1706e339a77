package io.bulwark.engines;

import io.bulwark.contracts.FailureReason;
import java.util.Objects;

/**
 * A dump could not be taken. Carries the failure code, the tool's exit code (null when no tool ran or
 * it did not exit by itself) and a message taken from the tool's stderr or the driver, never holding
 * a password.
 */
public class DumpFailedException extends RuntimeException {

    private final FailureReason reason;
    private final Integer exitCode;

    public DumpFailedException(FailureReason reason, String message, Integer exitCode) {
        this(reason, message, exitCode, null);
    }

    public DumpFailedException(FailureReason reason, String message, Integer exitCode, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.exitCode = exitCode;
    }

    /** Why the dump failed. */
    public FailureReason reason() {
        return reason;
    }

    /** The dump tool's exit code, or null when no tool ran or it was killed. */
    public Integer exitCode() {
        return exitCode;
    }
}
