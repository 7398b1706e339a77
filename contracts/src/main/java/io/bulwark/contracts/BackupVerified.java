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
 * @param reportKey object key of {@code verification.json}, null when it could not be stored
 * @param prefix object-key prefix of the backup
 * @param backupCompletedAt when the backup was taken (its manifest written); retention orders by it
 * @param tier the backup's retention tier
 * @param reportPageKey object key of {@code verification.html}, the report for people, beside {@code reportKey};
 *     null when no report was stored
 * @param retryable for an ERROR, whether verifying again may give a verdict: false when another attempt would end
 *     the same way (the verifier's own configuration: no decryption key for the artifact, a sandbox older than the
 *     source, a MySQL dump in a MariaDB sandbox; the checks say which), true otherwise; null for PASSED and FAILED
 *     and in events written before this field existed
 * @param artifactRecipients the fingerprints of the OpenPGP keys the verified artifact is encrypted to, as its manifest
 *     records them ({@link ArtifactRef#recipients()}): empty for an artifact encrypted to no key, null when unknown (a
 *     manifest written before recipients were recorded, a verdict published again from an earlier report, or an
 *     event written before this field existed)
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
        Tier tier,
        String reportPageKey,
        Boolean retryable,
        List<String> artifactRecipients)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;

    public BackupVerified {
        checks = checks == null ? List.of() : List.copyOf(checks);
        artifactRecipients = artifactRecipients == null ? null : List.copyOf(artifactRecipients);
    }

    /** An event without the artifact's recipients (unknown; events written before they were recorded). */
    public BackupVerified(
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
            Tier tier,
            String reportPageKey,
            Boolean retryable) {
        this(
                eventId,
                occurredAt,
                schemaVersion,
                backupId,
                targetId,
                outcome,
                checks,
                timings,
                sandboxKind,
                reportKey,
                prefix,
                backupCompletedAt,
                tier,
                reportPageKey,
                retryable,
                null);
    }

    /** An event without the report page's key and retryability (events written before they existed). */
    public BackupVerified(
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
            Tier tier) {
        this(
                eventId,
                occurredAt,
                schemaVersion,
                backupId,
                targetId,
                outcome,
                checks,
                timings,
                sandboxKind,
                reportKey,
                prefix,
                backupCompletedAt,
                tier,
                null,
                null,
                null);
    }

    /** The checks that FAILED. */
    public List<CheckResult> failedChecks() {
        return checks.stream().filter(c -> c.status() == CheckStatus.FAILED).toList();
    }
}
