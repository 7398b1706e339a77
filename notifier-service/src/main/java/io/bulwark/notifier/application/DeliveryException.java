package io.bulwark.notifier.application;

/** A channel did not accept a notification. The message never holds a secret. */
public class DeliveryException extends RuntimeException {

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
