package io.bulwark.scheduler.application;

/** A request could not be handed to the broker; nothing was requested. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
