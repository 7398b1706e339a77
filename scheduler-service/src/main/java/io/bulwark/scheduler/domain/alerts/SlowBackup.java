package io.bulwark.scheduler.domain.alerts;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.TargetHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * DURATION (WARNING), up to two per target:
 *
 * <ul>
 *   <li>{@code dump}: the newest measured dump ({@code dumpMillis}, by completion time) took longer than the target's
 *       {@code alerts.max-dump-duration} when that is set; or the dumps are rising: each of the last {@code window}
 *       dumps took longer than the one before and the newest more than {@value #RISE} times the window's first.
 *   <li>{@code restore}: the newest measured restore of a verification ({@code restoreMillis}, by verification time)
 *       took longer than the target's {@code rto}: the recovery time objective is not met in practice.
 * </ul>
 *
 * Each resolves when a newer measurement is within bounds.
 */
public final class SlowBackup implements AlertCondition {

    /** How much longer the newest dump of a rising window must be than its first. */
    public static final double RISE = 1.5;

    private final int window;

    /**
     * @param window how many of the latest dumps must each be longer than the one before ({@code
     *     bulwark.alerts.duration-window}), at least 2
     * @throws IllegalArgumentException when {@code window} is below 2
     */
    public SlowBackup(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("duration window must be at least 2 but was " + window);
        }
        this.window = window;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.DURATION;
    }

    @Override
    public List<Finding> evaluate(TargetAlertState target, Instant now) {
        if (target.isInstallation()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        List<Backup> dumps = target.backups().stream()
                .filter(b -> b.dumpMillis() != null && b.completedAt() != null)
                .sorted(Comparator.comparing(Backup::completedAt).reversed())
                .toList();
        if (!dumps.isEmpty()) {
            Backup newest = dumps.getFirst();
            Duration took = Duration.ofMillis(newest.dumpMillis());
            if (target.maxDumpDuration() != null && took.compareTo(target.maxDumpDuration()) > 0) {
                findings.add(finding(
                        target,
                        "dump",
                        target.targetId() + ": dump took " + TargetHealth.human(took) + "; the limit is "
                                + TargetHealth.human(target.maxDumpDuration()),
                        "backup " + newest.backupId() + " dump " + newest.dumpMillis() + " ms",
                        newest.backupId()));
            } else if (dumps.size() >= window && rising(dumps.subList(0, window).reversed())) {
                Backup first = dumps.get(window - 1);
                findings.add(finding(
                        target,
                        "dump",
                        target.targetId() + ": dumps are getting slower: the last " + window
                                + " each took longer than the one before, from "
                                + TargetHealth.human(Duration.ofMillis(first.dumpMillis())) + " to "
                                + TargetHealth.human(took),
                        "dump milliseconds, oldest first: "
                                + dumps.subList(0, window).reversed().stream()
                                        .map(b -> String.valueOf(b.dumpMillis()))
                                        .collect(Collectors.joining(", ")),
                        newest.backupId()));
            }
        }
        target.backups().stream()
                .filter(b -> b.restoreMillis() != null && b.verifiedAt() != null)
                .max(Comparator.comparing(Backup::verifiedAt))
                .filter(b -> target.rto() != null
                        && Duration.ofMillis(b.restoreMillis()).compareTo(target.rto()) > 0)
                .ifPresent(b -> findings.add(finding(
                        target,
                        "restore",
                        target.targetId() + ": measured restore took "
                                + TargetHealth.human(Duration.ofMillis(b.restoreMillis())) + "; RTO is "
                                + TargetHealth.human(target.rto()),
                        "verification of backup " + b.backupId() + " restored in " + b.restoreMillis() + " ms",
                        b.backupId())));
        return findings;
    }

    /** Oldest first: each strictly longer than the one before, and the last more than RISE times the first. */
    private static boolean rising(List<Backup> oldestFirst) {
        for (int i = 1; i < oldestFirst.size(); i++) {
            if (oldestFirst.get(i).dumpMillis() <= oldestFirst.get(i - 1).dumpMillis()) {
                return false;
            }
        }
        return oldestFirst.getLast().dumpMillis()
                > RISE * oldestFirst.getFirst().dumpMillis();
    }

    private Finding finding(
            TargetAlertState target, String discriminator, String summary, String details, java.util.UUID backupId) {
        return new Finding(target.targetId(), kind(), AlertSeverity.WARNING, discriminator, summary, details, backupId);
    }
}
