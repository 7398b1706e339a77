package io.bulwark.scheduler.application;

import io.bulwark.contracts.RestoreState;
import io.bulwark.scheduler.domain.Restore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the stored projection of every restore, and the ids of the events already folded into it (shared with the
 * {@link BackupCatalog}: event ids are unique across all topics).
 *
 * <p>Implementations are thread-safe. {@link #lock}, {@link #markProcessed} and {@link #save} must run inside the
 * caller's transaction; the lock is held until it ends. Storage failures surface as unchecked exceptions of the
 * implementation.
 */
public interface RestoreCatalog {

    /**
     * Serializes projections of one restore: blocks until no other transaction holds the lock of {@code restoreId},
     * then holds it until the current transaction ends.
     */
    void lock(UUID restoreId);

    /**
     * Records that {@code eventId} was processed.
     *
     * @param eventType the logical event type, e.g. {@code bulwark.restore.progress}
     * @param at when it was processed
     * @return true when the event is new, false when it was processed before (a duplicate)
     */
    boolean markProcessed(UUID eventId, String eventType, Instant at);

    /** The restore with that id, if any event of it was projected. */
    Optional<Restore> find(UUID restoreId);

    /** Inserts or replaces the restore (keyed by its id). */
    void save(Restore restore);

    /**
     * Restores, newest first (by request time, else first sight).
     *
     * @param targetId only this target's, or null for all
     * @param state only those in this state, or null for all
     * @param limit at most this many, 1 or more
     */
    List<Restore> list(String targetId, RestoreState state, int limit);
}
