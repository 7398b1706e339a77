package io.bulwark.scheduler.application;

/**
 * A report key the scheduler refuses to read: it lies outside its backup's own prefix, or the prefix is not the
 * backup's folder ({@link io.bulwark.scheduler.domain.ReportKeys}).
 */
public class ReportRefusedException extends RuntimeException {

    /** @param message which key was refused and why */
    public ReportRefusedException(String message) {
        super(message);
    }
}
