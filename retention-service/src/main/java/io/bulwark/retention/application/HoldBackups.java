package io.bulwark.retention.application;

import io.bulwark.retention.domain.CatalogedBackup;
import io.bulwark.retention.domain.Hold;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places and releases holds on backups. A hold is kept in the catalog (the authority: a held backup is never
 * deleted) and, when {@code bulwark.retention.object-lock.mode} is GOVERNANCE or COMPLIANCE, also on every object of
 * the backup in the store ({@link ObjectLocks}). A store without Object Lock, or one that fails, leaves the catalog
 * hold standing; the answer says what the store did.
 *
 * <p>Placing a hold on a backup held already is refused (409): release it first to change its reason or {@code
 * until}, so that no hold is shortened by accident. Thread-safe.
 */
public class HoldBackups {

    private static final Logger log = LoggerFactory.getLogger(HoldBackups.class);

    private final BackupCatalog catalog;
    private final HoldStore holds;
    private final DeletionLedger ledger;
    private final ObjectLocks locks;
    private final Clock clock;

    /** What a place or release did: the hold, and what the store did with its objects. */
    public record Result(Hold hold, Lock objectLock) {}

    /** What the store did: {@link ObjectLocks.Outcome}, or FAILED when it could not be reached or refused. */
    public enum Lock {
        APPLIED,
        OFF,
        UNSUPPORTED,
        FAILED
    }

    /**
     * @param catalog the retention catalog, which must hold the backup
     * @param holds where holds are kept
     * @param ledger the deletions begun, which can no longer be held
     * @param locks Object Lock in the store ({@link ObjectLocks#NONE} when off)
     * @param clock the time of placing and releasing
     */
    public HoldBackups(BackupCatalog catalog, HoldStore holds, DeletionLedger ledger, ObjectLocks locks, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.holds = Objects.requireNonNull(holds, "holds");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Places a hold on a backup.
     *
     * @param backupId the backup
     * @param reason why, not blank, at most {@value Hold#MAX_REASON} characters (trimmed)
     * @param until when the hold lapses by itself, in the future; null for one that stands until released
     * @param by who places it
     * @return the hold and what the store did
     * @throws InvalidRequestException field {@code reason} when it is blank or too long, {@code until} when it is
     *     not in the future
     * @throws BackupNotFoundException when no live backup with that id is in the catalog
     * @throws DeletionInProgressException when its deletion began
     * @throws BackupHeldException when it is held already
     */
    public Result place(UUID backupId, String reason, Instant until, String by) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new InvalidRequestException("reason", "reason must not be blank: say why the backup is held");
        }
        if (why.length() > Hold.MAX_REASON) {
            throw new InvalidRequestException(
                    "reason", "reason must be at most " + Hold.MAX_REASON + " characters but has " + why.length());
        }
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw new InvalidRequestException("until", "until must be in the future but was " + until);
        }
        CatalogedBackup backup = catalog.find(backupId)
                .orElseThrow(
                        () -> new BackupNotFoundException("no live backup " + backupId + " in the retention catalog"));
        if (ledger.intentOf(backupId).isPresent()) {
            throw new DeletionInProgressException(
                    "the deletion of backup " + backupId + " began; it can no longer be held");
        }
        Hold hold = new Hold(backupId, why, by, now, until);
        if (!holds.place(hold)) {
            Hold existing = holds.find(backupId).orElse(hold);
            throw new BackupHeldException("backup " + backupId + " is held already since " + existing.heldAt() + " by "
                    + existing.heldBy() + "; release that hold first to change it");
        }
        log.info("Backup {} of {} held by {} until {}: {}", backupId, backup.targetId(), by, until, why);
        Lock lock = store(() -> locks.lock(backup.prefix(), until), "lock", backup);
        return new Result(hold, lock);
    }

    /**
     * Releases the hold on a backup (recorded in the release audit) and clears the store's lock on its objects.
     *
     * @param backupId the backup
     * @param by who releases it
     * @return the released hold and what the store did
     * @throws HoldNotFoundException when the backup has no hold
     */
    public Result release(UUID backupId, String by) {
        Hold released = holds.release(backupId, by, clock.instant())
                .orElseThrow(() -> new HoldNotFoundException("backup " + backupId + " has no hold to release"));
        log.info("Hold on backup {} released by {} (was: {})", backupId, by, released.reason());
        Lock lock = catalog.find(backupId)
                .map(backup -> store(() -> locks.unlock(backup.prefix(), released.until()), "unlock", backup))
                .orElse(Lock.OFF);
        return new Result(released, lock);
    }

    /** Every hold, lapsed or not, the most recently placed first. */
    public List<Hold> list() {
        return holds.list();
    }

    private Lock store(Supplier<ObjectLocks.Outcome> call, String what, CatalogedBackup backup) {
        try {
            return Lock.valueOf(call.get().name());
        } catch (RuntimeException e) {
            log.error(
                    "Could not {} the objects of backup {} at {} in the store; the hold in the catalog stands"
                            + " regardless: {}",
                    what,
                    backup.backupId(),
                    backup.prefix(),
                    e.toString());
            return Lock.FAILED;
        }
    }
}
