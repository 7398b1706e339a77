package io.bulwark.scheduler.domain;

/**
 * What a schedule does when it finds a due time long past (the scheduler was down or the poller stalled): late by
 * more than the poll interval plus the grace period.
 */
public enum MissedRunPolicy {
    /** Fire once for all the missed times, then continue with the next future time. */
    RUN_ONCE,
    /** Fire nothing for the missed times; continue with the next future time. */
    SKIP
}
