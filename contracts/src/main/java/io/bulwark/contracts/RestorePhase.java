package io.bulwark.contracts;

/** The phase a running restore is in, as {@link RestoreProgressed} reports it. */
public enum RestorePhase {
    /** Finding the backup, checking and preparing the destination database. */
    PREPARE,
    /** Downloading and decoding the archive into a temporary file, for a parallel restore ({@code jobs > 1}). */
    SPOOL,
    /** Streaming the archive into the engine's restore tool. */
    RESTORE,
    /** Comparing the restored database with the manifest. */
    PROVE
}
