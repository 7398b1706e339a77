package io.bulwark.engines;

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
