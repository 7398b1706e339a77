package io.bulwark.retention.application;

import io.bulwark.retention.domain.Hold;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The holds on backups and the audit of their releases. Thread-safe and durable; every method throws a runtime
 * exception when the store cannot be reached.
 */
public interface HoldStore {

    /** The hold on {@code backupId}, lapsed or not; empty when there is none. */
    Optional<Hold> find(UUID backupId);

    /**
     * Places {@code hold}, unless the backup has one already.
     *
     * @return false when the backup was held already (nothing changed)
     */
    boolean place(Hold hold);

    /**
     * Removes the hold on {@code backupId} and records the release (the hold as it was, {@code releasedBy}, {@code
     * releasedAt}) in the audit, in one transaction.
     *
     * @return the released hold; empty when there was none (nothing recorded)
     */
    Optional<Hold> release(UUID backupId, String releasedBy, Instant releasedAt);

    /** Every hold, lapsed or not, the most recently placed first. */
    List<Hold> list();
}
