package io.bulwark.scheduler.application;

/**
 * A restore names a destination that cannot take the backup: no such destination ({@code
 * bulwark.restore.destinations.<id>}) or target ({@code bulwark.targets.<id>}) is configured, or it runs another
 * engine than the backup's. {@link #field()} names the request field.
 */
public class InvalidDestinationException extends RuntimeException {

    private final String field;

    public InvalidDestinationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field, {@code destinationId} or {@code destinationTarget}. */
    public String field() {
        return field;
    }
}
