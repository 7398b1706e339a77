package io.bulwark.contracts;

/** Where an alert is in its life: opened once, repeated while open, resolved once. */
public enum AlertState {
    /** The condition was found; sent once. */
    OPEN,
    /** Still open after an escalation interval; {@link AlertChanged#escalationLevel()} counts the repeats. */
    ESCALATED,
    /** The condition cleared. */
    RESOLVED
}
