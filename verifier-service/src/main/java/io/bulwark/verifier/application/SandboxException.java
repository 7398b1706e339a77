package io.bulwark.verifier.application;

/**
 * A sandbox could not be started or queried: an infrastructure problem, not a verdict on the backup. One that
 * {@linkplain #recurring() recurs} comes from the verifier's own configuration (a restore tool older than the
 * source, say), so that another attempt would end the same way.
 */
public class SandboxException extends RuntimeException {

    private final boolean recurring;

    /** A problem that another attempt may not meet (a server that did not start, a full disk). */
    public SandboxException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param recurring true when another attempt would end the same way until the configuration changes
     */
    public SandboxException(String message, Throwable cause, boolean recurring) {
        super(message, cause);
        this.recurring = recurring;
    }

    /** True when another attempt would end the same way until the verifier's configuration changes. */
    public boolean recurring() {
        return recurring;
    }
}
