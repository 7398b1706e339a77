package io.bulwark.notifier.domain;

/** How urgent a notification is. */
public enum Severity {
    /** Good news, e.g. a verification PASSED. */
    INFO,
    /** Something needs a look but no backup is proven bad, e.g. a verification that could not judge. */
    WARNING,
    /** A backup failed or is proven bad. */
    ERROR
}
