package io.bulwark.scheduler.adapter.web;

import io.bulwark.contracts.DeletionReason;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupCopy;
import io.bulwark.scheduler.domain.BackupState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One backup as the API shows it. Every field is always present (null when unknown); times are
 * ISO-8601 UTC, sizes in bytes.
 *
 * @param failedChecks names of the checks the latest verification FAILED
 * @param verificationRetryable for a latest verification that ended ERROR, whether verifying again may give a
 *     verdict (false: the verifier's configuration is the cause, see the failed checks), else null
 * @param failureExitCode the dump tool's exit code of the latest failed attempt, or null
 * @param copies the backup's copies in the copy stores (3-2-1 copies), by copy store id, in {@code GET
 *     /api/backups/{id}}; null in lists
 */
public record BackupView(
        UUID backupId,
        UUID requestId,
        String targetId,
        BackupState state,
        Trigger trigger,
        String scheduleId,
        Tier tier,
        String label,
        String requestedBy,
        Instant requestedAt,
        Instant completedAt,
        String prefix,
        String artifactKey,
        String manifestKey,
        Long storedBytes,
        Outcome verificationOutcome,
        List<String> failedChecks,
        String reportKey,
        Instant verifiedAt,
        Boolean verificationRetryable,
        FailureReason failureReason,
        String failureMessage,
        Integer failureExitCode,
        DeletionReason deletionReason,
        Instant deletedAt,
        Instant updatedAt,
        List<BackupCopyView> copies) {

    /** The view of {@code backup} without its copies (lists, requests). */
    public static BackupView of(Backup b) {
        return of(b, null);
    }

    /** The view of {@code backup} with its {@code copies} (null when not read). */
    public static BackupView of(Backup b, List<BackupCopy> copies) {
        return new BackupView(
                b.backupId(),
                b.requestId(),
                b.targetId(),
                b.state(),
                b.trigger(),
                b.scheduleId(),
                b.tier(),
                b.label(),
                b.requestedBy(),
                b.requestedAt(),
                b.completedAt(),
                b.prefix(),
                b.artifactKey(),
                b.manifestKey(),
                b.storedBytes(),
                b.verificationOutcome(),
                b.failedChecks(),
                b.reportKey(),
                b.verifiedAt(),
                b.verificationRetryable(),
                b.failureReason(),
                b.failureMessage(),
                b.failureExitCode(),
                b.deletionReason(),
                b.deletedAt(),
                b.updatedAt(),
                copies == null ? null : copies.stream().map(BackupCopyView::of).toList());
    }
}
