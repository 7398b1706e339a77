package io.bulwark.scheduler.application.reports;

import java.time.Instant;

/** Port: how many bytes a target's backups occupied in the store at a moment, from the backup projection. */
public interface StoredBytesHistory {

    /**
     * The sum of the stored sizes of the target's backups that were completed before {@code at} and not deleted
     * before it.
     *
     * @param targetId the target
     * @param at the moment
     * @return bytes, 0 or more
     */
    long storedBytesAt(String targetId, Instant at);
}
