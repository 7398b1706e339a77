package io.bulwark.retention.application;

import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.contracts.Outcome;
import io.bulwark.retention.domain.BackupCopy;
import io.bulwark.retention.domain.CatalogedBackup;
import io.bulwark.retention.domain.CopyStatus;
import io.bulwark.retention.domain.RetentionDecision;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each copy store's own retention ({@code bulwark.copies.<copyId>.retention}, see {@link
 * io.bulwark.retention.domain.CopyRetentionPolicy}) on the retention sweep: every COPIED copy the policy lets go is
 * removed from that copy store, manifest first (a copy without a manifest is no restorable backup, so a half-removed
 * copy is never taken for a whole one), then the other objects; the copy becomes DELETED and is announced.
 *
 * <p>Independent of the primary store: a backup deleted there keeps its copies until their own policy lets them go. A
 * removal that fails leaves the copy COPIED and is retried on the next sweep. Not thread-safe on its own: the copy job
 * runs it on the same thread as {@link CopyBackups}.
 */
public class ExpireCopies {

    private static final Logger log = LoggerFactory.getLogger(ExpireCopies.class);

    private final CopyCatalog catalog;
    private final List<CopyDestination> destinations;
    private final AnnounceCopies announcer;
    private final Clock clock;

    public ExpireCopies(
            CopyCatalog catalog, List<CopyDestination> destinations, AnnounceCopies announcer, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.destinations = List.copyOf(destinations);
        this.announcer = Objects.requireNonNull(announcer, "announcer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Applies every copy store's policy, then announces the new states.
     *
     * @return the copies DELETED by this run
     */
    public List<BackupCopy> expireAll() {
        List<BackupCopy> deleted = new ArrayList<>();
        for (CopyDestination destination : destinations) {
            try {
                deleted.addAll(expire(destination));
            } catch (RuntimeException e) {
                log.error(
                        "Could not apply the retention of copy store {}; retried on the next sweep: {}",
                        destination.copyId(),
                        e.toString());
            }
        }
        announcer.announce();
        return List.copyOf(deleted);
    }

    private List<BackupCopy> expire(CopyDestination destination) {
        Map<UUID, BackupCopy> byBackup = new HashMap<>();
        List<CatalogedBackup> held = new ArrayList<>();
        for (BackupCopy copy : catalog.copied(destination.copyId())) {
            byBackup.put(copy.backupId(), copy);
            held.add(new CatalogedBackup(
                    copy.backupId(), copy.targetId(), copy.prefix(), null, copy.completedAt(), Outcome.PASSED));
        }
        List<BackupCopy> deleted = new ArrayList<>();
        for (RetentionDecision decision : destination.retention().decide(held, clock.instant())) {
            if (!decision.expires()) {
                continue;
            }
            BackupCopy copy = byBackup.get(decision.backup().backupId());
            String rule = decision.reason() + " [" + destination.retention().name() + "]";
            try {
                remove(destination.store(), copy, rule).ifPresent(deleted::add);
            } catch (RuntimeException e) {
                log.error(
                        "Could not remove copy {} ({}); it stays and is retried on the next sweep: {}",
                        copy.describe(),
                        rule,
                        e.toString());
            }
        }
        return deleted;
    }

    private Optional<BackupCopy> remove(CopyStore store, BackupCopy copy, String rule) {
        String manifestKey = ObjectKeys.manifestKey(copy.prefix());
        int objects = 0;
        long bytes = 0;
        Optional<CopyStore.StoredObject> manifest = store.stat(manifestKey);
        if (manifest.isPresent()) {
            store.delete(manifestKey);
            objects++;
            bytes += manifest.get().size();
        }
        for (String key : store.list(copy.prefix())) {
            Optional<CopyStore.StoredObject> object = store.stat(key);
            store.delete(key);
            if (object.isPresent()) {
                objects++;
                bytes += object.get().size();
            }
        }
        BackupCopy deleted = copy.deleted(objects, bytes, rule, clock.instant());
        if (!catalog.save(deleted, CopyStatus.COPIED)) {
            return Optional.empty();
        }
        log.info(
                "Removed copy {} of target {} ({} objects, {} bytes under {}): {}",
                copy.describe(),
                copy.targetId(),
                objects,
                bytes,
                copy.prefix(),
                rule);
        return Optional.of(deleted);
    }
}
