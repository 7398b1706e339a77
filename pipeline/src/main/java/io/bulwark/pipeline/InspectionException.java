package io.bulwark.pipeline;

/**
 * A restored database could not be read: the server went away, a statement timed out. An infrastructure problem, so
 * the checks that needed it are ERROR (not judged), never FAILED.
 */
public class InspectionException extends RuntimeException {

    public InspectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
