package io.bulwark.engines;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RestoreEngine#restore} runs.
 *
 * @param timeout how long the restore tool may run before it is killed
 * @param selection what to restore; {@link RestoreSelection#EVERYTHING} for the whole archive
 * @param plan the plan of a partial restore from {@link RestoreEngine#plan}, null for a whole restore (MySQL/MariaDB
 *     selects from {@code selection} as the dump streams by)
 * @param clean true to drop each restored object before creating it (restoring over existing objects, {@code
 *     pg_restore --clean --if-exists}; a MySQL/MariaDB dump drops its tables itself)
 * @param jobs parallel restore jobs, 1 to stream (PostgreSQL {@code pg_restore -j}; other engines always stream)
 * @param spoolDir the folder for the temporary file of a parallel restore, null for the system's temporary folder
 * @param expectedBytes the decoded archive's size in bytes when known (from the manifest), else 0: a parallel
 *     restore checks that the spool folder has room for it first
 * @param sourceDatabase the database the archive was dumped from, or null: a MySQL/MariaDB dump names it in its
 *     {@code ALTER DATABASE} statements (around routines of another collation), which a restore into a database of
 *     another name rewrites to that name, so that it never touches a database of the source's name
 */
public record RestoreOptions(
        Duration timeout,
        RestoreSelection selection,
        RestorePlan plan,
        boolean clean,
        int jobs,
        Path spoolDir,
        long expectedBytes,
        String sourceDatabase) {

    public RestoreOptions {
        Objects.requireNonNull(timeout, "timeout");
        selection = selection == null ? RestoreSelection.EVERYTHING : selection;
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more but was " + jobs);
        }
    }

    /** Options for an archive restored into a database of its source's name (or where that does not matter). */
    public RestoreOptions(
            Duration timeout,
            RestoreSelection selection,
            RestorePlan plan,
            boolean clean,
            int jobs,
            Path spoolDir,
            long expectedBytes) {
        this(timeout, selection, plan, clean, jobs, spoolDir, expectedBytes, null);
    }

    /** A whole, streamed restore. */
    public static RestoreOptions whole(Duration timeout) {
        return new RestoreOptions(timeout, RestoreSelection.EVERYTHING, null, false, 1, null, 0, null);
    }
}
