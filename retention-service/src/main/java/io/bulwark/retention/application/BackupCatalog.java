package io.bulwark.retention.application;

import io.bulwark.retention.domain.CatalogedBackup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The retention service's own record of backups and of the events it has processed.
 *
 * <p>Implementations are thread-safe and durable; every method throws a runtime exception when the
 * catalog cannot be reached.
 */
public interface BackupCatalog {

    /**
     * Records a verification of a backup, once per event.
     *
     * <p>In one transaction: remembers {@code eventId}; when it was not seen before, inserts the
     * backup or, when it is already cataloged and not deleted, replaces its verdict and verification
     * time with these ones (a re-verification). A deleted backup is never revived.
     *
     * @param eventId the id of the {@code BackupVerified} event
     * @param backup the backup with its latest verdict
     * @param verifiedAt when the verification was reported
     * @return false when {@code eventId} was processed before and nothing changed
     */
    boolean recordVerification(UUID eventId, CatalogedBackup backup, Instant verifiedAt);

    /**
     * True when the event {@code eventId} was recorded before (a redelivery); false by default, for a catalog that
     * cannot tell.
     */
    default boolean processed(UUID eventId) {
        return false;
    }

    /**
     * The backup {@code backupId} unless it is deleted, also while its deletion is under way, with its standing
     * hold; empty when it is not in the catalog or deleted.
     */
    Optional<CatalogedBackup> find(UUID backupId);

    /**
     * The live backups of {@code targetId}, in no particular order: neither deleted nor being deleted, each with the
     * reason of its standing hold ({@link CatalogedBackup#hold()}, null when none).
     */
    List<CatalogedBackup> liveBackups(String targetId);

    /** The ids of the targets that have at least one live backup, sorted. */
    List<String> targetsWithLiveBackups();

    /**
     * Marks a backup deleted at {@code deletedAt}; marking an already deleted backup changes nothing.
     */
    void markDeleted(UUID backupId, Instant deletedAt);
}
