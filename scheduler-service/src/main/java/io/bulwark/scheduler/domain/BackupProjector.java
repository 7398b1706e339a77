package io.bulwark.scheduler.domain;

import io.bulwark.contracts.AlertChanged;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupCopyUpdated;
import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupProgressed;
import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.contracts.RestoreProgressed;
import io.bulwark.contracts.RestoreRequested;
import io.bulwark.contracts.VerificationRequested;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Folds events into the projected {@link Backup}, whatever order they arrive in.
 *
 * <p>Rules, chosen so that every arrival order of the same set of events gives the same backup:
 *
 * <ul>
 *   <li>The state only moves to a state reachable through {@link BackupLifecycle}; a move backwards
 *       (e.g. {@code BackupCompleted} arriving after {@code BackupVerified}) is ignored.
 *   <li>Fields are merged: each event sets the fields it owns and fills the others only where they
 *       are still empty. The request's own fields ({@code trigger}, {@code tier}, {@code label},
 *       ...) win over the copies other events carry. The dump's timings come from {@code BackupCompleted}, the
 *       verification's ({@code verifyMillis}, {@code restoreMillis}) from the latest verification, null when it
 *       carried none.
 *   <li>Of several verifications (re-verification) the latest by {@code occurredAt} (then by event
 *       id) wins, for the state and the verification fields, also when it arrives first. The same
 *       holds for several failed attempts.
 *   <li>De-duplication by event id is the caller's job; applying one event twice gives the same
 *       backup except {@code updatedAt}.
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class BackupProjector {

    private BackupProjector() {}

    /**
     * The backup an event is about: {@code backupId}, else {@code requestId} (they are equal by
     * contract).
     *
     * @throws IllegalArgumentException when the event names neither, or is a progress, verification request or
     *     restore event
     */
    public static UUID backupIdOf(BulwarkEvent event) {
        UUID id = switch (event) {
            case BackupRequested r -> r.backupId();
            case BackupCompleted c -> c.backupId() != null ? c.backupId() : c.requestId();
            case BackupFailed f -> f.backupId() != null ? f.backupId() : f.requestId();
            case BackupVerified v -> v.backupId();
            case BackupDeleted d -> d.backupId();
            case BackupProgressed p -> throw new IllegalArgumentException("progress events are not projected");
            case VerificationRequested v ->
                throw new IllegalArgumentException("verification requests are not projected");
            case RestoreRequested _, RestoreProgressed _, RestoreCompleted _, RestoreFailed _ ->
                throw new IllegalArgumentException("restore events are not projected into backups");
            case BackupCopyUpdated _, AlertChanged _, BackupReportIssued _ ->
                throw new IllegalArgumentException("copy, alert and report events are not projected into backups");
        };
        if (id == null) {
            throw new IllegalArgumentException("backupId is required");
        }
        return id;
    }

    /**
     * Folds {@code event} into {@code current}.
     *
     * @param current the backup so far, or null when no event of it was seen yet
     * @param event a requested, completed, failed, verified or deleted event of that backup
     * @param now the time to stamp as {@code updatedAt} (and {@code firstSeenAt} of a new backup)
     * @return the new backup and what happened to its state
     * @throws IllegalArgumentException when the event lacks a field the projection needs (backup id,
     *     the target id of a new backup, a verification outcome), or is a progress, verification request or
     *     restore event
     */
    public static Projection project(Backup current, BulwarkEvent event, Instant now) {
        UUID backupId = backupIdOf(event);
        if (current != null && !current.backupId().equals(backupId)) {
            throw new IllegalArgumentException("event of backup " + backupId + " folded into " + current.backupId());
        }
        Backup.Builder next =
                current != null ? current.toBuilder() : Backup.builder().backupId(backupId);
        next.targetId(pick(current == null ? null : current.targetId(), event.targetId()));
        if (current == null && event.targetId() == null) {
            throw new IllegalArgumentException("targetId is required");
        }
        BackupState proposed = switch (event) {
            case BackupRequested r -> requested(next, current, r);
            case BackupCompleted c -> completed(next, current, c);
            case BackupFailed f -> failed(next, current, f);
            case BackupVerified v -> verified(next, current, v);
            case BackupDeleted d -> deleted(next, current, d);
            case BackupProgressed p -> throw new IllegalArgumentException("progress events are not projected");
            case VerificationRequested v ->
                throw new IllegalArgumentException("verification requests are not projected");
            case RestoreRequested _, RestoreProgressed _, RestoreCompleted _, RestoreFailed _ ->
                throw new IllegalArgumentException("restore events are not projected into backups");
            case BackupCopyUpdated _, AlertChanged _, BackupReportIssued _ ->
                throw new IllegalArgumentException("copy, alert and report events are not projected into backups");
        };
        BackupState previous = current == null ? null : current.state();
        BackupState state;
        boolean moved;
        if (previous == null) {
            state = Objects.requireNonNull(proposed, "a new backup needs a state");
            moved = true;
        } else if (proposed != null && proposed != previous && BackupLifecycle.canAdvance(previous, proposed)) {
            state = proposed;
            moved = true;
        } else {
            state = previous;
            moved = false;
        }
        Backup backup = next.state(state)
                .firstSeenAt(current != null && current.firstSeenAt() != null ? current.firstSeenAt() : now)
                .updatedAt(now)
                .build();
        return new Projection(backup, previous, proposed, moved);
    }

    private static BackupState requested(Backup.Builder next, Backup current, BackupRequested r) {
        next.targetId(r.targetId())
                .requestId(r.requestId())
                .trigger(r.trigger())
                .tier(r.tier())
                .scheduleId(or(r.scheduleId(), current == null ? null : current.scheduleId()))
                .label(or(r.label(), current == null ? null : current.label()))
                .requestedBy(or(r.requestedBy(), current == null ? null : current.requestedBy()))
                .requestedAt(r.requestedAt());
        return BackupState.REQUESTED;
    }

    private static BackupState completed(Backup.Builder next, Backup current, BackupCompleted c) {
        next.requestId(pick(
                        current == null ? null : current.requestId(),
                        c.requestId() != null ? c.requestId() : c.backupId()))
                .trigger(pick(current == null ? null : current.trigger(), c.trigger()))
                .tier(pick(current == null ? null : current.tier(), c.tier()))
                .label(pick(current == null ? null : current.label(), c.label()))
                .completedAt(c.completedAt() != null ? c.completedAt() : c.occurredAt())
                .prefix(or(c.prefix(), current == null ? null : current.prefix()))
                .manifestKey(or(c.manifestKey(), current == null ? null : current.manifestKey()));
        if (c.artifact() != null) {
            next.artifactKey(c.artifact().key()).storedBytes(c.artifact().storedBytes());
        }
        if (c.startedAt() != null || c.dumpMillis() > 0) {
            next.startedAt(c.startedAt()).dumpMillis(c.dumpMillis());
        }
        return BackupState.COMPLETED;
    }

    private static BackupState failed(Backup.Builder next, Backup current, BackupFailed f) {
        next.requestId(pick(
                current == null ? null : current.requestId(), f.requestId() != null ? f.requestId() : f.backupId()));
        Instant at = f.occurredAt();
        Instant seen = current == null ? null : current.failedAt();
        if (seen == null || (at != null && at.isAfter(seen))) {
            next.failureReason(f.reason())
                    .failureMessage(f.message())
                    .failureExitCode(f.exitCode())
                    .failedAt(at);
        }
        return BackupState.FAILED;
    }

    private static BackupState verified(Backup.Builder next, Backup current, BackupVerified v) {
        if (v.outcome() == null) {
            throw new IllegalArgumentException("outcome is required");
        }
        next.tier(pick(current == null ? null : current.tier(), v.tier()))
                .prefix(pick(current == null ? null : current.prefix(), v.prefix()))
                .completedAt(pick(current == null ? null : current.completedAt(), v.backupCompletedAt()));
        if (current != null
                && !isLater(v.occurredAt(), v.eventId(), current.verifiedAt(), current.verificationEventId())) {
            return null;
        }
        next.verificationOutcome(v.outcome())
                .failedChecks(v.failedChecks().stream().map(CheckResult::name).toList())
                .reportKey(v.reportKey())
                .reportPageKey(v.reportPageKey())
                .verifiedAt(v.occurredAt())
                .verificationEventId(v.eventId())
                .verificationRetryable(v.retryable())
                .verifyMillis(v.timings() == null ? null : v.timings().totalMillis())
                .restoreMillis(v.timings() == null ? null : v.timings().restoreMillis());
        return BackupState.ofVerification(v.outcome());
    }

    private static BackupState deleted(Backup.Builder next, Backup current, BackupDeleted d) {
        Instant seen = current == null ? null : current.deletedAt();
        Instant at = d.occurredAt();
        boolean earlier = seen == null || (at != null && at.isBefore(seen));
        next.prefix(pick(current == null ? null : current.prefix(), d.prefix()));
        if (earlier) {
            next.deletedAt(at).deletionReason(d.reason());
        }
        return BackupState.DELETED;
    }

    /** True when (at, id) is later than (seenAt, seenId); anything is later than nothing. */
    private static boolean isLater(Instant at, UUID id, Instant seenAt, UUID seenId) {
        if (seenAt == null) {
            return true;
        }
        if (at == null) {
            return false;
        }
        int byTime = at.compareTo(seenAt);
        if (byTime != 0) {
            return byTime > 0;
        }
        return seenId == null || (id != null && id.compareTo(seenId) > 0);
    }

    /** The value already there, else the new one: fills gaps only. */
    private static <T> T pick(T existing, T incoming) {
        return existing != null ? existing : incoming;
    }

    /** The new value, else the one already there: the owner's value wins. */
    private static <T> T or(T incoming, T existing) {
        return incoming != null ? incoming : existing;
    }
}
