package io.bulwark.scheduler.domain;

import io.bulwark.contracts.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How a target stands against its recovery point objective (RPO), with a reason a person reads.
 *
 * <p>The rule, in this order:
 *
 * <ol>
 *   <li>RED when the target's latest verification (the newest by its time) ended FAILED or ERROR: the newest proof
 *       did not hold, whatever older backups say.
 *   <li>UNKNOWN when the target never had a VERIFIED backup and nothing failed (no failed dump, no failed
 *       verification): nothing is proven yet, nothing is wrong yet. RED when it never had one and a dump failed.
 *   <li>With a VERIFIED backup, its age is {@code now - completedAt} (the moment its data was taken; not negative):
 *       GREEN when the age is below 80% of the RPO, AMBER from 80% up to and including the RPO, RED when the age is
 *       greater than the RPO (breached).
 * </ol>
 *
 * @param status the verdict
 * @param reason why, e.g. {@code "last verified backup is 26h old; RPO is 25h"}
 */
public record TargetHealth(Status status, String reason) {

    public TargetHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    /** The verdict of {@link TargetHealth}. */
    public enum Status {
        /** The newest verified backup is younger than 80% of the RPO and the latest verification passed. */
        GREEN,
        /** The newest verified backup's age is 80% to 100% of the RPO. */
        AMBER,
        /** The RPO is breached, the latest verification failed, or backups fail and none was ever verified. */
        RED,
        /** No backup was ever verified and nothing failed. */
        UNKNOWN
    }

    /**
     * The latest verification of a target.
     *
     * @param backupId the backup verified
     * @param outcome its verdict
     * @param verifiedAt when it was published
     * @param failedChecks the names of the checks that FAILED, empty when none
     */
    public record Verification(UUID backupId, Outcome outcome, Instant verifiedAt, List<String> failedChecks) {
        public Verification {
            Objects.requireNonNull(outcome, "outcome");
            failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
        }
    }

    /**
     * The target's health.
     *
     * @param rpo the recovery point objective, longer than zero
     * @param now the time to judge at
     * @param newestVerifiedAt when the newest VERIFIED backup was taken (its completion), or null when there is none
     * @param latestVerification the target's latest verification, or null when none
     * @param latestFailedDumpAt when the newest failed dump failed, or null when none failed
     * @return the verdict and its reason
     * @throws IllegalArgumentException when {@code rpo} is not longer than zero
     */
    public static TargetHealth evaluate(
            Duration rpo,
            Instant now,
            Instant newestVerifiedAt,
            Verification latestVerification,
            Instant latestFailedDumpAt) {
        if (rpo == null || rpo.isZero() || rpo.isNegative()) {
            throw new IllegalArgumentException("rpo must be longer than zero but was " + rpo);
        }
        Objects.requireNonNull(now, "now");
        if (latestVerification != null && latestVerification.outcome() != Outcome.PASSED) {
            String checks = latestVerification.failedChecks().isEmpty()
                    ? ""
                    : " (failed checks: " + String.join(", ", latestVerification.failedChecks()) + ")";
            return new TargetHealth(
                    Status.RED,
                    "latest verification of backup " + latestVerification.backupId() + " ended "
                            + latestVerification.outcome() + checks);
        }
        if (newestVerifiedAt == null) {
            if (latestFailedDumpAt != null) {
                return new TargetHealth(
                        Status.RED, "no verified backup yet; the latest backup failed at " + latestFailedDumpAt);
            }
            return new TargetHealth(Status.UNKNOWN, "no verified backup yet");
        }
        Duration age = Duration.between(newestVerifiedAt, now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        String facts = "last verified backup is " + human(age) + " old; RPO is " + human(rpo);
        if (age.compareTo(rpo) > 0) {
            return new TargetHealth(Status.RED, facts + " (breached)");
        }
        // age >= 80% of rpo, in exact integer arithmetic: age * 10 >= rpo * 8
        if (age.multipliedBy(10).compareTo(rpo.multipliedBy(8)) >= 0) {
            return new TargetHealth(Status.AMBER, facts + " (80% or more of it used)");
        }
        return new TargetHealth(Status.GREEN, facts);
    }

    /**
     * A duration for people, at most two units, whole and rounded down: hours up to 72 hours ({@code 26h},
     * {@code 1h 30m}), days beyond ({@code 3d 2h}), minutes and seconds below an hour ({@code 45m}, {@code 12s}).
     */
    public static String human(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        if (days > 0 && seconds >= 72 * 3600) {
            return days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        long totalHours = seconds / 3600;
        if (totalHours > 0) {
            return totalHours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        }
        if (minutes > 0) {
            return minutes + "m" + (secs > 0 ? " " + secs + "s" : "");
        }
        return secs + "s";
    }
}
