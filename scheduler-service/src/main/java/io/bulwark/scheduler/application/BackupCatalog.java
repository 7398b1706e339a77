package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the stored projection of every backup, and the ids of the events already folded into it.
 *
 * <p>Implementations are thread-safe. {@link #lock}, {@link #markProcessed} and {@link #save} must
 * run inside the caller's transaction; the lock is held until it ends. Storage failures surface as
 * unchecked exceptions of the implementation.
 */
public interface BackupCatalog {

    /**
     * Serializes projections of one backup: blocks until no other transaction holds the lock of
     * {@code backupId}, then holds it until the current transaction ends.
     */
    void lock(UUID backupId);

    /**
     * Records that {@code eventId} was processed.
     *
     * @param eventType the logical event type, e.g. {@code bulwark.backup.completed}
     * @param at when it was processed
     * @return true when the event is new, false when it was processed before (a duplicate)
     */
    boolean markProcessed(UUID eventId, String eventType, Instant at);

    /** The backup with that id, if any event of it was projected. */
    Optional<Backup> find(UUID backupId);

    /** Inserts or replaces the backup (keyed by its id). */
    void save(Backup backup);

    /**
     * Backups, newest first (by request time, else completion time, else first sight).
     *
     * @param targetId only this target's, or null for all
     * @param state only those in this state, or null for all
     * @param limit at most this many, 1 or more
     */
    List<Backup> list(String targetId, BackupState state, int limit);

    /**
     * The newest VERIFIED backup of a target with something stored (a prefix), by completion time (else request time,
     * else first sight), for a restore of the target's latest good state.
     *
     * @param targetId the target
     * @param at only backups completed at or before this time, or null for the newest of all
     * @return the backup, or empty when the target has none
     */
    Optional<Backup> newestVerified(String targetId, Instant at);

    /**
     * Backups whose verification ended ERROR and that are due to be verified again: in state VERIFICATION_ERROR
     * with something stored, not marked as not worth retrying by the verifier ({@code retryable} false), requested
     * again fewer than {@code maxRequests} times, and whose last verdict and last
     * re-request are both older than {@code backoff} doubled per earlier re-request ({@code backoff * 2^requests}).
     *
     * @param now the current time
     * @param backoff the wait after the first ERROR, positive
     * @param maxRequests how many re-requests at most, 1 or more
     * @param limit at most this many, oldest verdict first
     */
    List<ReverifyCandidate> dueForReverification(Instant now, Duration backoff, int maxRequests, int limit);

    /**
     * Claims the next re-request of {@code candidate}: counts it and records {@code now}, only when no one else
     * (another scheduler instance) counted one since {@code candidate} was read. Outside any transaction.
     *
     * @return true when this caller claimed it and should publish the request
     */
    boolean claimReverification(ReverifyCandidate candidate, Instant now);

    /**
     * A backup due to be verified again.
     *
     * @param backupId the backup
     * @param requests how many times it was requested again so far
     */
    record ReverifyCandidate(UUID backupId, int requests) {}
}
