package io.bulwark.retention.application;

/** 400 Bad Request: a request field breaks a rule. {@link #field} names it; the message says which rule. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    /**
     * @param field the offending field, e.g. {@code reason}
     * @param message what is wrong with it
     */
    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending request field. */
    public String field() {
        return field;
    }
}
