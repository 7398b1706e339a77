package io.bulwark.scheduler.application;

/** Reports cannot be read: no object store is configured ({@code bulwark.storage.*}), or it cannot be reached. */
public class ReportStoreUnavailableException extends RuntimeException {

    /** @param message why, never holding a credential */
    public ReportStoreUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message why, never holding a credential
     * @param cause the store's error
     */
    public ReportStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
