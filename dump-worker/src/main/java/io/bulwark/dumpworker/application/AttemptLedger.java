package io.bulwark.dumpworker.application;

import java.util.UUID;

/**
 * Counts the attempts of each backup durably, so that a request whose worker was killed mid-dump
 * (and which Kafka therefore delivers again) is attempted a bounded number of times in all.
 *
 * <p>Implementations are thread-safe; calls for one backup never overlap (one target is dumped by
 * one thread at a time).
 */
public interface AttemptLedger {

    /**
     * Records that an attempt of {@code backupId} starts.
     *
     * @return the number of this attempt, 1 for the first
     * @throws io.bulwark.artifacts.ObjectStoreException when the record cannot be read or written
     */
    int begin(String targetId, UUID backupId);

    /** Forgets the attempts of {@code backupId}, once it has an outcome; best effort, never throws. */
    void finish(String targetId, UUID backupId);
}
