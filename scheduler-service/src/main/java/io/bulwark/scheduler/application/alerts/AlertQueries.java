package io.bulwark.scheduler.application.alerts;

import io.bulwark.scheduler.application.InvalidRequestException;
import io.bulwark.scheduler.domain.alerts.Alert;
import java.util.List;
import java.util.Locale;

/** Use case: reads the stored alerts for {@code GET /api/alerts}. */
public class AlertQueries {

    /** The most alerts one list returns. */
    public static final int MAX_LIMIT = 500;

    private final AlertStore store;

    public AlertQueries(AlertStore store) {
        this.store = store;
    }

    /**
     * Alerts, newest opened first.
     *
     * @param state {@code open} (OPEN and ESCALATED), {@code resolved} or {@code all}; case-insensitive
     * @param targetId only this target's, or null
     * @param limit how many at most, 1 to {@value #MAX_LIMIT}
     * @throws InvalidRequestException naming {@code state} or {@code limit} when out of range
     */
    public List<Alert> list(String state, String targetId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        Boolean unresolved = switch (state == null ? "open" : state.toLowerCase(Locale.ROOT)) {
            case "open" -> Boolean.TRUE;
            case "resolved" -> Boolean.FALSE;
            case "all" -> null;
            default -> throw new InvalidRequestException("state", "state must be open, resolved or all");
        };
        return store.list(unresolved, targetId == null || targetId.isBlank() ? null : targetId, limit);
    }
}
