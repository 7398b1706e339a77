package io.bulwark.notifier.application;

/**
 * A channel did not accept a notification. The message never holds a secret (webhook URLs appear as {@code
 * scheme://host/...}).
 */
public class DeliveryException extends RuntimeException {

    private final boolean permanent;

    /** A failure that another attempt may overcome (unreachable, timeout, HTTP 5xx or 429). */
    public DeliveryException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param message what went wrong, without secrets
     * @param cause the underlying exception, or null
     * @param permanent true when trying again cannot help (HTTP 4xx but 408 and 429, a rejected address)
     */
    public DeliveryException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** True when trying again cannot help. */
    public boolean permanent() {
        return permanent;
    }
}
