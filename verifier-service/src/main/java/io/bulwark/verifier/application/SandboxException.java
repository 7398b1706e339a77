package io.bulwark.verifier.application;

/** A sandbox could not be started or queried: an infrastructure problem, not a verdict on the backup. */
public class SandboxException extends RuntimeException {

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
