package io.bulwark.scheduler.application;

import io.bulwark.contracts.BulwarkEvent;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.RestoreState;
import io.bulwark.scheduler.domain.Restore;
import io.bulwark.scheduler.domain.RestoreProjector;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: folds one restore event ({@code bulwark.restore.requested|progress|completed|failed}) into the restore
 * catalog, once, by the rules of {@link RestoreProjector}.
 *
 * <p>Idempotent: the event id is recorded in the same transaction as the change, and an event seen before changes
 * nothing. Projections of one restore are serialized by {@link RestoreCatalog#lock}, so the consumers of the four
 * topics may run concurrently.
 */
public class ProjectRestoreEvents {

    private static final Logger log = LoggerFactory.getLogger(ProjectRestoreEvents.class);

    private final RestoreCatalog catalog;
    private final Clock clock;
    private final Transactions transactions;

    public ProjectRestoreEvents(RestoreCatalog catalog, Clock clock, Transactions transactions) {
        this.catalog = catalog;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Projects {@code event}.
     *
     * @param event a restore requested, progress, completed or failed event
     * @return the restore after the event, or empty when the event was processed before
     * @throws InvalidEventException when the event lacks a field the projection needs (event id, restore id, the
     *     target id of a new restore) or is no restore event
     */
    public Optional<Restore> project(BulwarkEvent event) {
        return transactions.inTransaction(() -> projectInTransaction(event));
    }

    private Optional<Restore> projectInTransaction(BulwarkEvent event) {
        UUID restoreId;
        try {
            restoreId = RestoreProjector.restoreIdOf(event);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(EventJson.typeOf(event) + ": " + e.getMessage(), e);
        }
        if (event.eventId() == null) {
            throw new InvalidEventException(EventJson.typeOf(event) + ": eventId is required", null);
        }
        Instant now = clock.instant();
        catalog.lock(restoreId);
        if (!catalog.markProcessed(event.eventId(), EventJson.typeOf(event), now)) {
            log.debug("event {} of restore {} was processed before; ignored", event.eventId(), restoreId);
            return Optional.empty();
        }
        Restore current = catalog.find(restoreId).orElse(null);
        Restore next;
        try {
            next = RestoreProjector.project(current, event, now);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(EventJson.typeOf(event) + ": " + e.getMessage(), e);
        }
        catalog.save(next);
        RestoreState before = current == null ? null : current.state();
        if (before != next.state()) {
            log.info("restore {} of target {} -> {}", restoreId, next.targetId(), next.state());
        } else if (isFinal(before)) {
            log.debug(
                    "restore {}: {} arrived after it ended {}; state kept", restoreId, EventJson.typeOf(event), before);
        }
        return Optional.of(next);
    }

    private static boolean isFinal(RestoreState state) {
        return state == RestoreState.SUCCEEDED || state == RestoreState.FAILED;
    }
}
