package io.bulwark.notifier.application;

/** Where one delivery (a notification to one channel) is. */
public enum DeliveryState {
    /** Not sent yet; tried at {@code next_attempt_at} (attempts and the last error tell about failed rounds). */
    PENDING,
    /** The channel accepted it. */
    SENT,
    /** The channel refused it for good (e.g. HTTP 404); not tried again. */
    FAILED,
    /** Every round failed; not tried again. */
    DEAD
}
