package io.bulwark.engines;

import java.util.regex.Pattern;

/**
 * What a restore tool ({@code pg_restore}, the {@code mariadb} client) did with an archive fed to its
 * stdin. A failed restore is an outcome, not an exception.
 *
 * @param tool the tool's name in messages, e.g. {@code pg_restore}
 * @param input what was fed, in messages: {@code archive} or {@code dump}
 * @param exitCode the tool's exit code (1 after an error it went on after, or an SQL error)
 * @param stderr the tail of the tool's stderr (its errors), trimmed, password redacted
 * @param elapsedMillis wall time of the whole restore in milliseconds
 * @param timedOut true when the restore was killed at its timeout
 * @param bytesFed bytes of the input written to the tool
 * @param inputError why reading the input stream failed (then the tool saw it truncated), or null when
 *     the stream was read to its end or the tool stopped reading
 * @param inputComplete true when the input stream was read to its end
 * @param selection for a partial restore, what it restored: the tables, their objects when known, and the foreign
 *     keys left out or left dangling; null for a whole restore
 */
public record RestoreOutcome(
        String tool,
        String input,
        int exitCode,
        String stderr,
        long elapsedMillis,
        boolean timedOut,
        long bytesFed,
        String inputError,
        boolean inputComplete,
        RestorePlan selection) {

    /** The outcome of a whole restore. */
    public RestoreOutcome(
            String tool,
            String input,
            int exitCode,
            String stderr,
            long elapsedMillis,
            boolean timedOut,
            long bytesFed,
            String inputError,
            boolean inputComplete) {
        this(tool, input, exitCode, stderr, elapsedMillis, timedOut, bytesFed, inputError, inputComplete, null);
    }

    /**
     * What says that the destination ran out of disk space, in a tool's or a server's errors: the operating system's
     * ENOSPC text ("No space left on device", quoted by PostgreSQL and MariaDB), PostgreSQL's SQLSTATE 53100
     * ({@code disk_full}), MariaDB's errno 28 ("Errcode: 28", "errno: 28"), {@code ER_DISK_FULL} (1021) and {@code
     * ER_RECORD_FILE_FULL} (1114, "The table is full"). Sources: PostgreSQL's errcodes appendix, MariaDB's error
     * codes, errno(3).
     */
    private static final Pattern DISK_FULL = Pattern.compile(
            "No space left on device|\\b53100\\b|\\b(?:Errcode|errno): 28\\b|\\bERROR (?:1021|1114)\\b|Disk full",
            Pattern.CASE_INSENSITIVE);

    /**
     * True when the restore failed and its errors say that the destination ran out of disk space ({@link
     * #diskFull(String)} on {@link #stderr}): the destination's fault, not the archive's.
     */
    public boolean diskFull() {
        return !succeeded() && diskFull(stderr);
    }

    /**
     * True when {@code errors} (a tool's stderr, a server's log lines) say that a disk is full: ENOSPC, SQLSTATE
     * 53100, MariaDB's errno 28, error 1021 or 1114.
     *
     * @param errors the text to search; null is no error
     */
    public static boolean diskFull(String errors) {
        return errors != null && DISK_FULL.matcher(errors).find();
    }

    /**
     * This outcome with {@code lines} added to its errors on a line of their own, e.g. the server's own account of a
     * failure that the tool saw only as a lost connection.
     *
     * @param lines what to add; null or blank adds nothing
     */
    public RestoreOutcome withErrors(String lines) {
        if (lines == null || lines.isBlank()) {
            return this;
        }
        String errors = stderr == null || stderr.isBlank() ? lines : stderr + "\n" + lines;
        return new RestoreOutcome(
                tool, input, exitCode, errors, elapsedMillis, timedOut, bytesFed, inputError, inputComplete, selection);
    }

    /** This outcome with {@code restored} as its selection. */
    public RestoreOutcome withSelection(RestorePlan restored) {
        return new RestoreOutcome(
                tool, input, exitCode, stderr, elapsedMillis, timedOut, bytesFed, inputError, inputComplete, restored);
    }

    /**
     * True when the tool exited 0 within its time and the whole input was fed to it; for a partial restore (a {@link
     * #selection}) it may have stopped reading once it had what it restores: {@code pg_restore --use-list} reading
     * an archive from a pipe exits as soon as the last entry it restores is done, leaving the rest unread.
     */
    public boolean succeeded() {
        return exitCode == 0 && !timedOut && inputError == null && (inputComplete || selection != null);
    }

    /** A one-paragraph account of a failed restore for a report, quoting the tool's errors. */
    public String failureDetail() {
        StringBuilder detail = new StringBuilder();
        if (timedOut) {
            detail.append(tool).append(" was killed after its timeout. ");
        }
        if (inputError != null) {
            detail.append("reading the ")
                    .append(input)
                    .append(" failed after ")
                    .append(bytesFed)
                    .append(" bytes: ")
                    .append(inputError)
                    .append(". ");
        } else if (!inputComplete) {
            detail.append(tool)
                    .append(" stopped reading the ")
                    .append(input)
                    .append(" after ")
                    .append(bytesFed)
                    .append(" bytes. ");
        }
        detail.append(tool).append(" exit code ").append(exitCode);
        if (stderr != null && !stderr.isBlank()) {
            detail.append(": ").append(stderr);
        }
        return detail.toString();
    }
}
