package io.bulwark.contracts;

/** What started a backup. */
public enum Trigger {
    /** A schedule fired. */
    SCHEDULED,
    /** A person asked, through the REST API or the CLI. */
    MANUAL,
    /** Another system published a {@link BackupRequested}. */
    EVENT
}
