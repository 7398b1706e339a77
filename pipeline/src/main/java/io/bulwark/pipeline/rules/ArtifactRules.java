package io.bulwark.pipeline.rules;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.engines.ArchiveHead;

/** The rules that judge the stored artifact itself: its checksum, its archive head, its restore. Pure functions. */
public final class ArtifactRules {

    private ArtifactRules() {}

    /**
     * Compares the SHA-256 of the stored bytes with the manifest's.
     *
     * @param expectedSha256 lowercase hex from the manifest, or null when the manifest has none
     * @param expectedBytes stored size from the manifest in bytes
     * @param actualSha256 lowercase hex of the bytes read from the store
     * @param actualBytes how many bytes were read from the store
     */
    public static CheckResult checksum(
            String expectedSha256, long expectedBytes, String actualSha256, long actualBytes, long durationMillis) {
        if (expectedSha256 == null || expectedSha256.isBlank()) {
            return new CheckResult(
                    CheckNames.CHECKSUM,
                    CheckStatus.FAILED,
                    "the manifest records no SHA-256 for the artifact; the stored bytes hash to " + actualSha256,
                    durationMillis);
        }
        if (expectedSha256.equalsIgnoreCase(actualSha256)) {
            return new CheckResult(
                    CheckNames.CHECKSUM,
                    CheckStatus.PASSED,
                    "SHA-256 " + actualSha256 + " of " + actualBytes + " stored bytes matches the manifest",
                    durationMillis);
        }
        return new CheckResult(
                CheckNames.CHECKSUM,
                CheckStatus.FAILED,
                "SHA-256 of the stored object is " + actualSha256 + " (" + actualBytes
                        + " bytes) but the manifest says " + expectedSha256.toLowerCase() + " (" + expectedBytes
                        + " bytes): the artifact was altered",
                durationMillis);
    }

    /**
     * The archive's head, read before the restore ({@link io.bulwark.engines.RestoreEngine#readHead}): PASSED naming
     * what it holds (a PostgreSQL table of contents, a mariadb-dump header); FAILED quoting the tool when the head
     * proves the archive bad (a corrupt or truncated table of contents); SKIPPED when the head tells nothing certain
     * (a SQL dump without the usual header) or ended inside a table of contents larger than what was read ahead (the
     * restore goes on, and judges the archive).
     *
     * @param wholeArchive the head was the whole archive (then an early end means a truncated archive)
     * @param headBytes the most bytes read ahead of the restore
     */
    public static CheckResult archive(ArchiveHead head, boolean wholeArchive, int headBytes, long durationMillis) {
        if (head.readableHead()) {
            return new CheckResult(
                    CheckNames.ARCHIVE,
                    CheckStatus.PASSED,
                    Checks.cap(head.tool() + " read " + head.summary()),
                    durationMillis);
        }
        if (head.endOfInput() && !wholeArchive) {
            return Checks.skipped(
                    CheckNames.ARCHIVE,
                    "the table of contents is larger than the " + headBytes + " bytes read ahead of the restore");
        }
        if (!head.conclusive()) {
            return Checks.skipped(CheckNames.ARCHIVE, head.error());
        }
        return Checks.failed(
                CheckNames.ARCHIVE,
                head.tool() + " could not read the archive's table of contents: " + head.error(),
                durationMillis);
    }

    /**
     * The restore check.
     *
     * @param tool the restore tool, e.g. {@code pg_restore} or {@code mariadb}
     * @param succeeded true when the restore tool exited 0 after reading the whole archive
     * @param failureDetail what went wrong, quoting the tool's errors; ignored when {@code succeeded}
     */
    public static CheckResult restore(String tool, boolean succeeded, String failureDetail, long durationMillis) {
        return succeeded
                ? new CheckResult(
                        CheckNames.RESTORE,
                        CheckStatus.PASSED,
                        tool + " exited 0 in " + durationMillis + " ms",
                        durationMillis)
                : new CheckResult(CheckNames.RESTORE, CheckStatus.FAILED, failureDetail, durationMillis);
    }
}
