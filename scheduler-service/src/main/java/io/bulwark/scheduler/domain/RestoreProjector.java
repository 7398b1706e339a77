package io.bulwark.scheduler.domain;

import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.contracts.RestoreProgressed;
import io.bulwark.contracts.RestoreRequested;
import java.time.Instant;
import java.util.UUID;

/**
 * Folds restore events into the projected {@link Restore}, whatever order they arrive in.
 *
 * <p>Rules, chosen so that every arrival order of the same set of events gives the same restore:
 *
 * <ul>
 *   <li>Each kind of event owns one part of the restore: {@code RestoreRequested} the {@link Restore.Request}, {@code
 *       RestoreProgressed} the {@link Restore.Progress}, {@code RestoreCompleted} and {@code RestoreFailed} the
 *       {@link Restore.Result}. The state follows from the parts ({@link Restore#state()}): a result makes it final, a
 *       progress makes it RUNNING, so a progress that arrives after the end changes no state and a completion that
 *       arrives before the request still ends SUCCEEDED.
 *   <li>Of several events of one kind the deciding one is fixed by the events themselves: the earliest request (by
 *       {@code requestedAt}, then event id), the latest progress and the latest result (by {@code occurredAt}, then
 *       the progress's elapsed time, then event id).
 *   <li>{@code backupId} and {@code prefix} are filled from whichever event names them first; the final events'
 *       values win, as they name the backup that was restored.
 *   <li>De-duplication by event id is the caller's job; applying one event twice gives the same restore except
 *       {@code updatedAt}.
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class RestoreProjector {

    private RestoreProjector() {}

    /**
     * The restore an event is about.
     *
     * @throws IllegalArgumentException when the event is no restore event or names no restore id
     */
    public static UUID restoreIdOf(BulwarkEvent event) {
        UUID id = switch (event) {
            case RestoreRequested r -> r.restoreId();
            case RestoreProgressed p -> p.restoreId();
            case RestoreCompleted c -> c.restoreId();
            case RestoreFailed f -> f.restoreId();
            default -> throw new IllegalArgumentException(event.getClass().getSimpleName() + " is no restore event");
        };
        if (id == null) {
            throw new IllegalArgumentException("restoreId is required");
        }
        return id;
    }

    /**
     * Folds {@code event} into {@code current}.
     *
     * @param current the restore so far, or null when no event of it was seen yet
     * @param event a requested, progress, completed or failed event of that restore
     * @param now the time to stamp as {@code updatedAt} (and {@code firstSeenAt} of a new restore)
     * @return the restore after the event
     * @throws IllegalArgumentException when the event is no restore event, names no restore id, belongs to another
     *     restore, or creates a restore without a target id
     */
    public static Restore project(Restore current, BulwarkEvent event, Instant now) {
        UUID restoreId = restoreIdOf(event);
        if (current != null && !current.restoreId().equals(restoreId)) {
            throw new IllegalArgumentException("event of restore " + restoreId + " folded into " + current.restoreId());
        }
        String targetId = current != null ? current.targetId() : event.targetId();
        if (targetId == null) {
            throw new IllegalArgumentException("targetId is required");
        }
        UUID backupId = current == null ? null : current.backupId();
        String prefix = current == null ? null : current.prefix();
        Restore.Request request = current == null ? null : current.request();
        Restore.Progress progress = current == null ? null : current.progress();
        Restore.Result result = current == null ? null : current.result();
        switch (event) {
            case RestoreRequested r -> {
                Restore.Request incoming = Restore.Request.of(r);
                if (request == null || isEarlier(incoming, request)) {
                    request = incoming;
                }
                backupId = pick(backupId, r.backupId());
                prefix = pick(prefix, r.prefix());
            }
            case RestoreProgressed p -> {
                Restore.Progress incoming = Restore.Progress.of(p);
                if (progress == null || isLater(incoming, progress)) {
                    progress = incoming;
                }
                backupId = pick(backupId, p.backupId());
            }
            case RestoreCompleted c -> {
                Restore.Result incoming = Restore.Result.of(c);
                if (result == null || isLater(incoming, result)) {
                    result = incoming;
                }
                backupId = or(c.backupId(), backupId);
                prefix = or(c.prefix(), prefix);
            }
            case RestoreFailed f -> {
                Restore.Result incoming = Restore.Result.of(f);
                if (result == null || isLater(incoming, result)) {
                    result = incoming;
                }
                backupId = or(f.backupId(), backupId);
                prefix = or(f.prefix(), prefix);
            }
            default -> throw new IllegalArgumentException(event.getClass().getSimpleName() + " is no restore event");
        }
        Instant firstSeen = current != null && current.firstSeenAt() != null ? current.firstSeenAt() : now;
        return new Restore(restoreId, targetId, backupId, prefix, request, progress, result, firstSeen, now);
    }

    private static boolean isEarlier(Restore.Request incoming, Restore.Request seen) {
        return compare(incoming.requestedAt(), 0, incoming.eventId(), seen.requestedAt(), 0, seen.eventId()) < 0;
    }

    private static boolean isLater(Restore.Progress incoming, Restore.Progress seen) {
        return compare(
                        incoming.reportedAt(),
                        incoming.elapsedMillis(),
                        incoming.eventId(),
                        seen.reportedAt(),
                        seen.elapsedMillis(),
                        seen.eventId())
                > 0;
    }

    private static boolean isLater(Restore.Result incoming, Restore.Result seen) {
        return compare(incoming.finishedAt(), 0, incoming.eventId(), seen.finishedAt(), 0, seen.eventId()) > 0;
    }

    /** Orders by time (an unknown time before every known one), then by elapsed millis, then by event id. */
    private static int compare(Instant at, long elapsed, UUID id, Instant otherAt, long otherElapsed, UUID otherId) {
        if (at == null || otherAt == null) {
            if (at != otherAt) {
                return at == null ? -1 : 1;
            }
        } else if (!at.equals(otherAt)) {
            return at.compareTo(otherAt);
        }
        if (elapsed != otherElapsed) {
            return Long.compare(elapsed, otherElapsed);
        }
        if (id == null || otherId == null) {
            return id == otherId ? 0 : (id == null ? -1 : 1);
        }
        return id.compareTo(otherId);
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
