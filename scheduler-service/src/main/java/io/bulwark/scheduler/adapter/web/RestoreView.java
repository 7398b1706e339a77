package io.bulwark.scheduler.adapter.web;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestorePhase;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreState;
import io.bulwark.contracts.RestoredDatabase;
import io.bulwark.scheduler.application.DestinationCheck;
import io.bulwark.scheduler.domain.Restore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One restore as the API shows it. Every field is always present (null when unknown); times are ISO-8601 UTC, sizes
 * in bytes. Never holds a credential.
 *
 * @param state REQUESTED, RUNNING, SUCCEEDED or FAILED
 * @param phase the phase of the latest progress (PREPARE, SPOOL, RESTORE, PROVE), or null
 * @param progress the latest progress, or null when none was reported
 * @param request what was asked, or null when the request event was not seen (yet)
 * @param destination where it was restored, once the restore ended (null when no destination was resolved)
 * @param forced true when a backup that was not VERIFIED was restored; null until it ended
 * @param reason why it FAILED, else null
 * @param message why it FAILED, for a person, else null
 * @param databaseDropped true when a FAILED restore dropped the database it had created; null until it ended
 * @param checks the checks of the proof, empty until it ended
 * @param timings where the time went (milliseconds), or null
 * @param reportKey object key of {@code restore.json}, or null
 * @param reportPageKey object key of {@code restore.html}, or null
 * @param finishedAt when it ended, or null
 * @param updatedAt when the projection last changed it
 * @param destinationCheck what the scheduler's pre-check of the destination found: only in the answer of the {@code
 *     POST} that requested the restore, null when read back
 */
public record RestoreView(
        UUID restoreId,
        String targetId,
        UUID backupId,
        String prefix,
        RestoreState state,
        RestorePhase phase,
        ProgressView progress,
        RequestView request,
        RestoredDatabase destination,
        Boolean forced,
        RestoreFailureReason reason,
        String message,
        Boolean databaseDropped,
        List<CheckResult> checks,
        RestoreReport.Timings timings,
        String reportKey,
        String reportPageKey,
        Instant finishedAt,
        Instant updatedAt,
        DestinationCheck destinationCheck) {

    /**
     * The latest progress of a restore.
     *
     * @param bytesRead stored bytes read so far
     * @param bytesTotal the stored artifact's size, 0 when not known yet
     * @param bytesRestored decoded bytes handed to the restore tool so far
     * @param percent {@code bytesRead} of {@code bytesTotal}, 0..100
     * @param etaSeconds estimated seconds left, or null
     * @param elapsedMillis milliseconds since the restore started
     * @param reportedAt when the progress was published, or null
     */
    public record ProgressView(
            long bytesRead,
            long bytesTotal,
            long bytesRestored,
            int percent,
            Long etaSeconds,
            long elapsedMillis,
            Instant reportedAt) {}

    /**
     * What a restore asked for (the confirmation is not shown).
     *
     * @param at the point in time asked for (target restores), or null
     * @param destinationId the configured destination asked for, or null
     * @param destinationTarget the target whose server was asked for, or null
     * @param database the database asked for, or null for a new one
     * @param replace true when an existing database is replaced
     * @param force true when a backup that is not VERIFIED may be restored
     * @param jobs parallel restore jobs, or null for one
     * @param schemas the schemas asked for, empty for all
     * @param tables the tables asked for, empty for all
     * @param requestedBy who asked, or null
     * @param requestedAt when it was asked for, or null
     */
    public record RequestView(
            Instant at,
            String destinationId,
            String destinationTarget,
            String database,
            boolean replace,
            boolean force,
            Integer jobs,
            List<String> schemas,
            List<String> tables,
            String requestedBy,
            Instant requestedAt) {}

    /** The view of {@code restore}, without a pre-check. */
    public static RestoreView of(Restore restore) {
        return of(restore, null);
    }

    /** The view of {@code restore} with what the pre-check of its destination found. */
    public static RestoreView of(Restore r, DestinationCheck destinationCheck) {
        Restore.Progress p = r.progress();
        Restore.Request q = r.request();
        Restore.Result s = r.result();
        return new RestoreView(
                r.restoreId(),
                r.targetId(),
                r.backupId(),
                r.prefix(),
                r.state(),
                p == null ? null : p.phase(),
                p == null
                        ? null
                        : new ProgressView(
                                p.bytesRead(),
                                p.bytesTotal(),
                                p.bytesRestored(),
                                p.percent(),
                                p.etaSeconds(),
                                p.elapsedMillis(),
                                p.reportedAt()),
                q == null
                        ? null
                        : new RequestView(
                                q.at(),
                                q.destinationId(),
                                q.destinationTarget(),
                                q.database(),
                                q.replace(),
                                q.force(),
                                q.jobs(),
                                q.schemas(),
                                q.tables(),
                                q.requestedBy(),
                                q.requestedAt()),
                s == null ? null : s.destination(),
                s == null ? null : s.forced(),
                s == null ? null : s.reason(),
                s == null ? null : s.message(),
                s == null ? null : s.databaseDropped(),
                s == null ? List.of() : s.checks(),
                s == null ? null : s.timings(),
                s == null ? null : s.reportKey(),
                s == null ? null : s.reportPageKey(),
                s == null ? null : s.finishedAt(),
                r.updatedAt(),
                destinationCheck);
    }
}
