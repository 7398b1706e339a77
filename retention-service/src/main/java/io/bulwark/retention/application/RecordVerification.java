package io.bulwark.retention.application;

import io.bulwark.contracts.BackupDeleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.Ids;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.retention.domain.CatalogedBackup;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalogs a verified backup, then applies its target's retention policy ({@link ExpireBackups}).
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

    public RecordVerification(BackupCatalog catalog, ExpireBackups expireBackups) {
        this.catalog = catalog;
        this.expireBackups = expireBackups;
    }

    /**
     * Records {@code event} and expires what the target's policy no longer keeps.
     *
     * @return the deletions made by this call
     * @throws InvalidEventException when a field retention needs is missing or invalid; the message
     *     names the field
     */
    public List<BackupDeleted> handle(BackupVerified event) {
        CatalogedBackup backup = toBackup(event);
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
