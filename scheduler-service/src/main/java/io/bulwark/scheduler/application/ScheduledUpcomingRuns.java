package io.bulwark.scheduler.application;

import java.util.List;
import java.util.Optional;

/**
 * {@link UpcomingRuns} from the stored schedules (configured and created at run time alike), through
 * {@link NextRuns}: only enabled schedules, from each one's stored next due time. Stateless and thread-safe.
 */
public class ScheduledUpcomingRuns implements UpcomingRuns {

    private final NextRuns nextRuns;

    public ScheduledUpcomingRuns(NextRuns nextRuns) {
        this.nextRuns = nextRuns;
    }

    /** {@inheritDoc} A {@code limit} above {@link NextRuns#MAX_LIMIT} is cut to it. */
    @Override
    public List<UpcomingRun> forTarget(String targetId, int limit) {
        return nextRuns.next(Optional.of(targetId), Math.min(Math.max(limit, 1), NextRuns.MAX_LIMIT)).stream()
                .map(run -> new UpcomingRun(run.targetId(), run.name(), run.at()))
                .toList();
    }
}
