package io.bulwark.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A backup was restored into a sandbox and checked. Published on {@link Topics#BACKUP_VERIFIED}.
 *
 * @param outcome the verdict
 * @param checks every check, in the order run
 * @param sandboxKind {@code local}, {@code container} or {@code scratch}
 * @param reportKey object key of {@code verification.json}
 * @param prefix object-key prefix of the backup
 * @param backupCompletedAt when the backup was taken (its manifest written); retention orders by it
 * @param tier the backup's retention tier
 */
public record BackupVerified(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID backupId,
        String targetId,
        Outcome outcome,
        List<CheckResult> checks,
        VerificationReport.Timings timings,
        String sandboxKind,
        String reportKey,
        String prefix,
        Instant backupCompletedAt,
        Tier tier)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;

    public BackupVerified {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** The checks that FAILED. */
    public List<CheckResult> failedChecks() {
        return checks.stream().filter(c -> c.status() == CheckStatus.FAILED).toList();
    }
}
