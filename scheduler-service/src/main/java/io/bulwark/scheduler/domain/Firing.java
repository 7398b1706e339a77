package io.bulwark.scheduler.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What to do with a schedule whose due time has come: fire or not, and its next due time.
 *
 * <p>A due time is <em>missed</em> when it is older than {@code tolerance} (the poll interval plus a grace period),
 * e.g. because no scheduler ran for a while. An on-time due time always fires; a missed one fires once under {@link
 * MissedRunPolicy#RUN_ONCE} and not at all under {@link MissedRunPolicy#SKIP}. Either way the next due time is the
 * first one after {@code now}, so a schedule fires at most once per poll and never catches up run by run.
 *
 * @param fire true when a backup is to be requested now
 * @param missed true when the due time was missed
 * @param nextRunAt the schedule's next due time, or null when its expression never fires again
 */
public record Firing(boolean fire, boolean missed, Instant nextRunAt) {

    /**
     * Decides a due schedule.
     *
     * @param dueAt the schedule's due time, not after {@code now}
     * @param now the current time
     * @param tolerance how late a due time may be and still count as on time; not negative
     * @param policy the schedule's missed-run policy
     * @param nextAfter the schedule's first due time strictly after an instant, empty when there is none
     * @return the decision
     * @throws IllegalArgumentException when {@code dueAt} is after {@code now} or {@code tolerance} is negative
     */
    public static Firing decide(
            Instant dueAt,
            Instant now,
            Duration tolerance,
            MissedRunPolicy policy,
            Function<Instant, Optional<Instant>> nextAfter) {
        Objects.requireNonNull(policy, "policy");
        if (dueAt.isAfter(now)) {
            throw new IllegalArgumentException("not due yet: " + dueAt + " is after " + now);
        }
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative: " + tolerance);
        }
        boolean missed = dueAt.plus(tolerance).isBefore(now);
        boolean fire = !missed || policy == MissedRunPolicy.RUN_ONCE;
        return new Firing(fire, missed, nextAfter.apply(now).orElse(null));
    }
}
