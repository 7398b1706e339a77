package io.bulwark.scheduler.application.reports;

import io.bulwark.contracts.BackupReportIssued.TargetSummary;
import io.bulwark.contracts.Outcome;
import io.bulwark.scheduler.application.ComputeStatistics;
import io.bulwark.scheduler.application.Statistics;
import io.bulwark.scheduler.application.StatisticsReads;
import io.bulwark.scheduler.application.TargetDirectory;
import io.bulwark.scheduler.application.TargetSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Use case: one {@link TargetSummary} per configured target for a period {@code [start, end)}, ordered by target id.
 * The figures come from the statistics ({@link ComputeStatistics#window}, {@link ComputeStatistics#restoreMillis})
 * so that the report and {@code GET /api/statistics} count alike:
 *
 * <ul>
 *   <li>{@code backupsTaken}: the period's backups that were stored (the window's {@code succeeded});
 *       {@code backupsVerified}: of those, the ones whose latest verification PASSED; {@code backupsFailed}: the
 *       FAILED backups plus the ones whose latest verification FAILED or ended in ERROR.
 *   <li>{@code rpoMet}: the newest backup verified PASSED before {@code end} was taken (completed, else verified) at
 *       most the RPO before {@code end} (age {@code <=} RPO, as {@link io.bulwark.scheduler.domain.TargetHealth}
 *       judges a breach); {@code latestVerifiedAt} is when it was taken.
 *   <li>{@code restoreP95Seconds}: the nearest-rank 95th percentile of the period's measured restore times (passed
 *       verifications and real restores), in seconds; {@code rtoMet} when it is at most the RTO; both null without
 *       a measured restore.
 *   <li>{@code storageBytes}: bytes stored at {@code end}; {@code storageGrowthBytes}: that minus the bytes stored at
 *       {@code start} ({@link StoredBytesHistory}).
 *   <li>{@code openAlerts}: {@link OpenAlertCounts} now.
 * </ul>
 *
 * Thread-safe.
 */
public class SummarizeTargets {

    private final TargetDirectory targets;
    private final ComputeStatistics statistics;
    private final StatisticsReads reads;
    private final StoredBytesHistory storage;
    private final OpenAlertCounts alerts;

    public SummarizeTargets(
            TargetDirectory targets,
            ComputeStatistics statistics,
            StatisticsReads reads,
            StoredBytesHistory storage,
            OpenAlertCounts alerts) {
        this.targets = targets;
        this.statistics = statistics;
        this.reads = reads;
        this.storage = storage;
        this.alerts = alerts;
    }

    /**
     * The summaries of every configured target.
     *
     * @param start the period's start, inclusive
     * @param end the period's end, exclusive, after {@code start}
     * @throws IllegalArgumentException when {@code end} is not after {@code start}
     */
    public List<TargetSummary> summarize(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the period's end " + end + " must be after its start " + start);
        }
        return targets.targets().stream()
                .sorted(Comparator.comparing(TargetSettings::id))
                .map(t -> summary(t, start, end))
                .toList();
    }

    private TargetSummary summary(TargetSettings target, Instant start, Instant end) {
        String id = target.id();
        Statistics.Window window = statistics.window(id, start, end);
        Statistics.Durations restores = statistics.restoreMillis(id, start, end);
        Instant latestVerified = latestVerifiedBefore(target, start, end);
        Duration rpo = target.rpo();
        boolean rpoMet =
                latestVerified != null && Duration.between(latestVerified, end).compareTo(rpo) <= 0;
        Double p95Seconds = restores.p95() == null ? null : restores.p95() / 1000.0;
        Boolean rtoMet =
                restores.p95() == null ? null : restores.p95() <= target.rto().toMillis();
        long storedAtEnd = storage.storedBytesAt(id, end);
        long storedAtStart = storage.storedBytesAt(id, start);
        return new TargetSummary(
                id,
                Math.toIntExact(window.succeeded()),
                Math.toIntExact(window.passed()),
                Math.toIntExact(window.failed() + window.verifications() - window.passed()),
                rpo.toSeconds(),
                rpoMet,
                target.rto().toSeconds(),
                p95Seconds,
                rtoMet,
                latestVerified,
                storedAtEnd,
                storedAtEnd - storedAtStart,
                alerts.openAlerts(id));
    }

    /**
     * When the newest backup whose latest verification PASSED before {@code end} was taken, or null: among the
     * backups requested from one RPO (or the period, if longer) before {@code end} and the catalog's newest VERIFIED
     * backup, so that an older verified backup is found too.
     */
    private Instant latestVerifiedBefore(TargetSettings target, Instant start, Instant end) {
        Instant from = min(start, end.minus(target.rpo()));
        Stream<Instant> inPeriod = reads.backups(target.id(), from, end).stream()
                .filter(s -> s.outcome() == Outcome.PASSED
                        && s.verifiedAt() != null
                        && s.verifiedAt().isBefore(end))
                .map(s -> s.completedAt() != null ? s.completedAt() : s.verifiedAt());
        StatisticsReads.VerifiedBackup newest = reads.snapshot(target.id()).newestVerified();
        Stream<Instant> catalog = newest == null
                        || newest.verifiedAt() == null
                        || !newest.verifiedAt().isBefore(end)
                ? Stream.empty()
                : Stream.of(newest.completedAt() != null ? newest.completedAt() : newest.verifiedAt());
        return Stream.concat(inPeriod, catalog)
                .filter(Objects::nonNull)
                .filter(t -> t.isBefore(end))
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
