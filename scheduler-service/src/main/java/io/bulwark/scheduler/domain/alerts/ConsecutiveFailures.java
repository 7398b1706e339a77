package io.bulwark.scheduler.domain.alerts;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.contracts.Outcome;
import io.bulwark.scheduler.domain.Backup;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CONSECUTIVE_FAILURES (CRITICAL): the last {@code count} verifications of a target (the latest verdict of each of its
 * most recently verified backups) all did not pass (FAILED or ERROR). Resolves when one of the last {@code count}
 * passed.
 */
public final class ConsecutiveFailures implements AlertCondition {

    private final int count;

    /**
     * @param count how many verifications in a row must not pass ({@code bulwark.alerts.consecutive-failures}), at
     *     least 2
     * @throws IllegalArgumentException when {@code count} is below 2
     */
    public ConsecutiveFailures(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("consecutive failures must be at least 2 but was " + count);
        }
        this.count = count;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.CONSECUTIVE_FAILURES;
    }

    @Override
    public List<Finding> evaluate(TargetAlertState target, Instant now) {
        List<Backup> verifications = target.verifications();
        if (verifications.size() < count) {
            return List.of();
        }
        List<Backup> last = verifications.subList(0, count);
        if (last.stream().anyMatch(b -> b.verificationOutcome() == Outcome.PASSED)) {
            return List.of();
        }
        return List.of(new Finding(
                target.targetId(),
                kind(),
                AlertSeverity.CRITICAL,
                "",
                target.targetId() + ": the last " + count + " verifications did not pass",
                last.stream()
                        .map(b -> b.backupId() + " " + b.verificationOutcome() + " at " + b.verifiedAt())
                        .collect(Collectors.joining("\n")),
                last.getFirst().backupId()));
    }
}
