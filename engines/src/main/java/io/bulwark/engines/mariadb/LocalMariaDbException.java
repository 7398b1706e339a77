package io.bulwark.engines.mariadb;

/**
 * A {@link LocalMariaDbInstance} could not be set up, started or used; the message holds the tool's
 * output or the server log's tail, never the password.
 */
public class LocalMariaDbException extends RuntimeException {

    public LocalMariaDbException(String message) {
        super(message);
    }

    public LocalMariaDbException(String message, Throwable cause) {
        super(message, cause);
    }
}
