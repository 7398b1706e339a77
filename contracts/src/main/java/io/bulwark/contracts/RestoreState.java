package io.bulwark.contracts;

/** Where a restore stands; {@link #SUCCEEDED} and {@link #FAILED} are final. */
public enum RestoreState {
    /** Asked for; no verifier has taken it yet. */
    REQUESTED,
    /** A verifier is restoring it (see {@link RestoreProgressed}). */
    RUNNING,
    /** Restored, and the destination was proven equal to the manifest for what was restored. */
    SUCCEEDED,
    /** Refused, or restored but not proven: the report and {@link RestoreFailed#reason()} say why. */
    FAILED
}
