package io.bulwark.engines;

/**
 * What the head of an archive holds, as {@link RestoreEngine#readHead} read it.
 *
 * @param tool what read it, e.g. {@code pg_restore --list} or {@code mariadb-dump header}
 * @param summary what it found when readable, e.g. {@code 42 TOC entries}; null when not
 * @param error why it is not readable, null when it is
 * @param conclusive true when {@code error} proves the archive bad (PostgreSQL: the table of contents cannot be read);
 *     false when it tells nothing certain (a SQL dump without the usual header: the restore judges it)
 * @param endOfInput true when the error is that the head ended before the table of contents did: a longer head may
 *     read, or, when the head was the whole archive, the archive is truncated
 */
public record ArchiveHead(String tool, String summary, String error, boolean conclusive, boolean endOfInput) {

    /** A readable head. */
    public static ArchiveHead readable(String tool, String summary) {
        return new ArchiveHead(tool, summary, null, true, false);
    }

    /** True when the head was read. */
    public boolean readableHead() {
        return error == null;
    }
}
