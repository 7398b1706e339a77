package io.bulwark.retention.application;

import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.DeletionReason;
import io.bulwark.retention.domain.CatalogedBackup;
import io.bulwark.retention.domain.Hold;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes one backup safely, for the retention sweep and for a person alike, in this order:
 *
 * <ol>
 *   <li>refuses a backup under a standing hold ({@link BackupHeldException});
 *   <li>lists its objects and their sizes, and records the intent in the catalog ({@link DeletionLedger#begin}:
 *       {@code deleting_since}, reason, rule, object count, bytes);
 *   <li>deletes the manifest first, so that a backup cut short is no longer a backup anyone could restore;
 *   <li>deletes the rest of the prefix (and aborts incomplete uploads under it);
 *   <li>publishes {@link BackupDeleted} ({@code policy} = the rule, {@code bytesReclaimed} = the listed bytes);
 *   <li>marks the backup deleted.
 * </ol>
 *
 * <p>A deletion cut short at any step (a crash, the store or the broker down) is finished by {@link #resumePending}
 * with the facts recorded in step 2; every step is idempotent and the event id is derived from the backup id, so a
 * consumer sees one event id however often it is published. Thread-safe.
 */
public class DeleteBackup {

    private static final Logger log = LoggerFactory.getLogger(DeleteBackup.class);

    private final BackupCatalog catalog;
    private final DeletionLedger ledger;
    private final HoldStore holds;
    private final ObjectStore store;
    private final DeletionPublisher publisher;
    private final Clock clock;
    private final LongConsumer reclaimedBytes;

    /**
     * @param catalog the retention catalog (finds backups, marks them deleted)
     * @param ledger where the intent of each deletion is recorded
     * @param holds the holds, checked before a deletion begins
     * @param store the bucket holding the backups
     * @param publisher publishes {@code BackupDeleted}
     * @param clock the time of intents and events
     * @param reclaimedBytes told the bytes of each finished deletion (a metrics counter)
     */
    public DeleteBackup(
            BackupCatalog catalog,
            DeletionLedger ledger,
            HoldStore holds,
            ObjectStore store,
            DeletionPublisher publisher,
            Clock clock,
            LongConsumer reclaimedBytes) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.holds = Objects.requireNonNull(holds, "holds");
        this.store = Objects.requireNonNull(store, "store");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reclaimedBytes = Objects.requireNonNull(reclaimedBytes, "reclaimedBytes");
    }

    /**
     * Deletes {@code backup}, or finishes its deletion when one began before (then with the reason and rule recorded
     * then).
     *
     * @param reason why it goes
     * @param rule the rule that lets it go, e.g. {@code keepLast=7}; it becomes {@code BackupDeleted.policy}
     * @return the event published
     * @throws BackupHeldException when a standing hold is on the backup (nothing changed)
     * @throws RuntimeException when the catalog, the store or the broker fails; the deletion is then finished by the
     *     next {@link #resumePending} (or call)
     */
    public BackupDeleted delete(CatalogedBackup backup, DeletionReason reason, String rule) {
        Optional<DeletionIntent> begun = ledger.intentOf(backup.backupId());
        if (begun.isPresent()) {
            return finish(backup, begun.get());
        }
        Optional<Hold> hold = holds.find(backup.backupId()).filter(h -> h.standsAt(clock.instant()));
        if (hold.isPresent()) {
            throw new BackupHeldException("backup " + backup.backupId() + " is held since "
                    + hold.get().heldAt() + " by " + hold.get().heldBy() + " ("
                    + hold.get().reason() + "); release the hold first");
        }
        DeletionIntent intent = ledger.begin(backup.backupId(), measure(backup, reason, rule));
        return finish(backup, intent);
    }

    /**
     * Deletes a backup a person asked to delete ({@code DELETE /api/backups/{id}}).
     *
     * @param backupId the backup
     * @param confirm must be the backup id again, so that no backup is deleted by a slip
     * @param actor who asks: the caller's principal name
     * @return the event published (reason {@code MANUAL}, policy {@code manual: deleted by <actor>})
     * @throws InvalidRequestException (field {@code confirm}) when {@code confirm} is not the backup id
     * @throws BackupNotFoundException when no live backup has that id
     * @throws BackupHeldException when a standing hold is on it
     */
    public BackupDeleted deleteManually(UUID backupId, String confirm, String actor) {
        if (confirm == null || !confirm.trim().equalsIgnoreCase(backupId.toString())) {
            throw new InvalidRequestException(
                    "confirm", "confirm must repeat the backup id " + backupId + " to delete it");
        }
        CatalogedBackup backup = catalog.find(backupId)
                .orElseThrow(
                        () -> new BackupNotFoundException("no live backup " + backupId + " in the retention catalog"));
        return delete(backup, DeletionReason.MANUAL, "manual: deleted by " + actor);
    }

    /**
     * Finishes every deletion that began and did not finish, the oldest first; one that fails again is logged and
     * left for the next call.
     *
     * @return the events of the deletions finished now
     */
    public List<BackupDeleted> resumePending() {
        List<BackupDeleted> finished = new ArrayList<>();
        for (DeletionLedger.Pending pending : ledger.pending()) {
            CatalogedBackup backup = pending.backup();
            log.info(
                    "Resuming the deletion of backup {} of {} begun at {} ({})",
                    backup.backupId(),
                    backup.targetId(),
                    pending.intent().since(),
                    pending.intent().rule());
            try {
                finished.add(finish(backup, pending.intent()));
            } catch (RuntimeException e) {
                log.error(
                        "Could not finish deleting backup {} of {} at {}; retried on the next sweep: {}",
                        backup.backupId(),
                        backup.targetId(),
                        backup.prefix(),
                        e.toString());
            }
        }
        return List.copyOf(finished);
    }

    /** The same id every time for the same backup, so a re-published deletion is recognised. */
    public static UUID deletionEventId(UUID backupId) {
        return UUID.nameUUIDFromBytes(("bulwark.backup.deleted:" + backupId).getBytes(StandardCharsets.UTF_8));
    }

    private DeletionIntent measure(CatalogedBackup backup, DeletionReason reason, String rule) {
        List<String> keys = store.list(backup.prefix());
        long bytes = 0;
        int objects = 0;
        for (String key : keys) {
            try {
                bytes += store.size(key);
                objects++;
            } catch (ObjectNotFoundException gone) {
                // deleted between listing and sizing: not reclaimed by this deletion
            }
        }
        return new DeletionIntent(reason, rule, objects, bytes, clock.instant());
    }

    private BackupDeleted finish(CatalogedBackup backup, DeletionIntent intent) {
        store.delete(ObjectKeys.manifestKey(backup.prefix()));
        store.deletePrefix(backup.prefix());
        store.abortIncompleteUploads(backup.prefix(), Duration.ZERO);
        BackupDeleted event = new BackupDeleted(
                deletionEventId(backup.backupId()),
                clock.instant(),
                BackupDeleted.SCHEMA_VERSION,
                backup.backupId(),
                backup.targetId(),
                intent.reason(),
                intent.rule(),
                backup.prefix(),
                intent.objects(),
                intent.bytes());
        publisher.publish(event);
        catalog.markDeleted(backup.backupId(), event.occurredAt());
        reclaimedBytes.accept(intent.bytes());
        log.info(
                "Deleted backup {} of {} ({} objects, {} bytes under {}): {} [{}]",
                backup.backupId(),
                backup.targetId(),
                intent.objects(),
                intent.bytes(),
                backup.prefix(),
                intent.reason(),
                intent.rule());
        return event;
    }
}
