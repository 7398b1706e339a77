package io.bulwark.scheduler.application;

/** The backup or restore asked about has no report (yet): none was recorded, or the object is not in the store. */
public class NoReportException extends RuntimeException {

    /** @param message what has no report, e.g. {@code backup 1a2b... has no verification report yet} */
    public NoReportException(String message) {
        super(message);
    }
}
