package io.bulwark.dumpworker.domain;

import io.bulwark.contracts.FailureReason;

/** Which failed backups are worth another attempt, by their reason. */
public final class FailurePolicy {

    private FailurePolicy() {}

    /**
     * True when a later attempt may succeed without anyone changing the configuration: the server was
     * unreachable, the dump timed out, or the tool failed for a reason we do not know. False for wrong
     * credentials, a missing database or privilege, a missing or old tool, an unknown target, an
     * invalid request and exhausted attempts: those need a person. {@link
     * FailureReason#STORAGE_UNAVAILABLE} is never published by this worker (an object-store outage is
     * waited out, not failed); it stays retryable, as in the events of earlier versions.
     */
    public static boolean isRetryable(FailureReason reason) {
        return switch (reason) {
            case CONNECTION_REFUSED, STORAGE_UNAVAILABLE, TIMEOUT, DUMP_FAILED, INTERNAL -> true;
            case AUTHENTICATION_FAILED,
                    PERMISSION_DENIED,
                    DATABASE_MISSING,
                    TOOL_MISSING,
                    TOOL_TOO_OLD,
                    UNKNOWN_TARGET,
                    INVALID_REQUEST,
                    ATTEMPTS_EXHAUSTED -> false;
        };
    }

    /**
     * {@code message} trimmed and cut to {@code maxChars} (keeping its end, where tools put the fatal
     * line), never null.
     */
    public static String trimMessage(String message, int maxChars) {
        if (message == null || message.isBlank()) {
            return "no message";
        }
        String trimmed = message.strip();
        return trimmed.length() <= maxChars ? trimmed : "..." + trimmed.substring(trimmed.length() - maxChars + 3);
    }
}
