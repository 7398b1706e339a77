package io.bulwark.scheduler.domain;

import io.bulwark.contracts.DeletionReason;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One backup as projected from the events of all topics. Immutable; {@link BackupProjector} makes the
 * next version with {@link #toBuilder()}.
 *
 * @param backupId the backup; equals the request id
 * @param requestId the request that asked for it, or null until an event names it
 * @param targetId the database backed up
 * @param state where the backup is in its lifecycle
 * @param trigger what started it, or null when unknown
 * @param scheduleId the schedule that fired, or null
 * @param tier the retention tier, or null when unknown
 * @param label the label of the request, or null
 * @param requestedBy who asked, or null
 * @param requestedAt when it was asked for, or null
 * @param completedAt when its manifest was written, or null
 * @param prefix object-key prefix of every object of the backup, or null
 * @param artifactKey object key of the dump, or null
 * @param manifestKey object key of manifest.json, or null
 * @param storedBytes size of the stored dump in bytes, or null
 * @param verificationOutcome outcome of the latest verification, or null
 * @param failedChecks names of the checks the latest verification FAILED, empty when none
 * @param reportKey object key of the latest verification report, or null
 * @param reportPageKey object key of the latest verification's {@code verification.html}, or null
 * @param verifiedAt when the latest verification was published, or null
 * @param verificationEventId event id of the latest verification, or null
 * @param verificationRetryable for a latest verification that ended ERROR, whether verifying again may give a
 *     verdict (false: the verifier's configuration is the cause); null otherwise or when the event did not say
 * @param failureReason why the latest failed attempt failed, or null
 * @param failureMessage the latest failed attempt's message, or null
 * @param failureExitCode the dump tool's exit code of the latest failed attempt, or null
 * @param failedAt when the latest failure was published, or null
 * @param deletionReason why it was deleted, or null
 * @param deletedAt when it was deleted, or null
 * @param firstSeenAt when the projection first saw an event of it
 * @param updatedAt when the projection last changed it
 * @param startedAt when the dump started ({@code BackupCompleted.startedAt}), or null
 * @param dumpMillis milliseconds the dump and upload took ({@code BackupCompleted.dumpMillis}), or null when unknown
 * @param verifyMillis milliseconds the latest verification took in all ({@code BackupVerified.timings.totalMillis}),
 *     or null when it recorded no timings
 * @param restoreMillis milliseconds the latest verification's download and restore took ({@code
 *     BackupVerified.timings.restoreMillis}, the measured restore time), or null when it recorded no timings
 */
public record Backup(
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
        String reportPageKey,
        Instant verifiedAt,
        UUID verificationEventId,
        Boolean verificationRetryable,
        FailureReason failureReason,
        String failureMessage,
        Integer failureExitCode,
        Instant failedAt,
        DeletionReason deletionReason,
        Instant deletedAt,
        Instant firstSeenAt,
        Instant updatedAt,
        Instant startedAt,
        Long dumpMillis,
        Long verifyMillis,
        Long restoreMillis) {

    public Backup {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(state, "state");
        failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
    }

    /** A builder holding every field of this backup. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder with every field null. */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Mutable helper to make a {@link Backup}; not thread-safe. */
    public static final class Builder {

        private UUID backupId;
        private UUID requestId;
        private String targetId;
        private BackupState state;
        private Trigger trigger;
        private String scheduleId;
        private Tier tier;
        private String label;
        private String requestedBy;
        private Instant requestedAt;
        private Instant completedAt;
        private String prefix;
        private String artifactKey;
        private String manifestKey;
        private Long storedBytes;
        private Outcome verificationOutcome;
        private List<String> failedChecks;
        private String reportKey;
        private String reportPageKey;
        private Instant verifiedAt;
        private UUID verificationEventId;
        private Boolean verificationRetryable;
        private FailureReason failureReason;
        private String failureMessage;
        private Integer failureExitCode;
        private Instant failedAt;
        private DeletionReason deletionReason;
        private Instant deletedAt;
        private Instant firstSeenAt;
        private Instant updatedAt;
        private Instant startedAt;
        private Long dumpMillis;
        private Long verifyMillis;
        private Long restoreMillis;

        private Builder(Backup b) {
            if (b == null) {
                return;
            }
            this.backupId = b.backupId;
            this.requestId = b.requestId;
            this.targetId = b.targetId;
            this.state = b.state;
            this.trigger = b.trigger;
            this.scheduleId = b.scheduleId;
            this.tier = b.tier;
            this.label = b.label;
            this.requestedBy = b.requestedBy;
            this.requestedAt = b.requestedAt;
            this.completedAt = b.completedAt;
            this.prefix = b.prefix;
            this.artifactKey = b.artifactKey;
            this.manifestKey = b.manifestKey;
            this.storedBytes = b.storedBytes;
            this.verificationOutcome = b.verificationOutcome;
            this.failedChecks = b.failedChecks;
            this.reportKey = b.reportKey;
            this.reportPageKey = b.reportPageKey;
            this.verifiedAt = b.verifiedAt;
            this.verificationEventId = b.verificationEventId;
            this.verificationRetryable = b.verificationRetryable;
            this.failureReason = b.failureReason;
            this.failureMessage = b.failureMessage;
            this.failureExitCode = b.failureExitCode;
            this.failedAt = b.failedAt;
            this.deletionReason = b.deletionReason;
            this.deletedAt = b.deletedAt;
            this.firstSeenAt = b.firstSeenAt;
            this.updatedAt = b.updatedAt;
            this.startedAt = b.startedAt;
            this.dumpMillis = b.dumpMillis;
            this.verifyMillis = b.verifyMillis;
            this.restoreMillis = b.restoreMillis;
        }

        public Builder backupId(UUID backupId) {
            this.backupId = backupId;
            return this;
        }

        public Builder requestId(UUID requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder targetId(String targetId) {
            this.targetId = targetId;
            return this;
        }

        public Builder state(BackupState state) {
            this.state = state;
            return this;
        }

        public Builder trigger(Trigger trigger) {
            this.trigger = trigger;
            return this;
        }

        public Builder scheduleId(String scheduleId) {
            this.scheduleId = scheduleId;
            return this;
        }

        public Builder tier(Tier tier) {
            this.tier = tier;
            return this;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder requestedBy(String requestedBy) {
            this.requestedBy = requestedBy;
            return this;
        }

        public Builder requestedAt(Instant requestedAt) {
            this.requestedAt = requestedAt;
            return this;
        }

        public Builder completedAt(Instant completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder artifactKey(String artifactKey) {
            this.artifactKey = artifactKey;
            return this;
        }

        public Builder manifestKey(String manifestKey) {
            this.manifestKey = manifestKey;
            return this;
        }

        public Builder storedBytes(Long storedBytes) {
            this.storedBytes = storedBytes;
            return this;
        }

        public Builder verificationOutcome(Outcome verificationOutcome) {
            this.verificationOutcome = verificationOutcome;
            return this;
        }

        public Builder failedChecks(List<String> failedChecks) {
            this.failedChecks = failedChecks;
            return this;
        }

        public Builder reportKey(String reportKey) {
            this.reportKey = reportKey;
            return this;
        }

        public Builder reportPageKey(String reportPageKey) {
            this.reportPageKey = reportPageKey;
            return this;
        }

        public Builder verifiedAt(Instant verifiedAt) {
            this.verifiedAt = verifiedAt;
            return this;
        }

        public Builder verificationEventId(UUID verificationEventId) {
            this.verificationEventId = verificationEventId;
            return this;
        }

        public Builder verificationRetryable(Boolean verificationRetryable) {
            this.verificationRetryable = verificationRetryable;
            return this;
        }

        public Builder failureReason(FailureReason failureReason) {
            this.failureReason = failureReason;
            return this;
        }

        public Builder failureMessage(String failureMessage) {
            this.failureMessage = failureMessage;
            return this;
        }

        public Builder failureExitCode(Integer failureExitCode) {
            this.failureExitCode = failureExitCode;
            return this;
        }

        public Builder failedAt(Instant failedAt) {
            this.failedAt = failedAt;
            return this;
        }

        public Builder deletionReason(DeletionReason deletionReason) {
            this.deletionReason = deletionReason;
            return this;
        }

        public Builder deletedAt(Instant deletedAt) {
            this.deletedAt = deletedAt;
            return this;
        }

        public Builder firstSeenAt(Instant firstSeenAt) {
            this.firstSeenAt = firstSeenAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        public Builder dumpMillis(Long dumpMillis) {
            this.dumpMillis = dumpMillis;
            return this;
        }

        public Builder verifyMillis(Long verifyMillis) {
            this.verifyMillis = verifyMillis;
            return this;
        }

        public Builder restoreMillis(Long restoreMillis) {
            this.restoreMillis = restoreMillis;
            return this;
        }

        /**
         * The backup.
         *
         * @throws NullPointerException when backupId, targetId or state is missing
         */
        public Backup build() {
            return new Backup(
                    backupId,
                    requestId,
                    targetId,
                    state,
                    trigger,
                    scheduleId,
                    tier,
                    label,
                    requestedBy,
                    requestedAt,
                    completedAt,
                    prefix,
                    artifactKey,
                    manifestKey,
                    storedBytes,
                    verificationOutcome,
                    failedChecks,
                    reportKey,
                    reportPageKey,
                    verifiedAt,
                    verificationEventId,
                    verificationRetryable,
                    failureReason,
                    failureMessage,
                    failureExitCode,
                    failedAt,
                    deletionReason,
                    deletedAt,
                    firstSeenAt,
                    updatedAt,
                    startedAt,
                    dumpMillis,
                    verifyMillis,
                    restoreMillis);
        }
    }
}
