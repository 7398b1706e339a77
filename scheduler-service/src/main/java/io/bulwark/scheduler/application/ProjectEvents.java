package io.bulwark.scheduler.application;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupProjector;
import io.bulwark.scheduler.domain.Projection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: folds one event into the backup catalog, once.
 *
 * <p>Idempotent: the event id is recorded in the same transaction ({@link Transactions}) as the
 * change, and an event seen before changes nothing. Projections of one backup are serialized by {@link BackupCatalog#lock}, so
 * the consumers of the five topics may run concurrently. A transition the lifecycle table does not
 * allow (a late or stale event) is logged and ignored; it never fails the consumer.
 */
public class ProjectEvents {

    private static final Logger log = LoggerFactory.getLogger(ProjectEvents.class);

    private final BackupCatalog catalog;
    private final Clock clock;
    private final Transactions transactions;
    private final KeyCatalog keys;

    /** Without recording the keys of backups. */
    public ProjectEvents(BackupCatalog catalog, Clock clock, Transactions transactions) {
        this(catalog, clock, transactions, null);
    }

    /**
     * @param keys where the fingerprints each backup is encrypted to are recorded (from {@code BackupCompleted}'s
     *     {@code artifact.recipients} and {@code BackupVerified}'s {@code artifactRecipients}, when known); null to
     *     record none
     */
    public ProjectEvents(BackupCatalog catalog, Clock clock, Transactions transactions, KeyCatalog keys) {
        this.catalog = catalog;
        this.clock = clock;
        this.transactions = transactions;
        this.keys = keys;
    }

    /**
     * Projects {@code event}, in one transaction (joining the caller's, if any).
     *
     * @param event a requested, completed, failed, verified or deleted event
     * @return the projection, or empty when the event was processed before
     * @throws InvalidEventException when the event lacks a field the projection needs (event id,
     *     backup id, target id, verification outcome)
     */
    public Optional<Projection> project(BulwarkEvent event) {
        return transactions.inTransaction(() -> projectInTransaction(event));
    }

    private Optional<Projection> projectInTransaction(BulwarkEvent event) {
        UUID backupId;
        try {
            backupId = BackupProjector.backupIdOf(event);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(EventJson.typeOf(event) + ": " + e.getMessage(), e);
        }
        if (event.eventId() == null) {
            throw new InvalidEventException(EventJson.typeOf(event) + ": eventId is required", null);
        }
        Instant now = clock.instant();
        catalog.lock(backupId);
        if (!catalog.markProcessed(event.eventId(), EventJson.typeOf(event), now)) {
            log.debug("event {} of backup {} was processed before; ignored", event.eventId(), backupId);
            return Optional.empty();
        }
        Backup current = catalog.find(backupId).orElse(null);
        Projection projection;
        try {
            projection = BackupProjector.project(current, event, now);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(EventJson.typeOf(event) + ": " + e.getMessage(), e);
        }
        catalog.save(projection.backup());
        recordRecipients(backupId, event, now);
        if (projection.transitionIgnored()) {
            log.info(
                    "backup {}: {} arrived late; transition {} -> {} is not allowed, state kept, fields merged",
                    backupId,
                    EventJson.typeOf(event),
                    projection.previous(),
                    projection.proposed());
        } else if (projection.moved()) {
            log.debug("backup {} -> {}", backupId, projection.backup().state());
        }
        return Optional.of(projection);
    }

    /** The newest event that knows the artifact's recipients says what they are (a re-encryption changes them). */
    private void recordRecipients(UUID backupId, BulwarkEvent event, Instant now) {
        if (keys == null) {
            return;
        }
        List<String> recipients = switch (event) {
            case BackupCompleted completed
            when completed.artifact() != null -> completed.artifact().recipients();
            case BackupVerified verified -> verified.artifactRecipients();
            default -> null;
        };
        if (recipients != null) {
            keys.saveRecipients(backupId, recipients, EventJson.typeOf(event), now);
        }
    }
}
