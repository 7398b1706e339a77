package io.bulwark.scheduler.application;

import io.bulwark.contracts.RestoreState;
import io.bulwark.scheduler.domain.Restore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Use case: reads the projected restores. */
public class RestoreQueries {

    /** The most restores one list returns. */
    public static final int MAX_LIMIT = 500;

    private final RestoreCatalog catalog;

    public RestoreQueries(RestoreCatalog catalog) {
        this.catalog = catalog;
    }

    /** The restore with that id, if any event of it was projected. */
    public Optional<Restore> find(UUID restoreId) {
        return catalog.find(restoreId);
    }

    /**
     * Restores, newest first.
     *
     * @param targetId only this target's, or null
     * @param state only those in this state, or null
     * @param limit how many at most, 1 to {@value #MAX_LIMIT}
     * @throws InvalidRequestException naming {@code limit} when it is out of range
     */
    public List<Restore> list(String targetId, RestoreState state, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return catalog.list(targetId, state, limit);
    }
}
