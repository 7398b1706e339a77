package io.bulwark.scheduler.application.alerts;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertState;
import io.bulwark.scheduler.domain.alerts.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Port: the stored alerts ({@code scheduler.alerts}) and when each target was first watched. Implementations are
 * thread-safe; writes join the caller's transaction. Storage failures surface as unchecked exceptions.
 */
public interface AlertStore {

    /** The alerts still OPEN or ESCALATED. */
    List<Alert> unresolved();

    /**
     * Stores a new alert.
     *
     * @return false (and nothing stored) when an unresolved alert with its dedup key exists already
     */
    boolean insert(Alert alert);

    /** Replaces every mutable column of the stored alert with its id. */
    void update(Alert alert);

    /** The alerts whose current state's event the broker has not yet accepted, oldest change first. */
    List<Alert> pendingPublish();

    /**
     * Records that the event of {@code state} at {@code level} was accepted: clears the pending mark only when the
     * alert is still in that state and level (a newer change stays pending).
     */
    void markPublished(UUID alertId, AlertState state, int level);

    /**
     * Alerts, newest opened first.
     *
     * @param unresolved true: only OPEN and ESCALATED; false: only RESOLVED; null: all
     * @param targetId only this target's, or null
     * @param limit at most this many, 1 or more
     */
    List<Alert> list(Boolean unresolved, String targetId, int limit);

    /**
     * When the alert evaluation first watched {@code targetId}; records {@code now} the first time it is asked.
     */
    Instant watchedSince(String targetId, Instant now);

    /** How many unresolved alerts there are of each kind (kinds without any are absent). */
    Map<AlertKind, Long> unresolvedByKind();
}
