package io.bulwark.scheduler.application;

/**
 * A destination server could not be asked what a database holds: it did not answer, refused the connection or the
 * statement, or its password could not be read here. The message names the server and never holds a secret.
 */
public class DestinationUnreachableException extends Exception {

    public DestinationUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
