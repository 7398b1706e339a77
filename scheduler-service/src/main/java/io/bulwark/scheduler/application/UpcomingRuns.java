package io.bulwark.scheduler.application;

import java.util.List;

/** Port: the next scheduled backups of a target. */
public interface UpcomingRuns {

    /**
     * The next runs of the target's schedules, soonest first.
     *
     * @param targetId the target
     * @param limit the most runs to answer, at least 1
     * @return at most {@code limit} runs; empty when the target has no schedule or is not configured
     */
    List<UpcomingRun> forTarget(String targetId, int limit);
}
