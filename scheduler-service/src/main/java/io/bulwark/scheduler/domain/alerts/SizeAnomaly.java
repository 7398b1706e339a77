package io.bulwark.scheduler.domain.alerts;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * SIZE_ANOMALY (WARNING): the newest VERIFIED backup's stored size deviates from the median of the previous {@code
 * window} VERIFIED backups by more than {@code deviation} (a fraction: 0.2 = 20%), in either direction: a database
 * that shrank by half or doubled overnight is worth a look. Needs at least {@value #MIN_HISTORY} earlier VERIFIED
 * backups with a size; backups are ordered by completion time. Resolves when a later VERIFIED backup is within bounds
 * (it becomes the newest and is judged instead).
 */
public final class SizeAnomaly implements AlertCondition {

    /** How many earlier VERIFIED backups the median needs at least. */
    public static final int MIN_HISTORY = 3;

    private final double deviation;
    private final int window;

    /**
     * @param deviation the allowed deviation from the median as a fraction ({@code bulwark.alerts.size-deviation}),
     *     positive
     * @param window how many earlier VERIFIED backups the median is taken over ({@code bulwark.alerts.size-window}),
     *     at least {@value #MIN_HISTORY}
     * @throws IllegalArgumentException when an argument is out of range
     */
    public SizeAnomaly(double deviation, int window) {
        if (!(deviation > 0)) {
            throw new IllegalArgumentException("size deviation must be positive but was " + deviation);
        }
        if (window < MIN_HISTORY) {
            throw new IllegalArgumentException("size window must be at least " + MIN_HISTORY + " but was " + window);
        }
        this.deviation = deviation;
        this.window = window;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.SIZE_ANOMALY;
    }

    @Override
    public List<Finding> evaluate(TargetAlertState target, Instant now) {
        List<Backup> verified = target.backups().stream()
                .filter(b -> b.state() == BackupState.VERIFIED && b.storedBytes() != null)
                .sorted(Comparator.comparing(TargetAlertState::takenAt).reversed())
                .toList();
        if (verified.size() < MIN_HISTORY + 1) {
            return List.of();
        }
        Backup newest = verified.getFirst();
        List<Long> previous = verified.subList(1, Math.min(verified.size(), window + 1)).stream()
                .map(Backup::storedBytes)
                .toList();
        double median = Figures.median(previous);
        if (median <= 0) {
            return List.of();
        }
        double change = (newest.storedBytes() - median) / median;
        if (Math.abs(change) <= deviation) {
            return List.of();
        }
        String direction = change < 0 ? "below" : "above";
        String summary = String.format(
                Locale.ROOT,
                "%s: backup %s is %s, %.0f%% %s the median %s of the previous %d verified backups",
                target.targetId(),
                newest.backupId().toString().substring(0, 8),
                Figures.bytes(newest.storedBytes()),
                Math.abs(change) * 100,
                direction,
                Figures.bytes(Math.round(median)),
                previous.size());
        String details = String.format(
                Locale.ROOT,
                "stored bytes %d; median %.0f over %s; allowed deviation %.0f%%",
                newest.storedBytes(),
                median,
                previous,
                deviation * 100);
        return List.of(
                new Finding(target.targetId(), kind(), AlertSeverity.WARNING, "", summary, details, newest.backupId()));
    }
}
