package io.bulwark.contracts;

/** How urgent an alert is; notification routing chooses channels by it. */
public enum AlertSeverity {
    INFO,
    WARNING,
    CRITICAL
}
