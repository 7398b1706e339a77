package io.bulwark.scheduler.adapter.web;

import io.bulwark.scheduler.application.LastVerified;
import io.bulwark.scheduler.application.TargetStatus;
import io.bulwark.scheduler.domain.BackupState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A target as {@code GET /api/targets} shows it.
 *
 * @param id the target id
 * @param engine the configured engine
 * @param rpo the recovery point objective, ISO-8601 ({@code PT25H})
 * @param rto the recovery time objective, ISO-8601 ({@code PT1H})
 * @param rpoSeconds the recovery point objective in seconds
 * @param rtoSeconds the recovery time objective in seconds
 * @param health GREEN, AMBER, RED or UNKNOWN
 * @param healthReason why, for people
 * @param lastBackup the newest backup of any state, or null
 * @param lastVerified the newest VERIFIED backup with its age, or null
 * @param storedBytes the sum of the stored sizes of its backups that are not DELETED
 * @param backupCount how many of its backups are not DELETED
 * @param nextRuns its next scheduled backups, soonest first
 */
public record TargetView(
        String id,
        String engine,
        String rpo,
        String rto,
        long rpoSeconds,
        long rtoSeconds,
        String health,
        String healthReason,
        LastBackupView lastBackup,
        LastVerified lastVerified,
        long storedBytes,
        long backupCount,
        List<NextRunView> nextRuns) {

    /**
     * The newest backup.
     *
     * @param backupId the backup
     * @param state its state
     * @param at when it was requested (else completed, else first seen)
     */
    public record LastBackupView(UUID backupId, BackupState state, Instant at) {}

    /**
     * A coming scheduled backup.
     *
     * @param name the schedule
     * @param at when it fires
     */
    public record NextRunView(String name, Instant at) {}

    /** The view of {@code status}. */
    public static TargetView of(TargetStatus status) {
        var settings = status.settings();
        var last = status.lastBackup();
        return new TargetView(
                settings.id(),
                settings.engine(),
                settings.rpo().toString(),
                settings.rto().toString(),
                settings.rpo().toSeconds(),
                settings.rto().toSeconds(),
                status.health().status().name(),
                status.health().reason(),
                last == null ? null : new LastBackupView(last.backupId(), last.state(), last.at()),
                status.lastVerified(),
                status.storedBytes(),
                status.backupCount(),
                status.nextRuns().stream()
                        .map(r -> new NextRunView(r.name(), r.at()))
                        .toList());
    }
}
