package io.bulwark.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The proven-restore report, stored as {@code restore.json} (and {@code restore.html} for people) under {@code
 * <backup prefix>/restores/<restoreId>/}, or written to a file by a standalone restore.
 *
 * @param restoreId the restore
 * @param backupId the backup restored, null when none was found
 * @param targetId the backup's target
 * @param state SUCCEEDED or FAILED
 * @param reason why it FAILED, null when it SUCCEEDED
 * @param message what happened, for a person: why it failed, or a summary
 * @param forced true when the backup was not VERIFIED and {@code force} restored it anyway
 * @param backupVerification the backup's verification outcome when the restore started (PASSED, FAILED, ERROR), null
 *     when it was never verified
 * @param destination where it was restored, null when no destination was reached
 * @param schemas the schemas asked for, empty for all
 * @param tables the tables asked for, empty for all
 * @param checks every check of the proof, in the order run
 * @param rows per-table source (manifest) vs restored row counts, for what was restored
 * @param leftOutForeignKeys foreign keys of restored tables that reference a table left out of a partial restore,
 *     each as {@code constraint -> referenced table} (PostgreSQL: not restored; MySQL/MariaDB: restored, dangling)
 * @param timings where the time went
 * @param artifactKey object key of the artifact restored
 * @param manifestKey object key of its manifest
 * @param requestedAt when the restore was asked for
 * @param finishedAt when it ended
 */
public record RestoreReport(
        int schemaVersion,
        UUID restoreId,
        UUID backupId,
        String targetId,
        RestoreState state,
        RestoreFailureReason reason,
        String message,
        boolean forced,
        Outcome backupVerification,
        RestoredDatabase destination,
        List<String> schemas,
        List<String> tables,
        List<CheckResult> checks,
        List<TableRows> rows,
        List<String> leftOutForeignKeys,
        Timings timings,
        String artifactKey,
        String manifestKey,
        Instant requestedAt,
        Instant finishedAt) {

    public static final int SCHEMA_VERSION = 1;

    /** The message is {@link MessageRedactor#redact redacted}: no secrets, no row data, bounded. */
    public RestoreReport {
        message = MessageRedactor.redact(message);
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        tables = tables == null ? List.of() : List.copyOf(tables);
        checks = checks == null ? List.of() : List.copyOf(checks);
        rows = rows == null ? List.of() : List.copyOf(rows);
        leftOutForeignKeys = leftOutForeignKeys == null ? List.of() : List.copyOf(leftOutForeignKeys);
    }

    /** True when the restore SUCCEEDED. */
    public boolean succeeded() {
        return state == RestoreState.SUCCEEDED;
    }

    /**
     * Timings in milliseconds.
     *
     * @param prepareMillis finding the backup, checking and creating the destination database
     * @param restoreMillis download, decryption, decompression and the restore tool: the measured restore time
     * @param checksMillis the proof after the restore
     * @param totalMillis the whole restore
     */
    public record Timings(long prepareMillis, long restoreMillis, long checksMillis, long totalMillis) {}
}
