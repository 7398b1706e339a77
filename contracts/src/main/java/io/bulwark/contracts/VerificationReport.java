package io.bulwark.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The verification report, stored as {@code verification.json} next to the artifact.
 *
 * @param backupId the backup verified
 * @param targetId its target
 * @param outcome PASSED, FAILED or ERROR
 * @param checks every check, in the order run
 * @param tables per-table source vs restored row counts
 * @param timings where the time went (restoreMillis is the proven RTO)
 * @param sandboxKind {@code local}, {@code container} or {@code scratch}
 * @param artifactKey object key of the dump verified
 * @param manifestKey object key of its manifest
 * @param sourceServerVersion the source server's version at dump time
 * @param sandboxServerVersion the sandbox server's version
 * @param verifiedAt when the verification finished
 */
public record VerificationReport(
        int schemaVersion,
        UUID backupId,
        String targetId,
        Outcome outcome,
        List<CheckResult> checks,
        List<TableRows> tables,
        Timings timings,
        String sandboxKind,
        String artifactKey,
        String manifestKey,
        String sourceServerVersion,
        String sandboxServerVersion,
        Instant verifiedAt) {

    public static final int SCHEMA_VERSION = 1;

    public VerificationReport {
        checks = checks == null ? List.of() : List.copyOf(checks);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /**
     * Timings in milliseconds.
     *
     * @param sandboxMillis starting the sandbox
     * @param restoreMillis download, decompression and restore
     * @param checksMillis the checks after the restore
     * @param totalMillis the whole verification
     */
    public record Timings(long sandboxMillis, long restoreMillis, long checksMillis, long totalMillis) {}
}
