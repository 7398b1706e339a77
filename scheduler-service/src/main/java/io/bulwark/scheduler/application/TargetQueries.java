package io.bulwark.scheduler.application;

import io.bulwark.scheduler.domain.TargetHealth;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Use case: the configured targets with their health ({@link TargetHealth}). Thread-safe. */
public class TargetQueries {

    /** How many next runs a target lists. */
    public static final int NEXT_RUNS = 5;

    private final TargetDirectory targets;
    private final StatisticsReads reads;
    private final UpcomingRuns upcoming;
    private final Clock clock;

    public TargetQueries(TargetDirectory targets, StatisticsReads reads, UpcomingRuns upcoming, Clock clock) {
        this.targets = targets;
        this.reads = reads;
        this.upcoming = upcoming;
        this.clock = clock;
    }

    /** Every configured target, in configuration order. */
    public List<TargetStatus> list() {
        Instant now = clock.instant();
        return targets.targets().stream().map(t -> status(t, now)).toList();
    }

    /**
     * One configured target.
     *
     * @throws TargetNotConfiguredException when no target has that id
     */
    public TargetStatus get(String targetId) {
        TargetSettings settings =
                targets.target(targetId).orElseThrow(() -> new TargetNotConfiguredException(targetId));
        return status(settings, clock.instant());
    }

    private TargetStatus status(TargetSettings settings, Instant now) {
        StatisticsReads.TargetSnapshot snapshot = reads.snapshot(settings.id());
        LastVerified lastVerified = LastVerified.of(snapshot.newestVerified(), now);
        TargetHealth health = TargetHealth.evaluate(
                settings.rpo(),
                now,
                lastVerified == null ? null : lastVerified.takenAt(),
                snapshot.latestVerification(),
                snapshot.latestFailedDumpAt());
        return new TargetStatus(
                settings,
                health,
                snapshot.lastBackup(),
                lastVerified,
                snapshot.storedBytes(),
                snapshot.backupCount(),
                upcoming.forTarget(settings.id(), NEXT_RUNS));
    }
}
