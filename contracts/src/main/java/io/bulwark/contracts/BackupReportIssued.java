package io.bulwark.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The periodic backup report (weekly by default), published on {@link Topics#REPORT} by the scheduler; the notifier
 * sends it to the channels that take reports. Its {@code targetId} is {@link BulwarkEvent#ALL_TARGETS}.
 *
 * @param reportId the report's id; the same when the same period is published again
 * @param periodStart the start of the period covered (inclusive)
 * @param periodEnd its end (exclusive)
 * @param targets one summary per configured target, ordered by target id
 * @param link the dashboard, or null when no public URL is configured
 */
public record BackupReportIssued(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String targetId,
        UUID reportId,
        Instant periodStart,
        Instant periodEnd,
        List<TargetSummary> targets,
        String link)
        implements BulwarkEvent {

    public static final int SCHEMA_VERSION = 1;

    public BackupReportIssued {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /**
     * One target's period.
     *
     * @param targetId the target
     * @param backupsTaken backups completed in the period
     * @param backupsVerified of those, verified PASSED
     * @param backupsFailed backups that failed, or whose verification FAILED or ended in ERROR
     * @param rpoSeconds the target's recovery point objective, in seconds
     * @param rpoMet true when a VERIFIED backup newer than the RPO exists at the period's end
     * @param rtoSeconds the recovery time objective, in seconds
     * @param restoreP95Seconds the 95th percentile of measured restore times in the period, or null without one
     * @param rtoMet true when {@code restoreP95Seconds} is within the RTO; null without a measured restore
     * @param latestVerifiedAt when the newest VERIFIED backup was taken, or null
     * @param storageBytes bytes stored for the target's live backups at the period's end
     * @param storageGrowthBytes change of {@code storageBytes} over the period (negative when it shrank)
     * @param openAlerts alerts of the target open at the period's end
     */
    public record TargetSummary(
            String targetId,
            int backupsTaken,
            int backupsVerified,
            int backupsFailed,
            long rpoSeconds,
            boolean rpoMet,
            long rtoSeconds,
            Double restoreP95Seconds,
            Boolean rtoMet,
            Instant latestVerifiedAt,
            long storageBytes,
            long storageGrowthBytes,
            int openAlerts) {}
}
