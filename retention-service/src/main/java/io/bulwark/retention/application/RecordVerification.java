package io.bulwark.retention.application;

import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.Ids;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.retention.domain.CatalogedBackup;
import io.bulwark.retention.domain.VerdictAgreement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalogs a verified backup, then applies its target's retention policy ({@link ExpireBackups}), but only when the
 * event agrees with the {@code verification.json} stored in the backup's prefix ({@link VerdictAgreement}): a forged
 * or stale event changes nothing, is logged and refused as invalid input (the binder dead-letters it). While the
 * store cannot be read, the event waits (backing off up to {@code maxWait} between tries) rather than being
 * dead-lettered: without the store nothing can be deleted anyway.
 *
 * <p>Idempotent: an event seen before changes nothing in the catalog; the policy still runs, which
 * only retries deletions that failed earlier. Thread-safe.
 */
public class RecordVerification {

    private static final Logger log = LoggerFactory.getLogger(RecordVerification.class);

    /**
     * The layout of {@code ObjectKeys.backupPrefix}: a prefix any shorter would delete other backups
     * too.
     */
    private static final Pattern BACKUP_PREFIX =
            Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}/[0-9]{4}/[0-9]{2}/[A-Za-z0-9][A-Za-z0-9_.-]*/");

    private final BackupCatalog catalog;
    private final ExpireBackups expireBackups;
    private final StoredVerdicts verdicts;
    private final Duration firstWait;
    private final Duration maxWait;

    /**
     * @param catalog the retention catalog
     * @param expireBackups applies a target's policy
     * @param verdicts the verdicts stored in the bucket, which an event must agree with
     * @param firstWait the first pause while the store cannot be read, doubled at each try
     * @param maxWait the longest pause between tries
     */
    public RecordVerification(
            BackupCatalog catalog,
            ExpireBackups expireBackups,
            StoredVerdicts verdicts,
            Duration firstWait,
            Duration maxWait) {
        this.catalog = catalog;
        this.expireBackups = expireBackups;
        this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
        this.firstWait = Objects.requireNonNull(firstWait, "firstWait");
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    }

    /**
     * Records {@code event} and expires what the target's policy no longer keeps.
     *
     * @return the deletions made by this call
     * @throws InvalidEventException when a field retention needs is missing or invalid (the message
     *     names the field), or the event disagrees with the stored verification.json (nothing changed)
     */
    public List<BackupDeleted> handle(BackupVerified event) {
        CatalogedBackup backup = toBackup(event);
        if (catalog.processed(event.eventId())) {
            // a redelivery of an event that agreed when it came: its backup may be deleted since, report and all
            log.info("Event {} was processed before; catalog unchanged", event.eventId());
            return expireBackups.expire(backup.targetId());
        }
        Optional<String> disagreement = VerdictAgreement.disagreement(
                backup.backupId(), backup.targetId(), backup.outcome(), storedVerdict(backup.prefix()));
        if (disagreement.isPresent()) {
            log.warn(
                    "BackupVerified {} of backup {} ({}) ignored, nothing changed: {}",
                    event.eventId(),
                    backup.backupId(),
                    backup.outcome(),
                    disagreement.get());
            throw new InvalidEventException(
                    "BackupVerified: disagrees with the stored verification report: " + disagreement.get(), null);
        }
        boolean recorded = catalog.recordVerification(event.eventId(), backup, event.occurredAt());
        if (recorded) {
            log.info(
                    "Cataloged backup {} of {} (verification {}, taken {})",
                    backup.backupId(),
                    backup.targetId(),
                    backup.outcome(),
                    backup.completedAt());
        } else {
            log.info("Event {} was processed before; catalog unchanged", event.eventId());
        }
        return expireBackups.expire(backup.targetId());
    }

    private Optional<VerdictAgreement.StoredVerdict> storedVerdict(String prefix) {
        Duration wait = firstWait;
        while (true) {
            try {
                return verdicts.at(prefix);
            } catch (StoredVerdicts.Unavailable e) {
                log.warn(
                        "the stored verdict at {} cannot be read; trying again in {}: {}",
                        prefix,
                        wait,
                        e.getMessage());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the object store", interrupted);
                }
                wait = wait.multipliedBy(2).compareTo(maxWait) > 0 ? maxWait : wait.multipliedBy(2);
            }
        }
    }

    private static CatalogedBackup toBackup(BackupVerified event) {
        require("eventId", event.eventId());
        require("occurredAt", event.occurredAt());
        require("backupId", event.backupId());
        require("outcome", event.outcome());
        require("prefix", event.prefix());
        try {
            Ids.requireSafe("targetId", event.targetId());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("BackupVerified: " + e.getMessage(), e);
        }
        String prefix = event.prefix().endsWith("/") ? event.prefix() : event.prefix() + "/";
        if (!BACKUP_PREFIX.matcher(prefix).matches() || !prefix.startsWith(event.targetId() + "/")) {
            throw new InvalidEventException(
                    "BackupVerified: prefix must be a backup prefix of target '" + event.targetId()
                            + "' ({targetId}/{yyyy}/{MM}/{name}/) but was '" + event.prefix() + "'",
                    null);
        }
        return new CatalogedBackup(
                event.backupId(), event.targetId(), prefix, event.tier(), completedAt(event), event.outcome());
    }

    /** When the backup was taken; the verification time for a producer that did not say. */
    private static Instant completedAt(BackupVerified event) {
        if (event.backupCompletedAt() != null) {
            return event.backupCompletedAt();
        }
        log.warn(
                "BackupVerified {} has no backupCompletedAt; ordering backup {} by its verification time {}",
                event.eventId(),
                event.backupId(),
                event.occurredAt());
        return event.occurredAt();
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new InvalidEventException("BackupVerified: " + field + " is required", null);
        }
    }
}
