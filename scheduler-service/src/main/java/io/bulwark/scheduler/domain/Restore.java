package io.bulwark.scheduler.domain;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestorePhase;
import io.bulwark.contracts.RestoreProgressed;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreRequested;
import io.bulwark.contracts.RestoreState;
import io.bulwark.contracts.RestoredDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One restore as projected from the {@code bulwark.restore.*} events. Immutable; {@link RestoreProjector} makes the
 * next version. It holds three parts, each from one kind of event and each null until such an event was seen: what
 * was asked ({@link Request}), the latest progress ({@link Progress}) and the end ({@link Result}). The state follows
 * from them (see {@link #state()}), so it never goes backwards whatever order the events arrive in.
 *
 * @param restoreId the restore
 * @param targetId the target whose backup is restored
 * @param backupId the backup restored, or null until an event names it
 * @param prefix the backup's object-key prefix, or null until an event names it
 * @param request what was asked, or null when no {@code RestoreRequested} was seen (yet)
 * @param progress the latest progress, or null when none was seen
 * @param result how it ended, or null while it has not
 * @param firstSeenAt when the projection first saw an event of it
 * @param updatedAt when the projection last changed it
 */
public record Restore(
        UUID restoreId,
        String targetId,
        UUID backupId,
        String prefix,
        Request request,
        Progress progress,
        Result result,
        Instant firstSeenAt,
        Instant updatedAt) {

    /** @throws NullPointerException when restoreId or targetId is missing */
    public Restore {
        Objects.requireNonNull(restoreId, "restoreId");
        Objects.requireNonNull(targetId, "targetId");
    }

    /**
     * Where the restore stands: the result's state (SUCCEEDED or FAILED) once it ended, else RUNNING once a progress
     * was seen, else REQUESTED. A final state is never left again.
     */
    public RestoreState state() {
        if (result != null) {
            return result.state();
        }
        return progress != null ? RestoreState.RUNNING : RestoreState.REQUESTED;
    }

    /**
     * What was asked ({@link RestoreRequested}); the confirmation is not kept.
     *
     * @param eventId the request event's id
     * @param at the point in time asked for (restore of a target's newest backup), or null
     * @param destinationId the configured destination asked for, or null
     * @param destinationTarget the target whose server was asked for, or null
     * @param database the database asked for, or null for a new one
     * @param replace true when an existing database is to be replaced
     * @param schemas the schemas asked for, empty for all
     * @param tables the tables asked for, empty for all
     * @param force true when a backup that is not VERIFIED may be restored
     * @param jobs parallel restore jobs, or null for one
     * @param requestedBy who asked, or null
     * @param requestedAt when it was asked for, or null
     */
    public record Request(
            UUID eventId,
            Instant at,
            String destinationId,
            String destinationTarget,
            String database,
            boolean replace,
            List<String> schemas,
            List<String> tables,
            boolean force,
            Integer jobs,
            String requestedBy,
            Instant requestedAt) {

        public Request {
            schemas = schemas == null ? List.of() : List.copyOf(schemas);
            tables = tables == null ? List.of() : List.copyOf(tables);
        }

        /** The request an event carries. */
        public static Request of(RestoreRequested r) {
            return new Request(
                    r.eventId(),
                    r.at(),
                    r.destinationId(),
                    r.destinationTarget(),
                    r.database(),
                    r.replace(),
                    r.schemas(),
                    r.tables(),
                    r.force(),
                    r.jobs(),
                    r.requestedBy(),
                    r.requestedAt());
        }
    }

    /**
     * The latest progress ({@link RestoreProgressed}); sizes in bytes.
     *
     * @param eventId the progress event's id
     * @param reportedAt when it was published, or null when the event did not say
     * @param phase what the restore was doing, or null when the event did not say
     * @param bytesRead stored bytes read so far
     * @param bytesTotal the stored artifact's size, 0 when not known yet
     * @param bytesRestored decoded bytes handed to the restore tool so far
     * @param percent {@code bytesRead} of {@code bytesTotal}, 0..100
     * @param etaSeconds estimated seconds left, or null when not known
     * @param elapsedMillis milliseconds since the restore started
     */
    public record Progress(
            UUID eventId,
            Instant reportedAt,
            RestorePhase phase,
            long bytesRead,
            long bytesTotal,
            long bytesRestored,
            int percent,
            Long etaSeconds,
            long elapsedMillis) {

        /** The progress an event carries. */
        public static Progress of(RestoreProgressed p) {
            return new Progress(
                    p.eventId(),
                    p.occurredAt(),
                    p.phase(),
                    p.bytesRead(),
                    p.bytesTotal(),
                    p.bytesRestored(),
                    p.percent(),
                    p.etaSeconds(),
                    p.elapsedMillis());
        }
    }

    /**
     * How the restore ended ({@link RestoreCompleted} or {@link RestoreFailed}).
     *
     * @param eventId the final event's id
     * @param finishedAt when it was published, or null when the event did not say
     * @param state SUCCEEDED or FAILED
     * @param reason why it FAILED, null when it SUCCEEDED
     * @param message why it FAILED, for a person; null when it SUCCEEDED
     * @param destination where it was restored (never a credential), or null when none was resolved
     * @param forced true when a backup that was not VERIFIED was restored
     * @param databaseDropped true when a FAILED restore dropped the database it had created
     * @param checks the checks of the proof, empty when none ran
     * @param timings where the time went, or null when not reported
     * @param reportKey object key of {@code restore.json}, or null
     * @param reportPageKey object key of {@code restore.html}, or null
     */
    public record Result(
            UUID eventId,
            Instant finishedAt,
            RestoreState state,
            RestoreFailureReason reason,
            String message,
            RestoredDatabase destination,
            boolean forced,
            boolean databaseDropped,
            List<CheckResult> checks,
            RestoreReport.Timings timings,
            String reportKey,
            String reportPageKey) {

        /** @throws IllegalArgumentException when the state is not SUCCEEDED or FAILED */
        public Result {
            if (state != RestoreState.SUCCEEDED && state != RestoreState.FAILED) {
                throw new IllegalArgumentException("a result is SUCCEEDED or FAILED but was " + state);
            }
            checks = checks == null ? List.of() : List.copyOf(checks);
        }

        /** The result a {@link RestoreCompleted} carries: SUCCEEDED. */
        public static Result of(RestoreCompleted c) {
            return new Result(
                    c.eventId(),
                    c.occurredAt(),
                    RestoreState.SUCCEEDED,
                    null,
                    null,
                    c.destination(),
                    c.forced(),
                    false,
                    c.checks(),
                    c.timings(),
                    c.reportKey(),
                    c.reportPageKey());
        }

        /** The result a {@link RestoreFailed} carries: FAILED. */
        public static Result of(RestoreFailed f) {
            return new Result(
                    f.eventId(),
                    f.occurredAt(),
                    RestoreState.FAILED,
                    f.reason(),
                    f.message(),
                    f.destination(),
                    false,
                    f.databaseDropped(),
                    f.checks(),
                    null,
                    f.reportKey(),
                    f.reportPageKey());
        }
    }
}
