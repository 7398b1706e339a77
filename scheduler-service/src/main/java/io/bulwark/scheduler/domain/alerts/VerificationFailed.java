package io.bulwark.scheduler.domain.alerts;

import io.bulwark.contracts.AlertKind;
import io.bulwark.contracts.AlertSeverity;
import io.bulwark.contracts.Outcome;
import io.bulwark.scheduler.domain.Backup;
import java.time.Instant;
import java.util.List;

/**
 * VERIFICATION_FAILED: the target's latest verification (by verification time) did not pass: CRITICAL when it
 * ended FAILED (the backup is bad), WARNING when it ended ERROR (the verifier could not judge). Resolves when the
 * latest verification passes.
 */
public final class VerificationFailed implements AlertCondition {

    @Override
    public AlertKind kind() {
        return AlertKind.VERIFICATION_FAILED;
    }

    @Override
    public List<Finding> evaluate(TargetAlertState target, Instant now) {
        List<Backup> verifications = target.verifications();
        if (verifications.isEmpty()) {
            return List.of();
        }
        Backup latest = verifications.getFirst();
        if (latest.verificationOutcome() == Outcome.PASSED) {
            return List.of();
        }
        boolean failed = latest.verificationOutcome() == Outcome.FAILED;
        String checks = latest.failedChecks().isEmpty()
                ? ""
                : " (failed checks: " + String.join(", ", latest.failedChecks()) + ")";
        return List.of(new Finding(
                target.targetId(),
                kind(),
                failed ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
                "",
                target.targetId() + ": verification of backup "
                        + latest.backupId().toString().substring(0, 8) + " ended " + latest.verificationOutcome()
                        + checks,
                "backup " + latest.backupId() + " verified at " + latest.verifiedAt(),
                latest.backupId()));
    }
}
