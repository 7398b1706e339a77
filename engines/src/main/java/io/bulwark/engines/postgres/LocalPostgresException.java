package io.bulwark.engines.postgres;

/**
 * A {@link LocalPostgresInstance} could not be set up, started or used; the message holds the tool's
 * stderr or the server log tail, never the password.
 */
public class LocalPostgresException extends RuntimeException {

    public LocalPostgresException(String message) {
        super(message);
    }

    public LocalPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
