package io.bulwark.retention.application;

import io.bulwark.retention.domain.CatalogedBackup;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The deletions begun and not finished yet, kept in the catalog ({@code deleting_since}). Thread-safe and durable;
 * every method throws a runtime exception when the catalog cannot be reached.
 */
public interface DeletionLedger {

    /** A backup whose deletion began and did not finish. */
    record Pending(CatalogedBackup backup, DeletionIntent intent) {}

    /**
     * Records that the deletion of {@code backupId} begins, unless one began already.
     *
     * @return the intent that stands: {@code intent}, or the one recorded by an earlier, unfinished try
     * @throws IllegalStateException when the backup is not in the catalog or deleted already
     */
    DeletionIntent begin(UUID backupId, DeletionIntent intent);

    /** The intent of an unfinished deletion of {@code backupId}; empty when none began or it finished. */
    Optional<DeletionIntent> intentOf(UUID backupId);

    /** Every unfinished deletion, the oldest first. */
    List<Pending> pending();
}
