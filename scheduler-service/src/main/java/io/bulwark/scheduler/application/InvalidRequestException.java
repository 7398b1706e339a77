package io.bulwark.scheduler.application;

/** A request field breaks a rule; {@link #field()} names it. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field, e.g. {@code targetId}. */
    public String field() {
        return field;
    }
}
