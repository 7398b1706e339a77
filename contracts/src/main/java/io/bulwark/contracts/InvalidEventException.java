package io.bulwark.contracts;

/** An event that cannot be read: malformed JSON, a missing required field, a field that breaks a rule. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
