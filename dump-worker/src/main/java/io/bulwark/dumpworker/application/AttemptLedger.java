package io.bulwark.dumpworker.application;

import java.util.UUID;

/**
 * Counts the attempts of each backup durably, so that a request whose worker was killed mid-dump
 * (and which Kafka therefore delivers again) is attempted a bounded number of times in all. An
 * attempt cut short by an object-store outage ({@link #interrupted}) is not a death: the delivery
 * after it does not count another one, however long the outage.
 *
 * <p>Implementations are thread-safe; calls for one backup never overlap (one target is dumped by
 * one thread at a time).
 */
public interface AttemptLedger {

    /**
     * The attempts of {@code backupId} recorded so far: 0 when none began, or when the last one ended with an outcome
     * ({@link #finish}). An attempt is recorded before it writes anything, so a backup without a record has no
     * incomplete upload of its own unless a clean-up failed.
     *
     * @throws io.bulwark.artifacts.ObjectStoreException when the record cannot be read
     */
    int recorded(String targetId, UUID backupId);

    /**
     * Records that an attempt of {@code backupId} starts.
     *
     * @param recorded what {@link #recorded} returned for it just before
     * @return the number of this attempt, 1 for the first
     * @throws io.bulwark.artifacts.ObjectStoreException when the record cannot be written
     */
    int begin(String targetId, UUID backupId, int recorded);

    /**
     * Records that attempt {@code attempt} of {@code backupId} (the number {@link #begin} returned) ended without an
     * outcome because the object store is unavailable: the request is delivered again, and the next {@link #begin} of
     * {@code backupId} in this process returns {@code attempt} again instead of counting another, as long as the
     * durable count still says {@code attempt} (no other worker attempted it meanwhile). Writes nothing (the store is
     * down); never throws.
     *
     * @param attempt the number of the interrupted attempt, at least 1
     */
    void interrupted(String targetId, UUID backupId, int attempt);

    /** Forgets the attempts of {@code backupId}, once it has an outcome; best effort, never throws. */
    void finish(String targetId, UUID backupId);
}
