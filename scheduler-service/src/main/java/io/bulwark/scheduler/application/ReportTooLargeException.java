package io.bulwark.scheduler.application;

/** A stored report is larger than the most the scheduler reads ({@code bulwark.limits.report-size}). */
public class ReportTooLargeException extends RuntimeException {

    /**
     * @param key the report's object key
     * @param limit the largest size read, in bytes
     */
    public ReportTooLargeException(String key, long limit) {
        super("the report " + key + " is larger than the limit of " + limit + " bytes (bulwark.limits.report-size)");
    }
}
