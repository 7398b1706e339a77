package io.bulwark.scheduler.application;

import io.bulwark.contracts.RestoreState;
import io.bulwark.scheduler.domain.ActiveBackup;
import io.bulwark.scheduler.domain.Restore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Use case: what is running now, the backups being dumped or verified and the restores not yet ended. */
public class ActivityQueries {

    /** The most running backups, and the most running restores, one answer lists. */
    public static final int MAX_ITEMS = 200;

    private final ActivityCatalog activity;
    private final RestoreCatalog restores;

    public ActivityQueries(ActivityCatalog activity, RestoreCatalog restores) {
        this.activity = activity;
        this.restores = restores;
    }

    /**
     * The running backups (newest first, at most {@value #MAX_ITEMS}) and the restores in state REQUESTED or RUNNING
     * (newest first, at most {@value #MAX_ITEMS}).
     */
    public Activity current() {
        List<Restore> running = new ArrayList<>(restores.list(null, RestoreState.RUNNING, MAX_ITEMS));
        running.addAll(restores.list(null, RestoreState.REQUESTED, MAX_ITEMS));
        running.sort(Comparator.comparing(ActivityQueries::sortAt).reversed());
        return new Activity(
                activity.activeBackups(MAX_ITEMS),
                List.copyOf(running.subList(0, Math.min(MAX_ITEMS, running.size()))));
    }

    private static Instant sortAt(Restore r) {
        if (r.request() != null && r.request().requestedAt() != null) {
            return r.request().requestedAt();
        }
        return r.firstSeenAt() != null ? r.firstSeenAt() : Instant.EPOCH;
    }

    /**
     * What is running.
     *
     * @param backups the running backups, newest first
     * @param restores the restores in state REQUESTED or RUNNING, newest first
     */
    public record Activity(List<ActiveBackup> backups, List<Restore> restores) {

        public Activity {
            backups = List.copyOf(backups);
            restores = List.copyOf(restores);
        }
    }
}
