package io.bulwark.scheduler.application;

import io.bulwark.contracts.Outcome;
import io.bulwark.scheduler.domain.BackupState;
import io.bulwark.scheduler.domain.Percentiles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Use case: the {@link Statistics} of a target, or of all targets, over the last {@code days} days. Thread-safe.
 *
 * <ul>
 *   <li>Windows {@code 7d} and {@code 30d} (always both, whatever {@code days}): the backups requested in the last 7
 *       and 30 days; succeeded = stored (a completion time), failed = FAILED, the rest still runs. The verification
 *       counts are of the same backups, by their latest verification.
 *   <li>{@code dumpMillis}: the dump durations of the window's backups, in request order. {@code verifyMillis}: the
 *       durations of their latest verifications (any outcome), in verification order. {@code restoreMillis}: the
 *       measured restore times of their latest verifications that PASSED together with those of the real restores
 *       of whole backups that SUCCEEDED in the window, in the order they finished; both restore a backup of the
 *       target from the store, so both prove the RTO.
 *   <li>Percentiles are nearest-rank ({@link Percentiles#nearestRank}); the trend is {@link Percentiles#trend}.
 *   <li>{@code artifactBytes}: the stored sizes of the window's backups, oldest first.
 * </ul>
 */
public class ComputeStatistics {

    /** The shortest and longest window, in days. */
    public static final int MIN_DAYS = 1;

    public static final int MAX_DAYS = 366;

    /** The most points the chart data holds; older ones are left out. */
    public static final int MAX_SERIES = 5000;

    /** How many next runs the statistics list. */
    public static final int NEXT_RUNS = 10;

    private final TargetDirectory targets;
    private final StatisticsReads reads;
    private final UpcomingRuns upcoming;
    private final Clock clock;

    public ComputeStatistics(TargetDirectory targets, StatisticsReads reads, UpcomingRuns upcoming, Clock clock) {
        this.targets = targets;
        this.reads = reads;
        this.upcoming = upcoming;
        this.clock = clock;
    }

    /**
     * The statistics of the last {@code days} days up to now.
     *
     * @param targetId the target, or null for all targets
     * @param days the window, {@value #MIN_DAYS}..{@value #MAX_DAYS}
     * @throws InvalidRequestException (field {@code days}) when days is out of range
     * @throws TargetNotConfiguredException when targetId names no configured target
     */
    public Statistics compute(String targetId, int days) {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new InvalidRequestException(
                    "days", "days must be " + MIN_DAYS + ".." + MAX_DAYS + " but was " + days);
        }
        TargetSettings settings = null;
        if (targetId != null) {
            settings = targets.target(targetId).orElseThrow(() -> new TargetNotConfiguredException(targetId));
        }
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        Instant readFrom = to.minus(Duration.ofDays(Math.max(days, 30)));
        List<StatisticsReads.BackupSample> all = reads.backups(targetId, readFrom, to);
        List<StatisticsReads.BackupSample> inWindow = since(all, from);

        Map<String, Statistics.Window> windows = new LinkedHashMap<>();
        windows.put("7d", window(since(all, to.minus(Duration.ofDays(7)))));
        windows.put("30d", window(since(all, to.minus(Duration.ofDays(30)))));

        StatisticsReads.TargetSnapshot snapshot = reads.snapshot(targetId);
        return new Statistics(
                targetId,
                days,
                from,
                to,
                windows,
                durations(timed(inWindow, s -> true, s -> s.at(), s -> s.dumpMillis())),
                durations(timed(inWindow, s -> s.outcome() != null, s -> s.verifiedAt(), s -> s.verifyMillis())),
                durations(restoreSamples(targetId, inWindow, from, to)),
                artifacts(inWindow),
                snapshot.storedBytes(),
                settings == null ? null : settings.rto().toMillis(),
                settings == null ? null : settings.rpo().toSeconds(),
                LastVerified.of(snapshot.newestVerified(), to),
                nextRuns(targetId),
                series(inWindow));
    }

    /**
     * The success and verification rates of the backups of a target requested in {@code [from, to)}: the same
     * {@link Statistics.Window} as the {@code 7d} and {@code 30d} windows of {@link #compute}, for any period (the
     * periodic backup report).
     *
     * @param targetId the target, or null for all targets
     * @param from the period's start, inclusive
     * @param to the period's end, exclusive
     */
    public Statistics.Window window(String targetId, Instant from, Instant to) {
        return window(before(reads.backups(targetId, from, to), to));
    }

    /**
     * The measured restore times (milliseconds) of a target in {@code [from, to)} as {@link #compute} counts them:
     * the passed latest verifications of the backups requested in the period and the real restores of whole
     * backups that succeeded in it.
     *
     * @param targetId the target, or null for all targets
     * @param from the period's start, inclusive
     * @param to the period's end, exclusive
     */
    public Statistics.Durations restoreMillis(String targetId, Instant from, Instant to) {
        List<Timed> samples = restoreSamples(targetId, before(reads.backups(targetId, from, to), to), from, to);
        return durations(samples.stream().filter(t -> t.at().isBefore(to)).toList());
    }

    private static List<StatisticsReads.BackupSample> before(List<StatisticsReads.BackupSample> samples, Instant to) {
        return samples.stream().filter(s -> s.at().isBefore(to)).toList();
    }

    private static List<StatisticsReads.BackupSample> since(List<StatisticsReads.BackupSample> samples, Instant from) {
        return samples.stream().filter(s -> !s.at().isBefore(from)).toList();
    }

    private static Statistics.Window window(List<StatisticsReads.BackupSample> samples) {
        long succeeded = samples.stream().filter(s -> s.completedAt() != null).count();
        long failed = samples.stream()
                .filter(s -> s.completedAt() == null && s.state() == BackupState.FAILED)
                .count();
        long verifications = samples.stream().filter(s -> s.outcome() != null).count();
        long passed =
                samples.stream().filter(s -> s.outcome() == Outcome.PASSED).count();
        return new Statistics.Window(
                samples.size(),
                succeeded,
                failed,
                rate(succeeded, succeeded + failed),
                verifications,
                passed,
                rate(passed, verifications));
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** A sample's value with the time that orders it. */
    private record Timed(Instant at, long value) {}

    private static List<Timed> timed(
            List<StatisticsReads.BackupSample> samples,
            Predicate<StatisticsReads.BackupSample> which,
            Function<StatisticsReads.BackupSample, Instant> at,
            Function<StatisticsReads.BackupSample, Long> value) {
        return samples.stream()
                .filter(which)
                .filter(s -> value.apply(s) != null)
                .map(s -> new Timed(Objects.requireNonNullElse(at.apply(s), s.at()), value.apply(s)))
                .sorted(Comparator.comparing(Timed::at))
                .toList();
    }

    private List<Timed> restoreSamples(
            String targetId, List<StatisticsReads.BackupSample> inWindow, Instant from, Instant to) {
        List<Timed> samples = new ArrayList<>(
                timed(inWindow, s -> s.outcome() == Outcome.PASSED, s -> s.verifiedAt(), s -> s.restoreMillis()));
        reads.restores(targetId, from, to).forEach(r -> samples.add(new Timed(r.finishedAt(), r.restoreMillis())));
        samples.sort(Comparator.comparing(Timed::at));
        return samples;
    }

    private static Statistics.Durations durations(List<Timed> oldestFirst) {
        List<Long> values = oldestFirst.stream().map(Timed::value).toList();
        return new Statistics.Durations(
                values.size(),
                Percentiles.nearestRank(values, 50),
                Percentiles.nearestRank(values, 95),
                Percentiles.trend(values));
    }

    private static Statistics.Artifacts artifacts(List<StatisticsReads.BackupSample> inWindow) {
        List<Long> sizes = inWindow.stream()
                .map(StatisticsReads.BackupSample::storedBytes)
                .filter(Objects::nonNull)
                .toList();
        if (sizes.isEmpty()) {
            return new Statistics.Artifacts(null, null, null);
        }
        long oldest = sizes.getFirst();
        long latest = sizes.getLast();
        Double growth = sizes.size() < 2 || oldest == 0 ? null : Math.round((latest - oldest) * 1000.0 / oldest) / 10.0;
        return new Statistics.Artifacts(latest, Percentiles.nearestRank(sizes, 50), growth);
    }

    private List<UpcomingRun> nextRuns(String targetId) {
        if (targetId != null) {
            return upcoming.forTarget(targetId, NEXT_RUNS);
        }
        return targets.targets().stream()
                .flatMap(t -> upcoming.forTarget(t.id(), NEXT_RUNS).stream())
                .sorted(Comparator.comparing(UpcomingRun::at).thenComparing(UpcomingRun::targetId))
                .limit(NEXT_RUNS)
                .toList();
    }

    private static List<Statistics.Point> series(List<StatisticsReads.BackupSample> inWindow) {
        List<StatisticsReads.BackupSample> kept = inWindow.size() <= MAX_SERIES
                ? inWindow
                : inWindow.subList(inWindow.size() - MAX_SERIES, inWindow.size());
        return kept.stream()
                .map(s -> new Statistics.Point(
                        s.backupId(),
                        s.targetId(),
                        s.at(),
                        s.state(),
                        s.storedBytes(),
                        s.dumpMillis(),
                        s.verifyMillis(),
                        s.restoreMillis(),
                        s.outcome()))
                .toList();
    }
}
