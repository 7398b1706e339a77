package io.bulwark.notifier;

import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.VerificationReport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builders of the events the notifier consumes. */
public final class Events {

    public static final Instant AT = Instant.parse("2026-11-23T02:10:00Z");

    private Events() {}

    /** A verification of a fresh backup of {@code targetId}; FAILED ones fail checksum and row-counts. */
    public static BackupVerified verified(String targetId, Outcome outcome) {
        UUID backupId = UUID.randomUUID();
        CheckStatus bad = switch (outcome) {
            case PASSED -> CheckStatus.PASSED;
            case FAILED -> CheckStatus.FAILED;
            case ERROR -> CheckStatus.ERROR;
        };
        List<CheckResult> checks = List.of(
                new CheckResult("checksum", bad, outcome == Outcome.PASSED ? "sha256 matches" : "sha256 differs", 12),
                new CheckResult("restore", CheckStatus.PASSED, "pg_restore exited 0", 900),
                new CheckResult(
                        "row-counts",
                        outcome == Outcome.FAILED ? CheckStatus.FAILED : CheckStatus.PASSED,
                        outcome == Outcome.FAILED ? "public.track: 3503 expected, 3502 restored" : "11 tables equal",
                        40));
        String prefix = targetId + "/2026/11/nightly_20261123T020000Z_"
                + backupId.toString().substring(0, 8) + "/";
        return new BackupVerified(
                UUID.randomUUID(),
                AT,
                BackupVerified.SCHEMA_VERSION,
                backupId,
                targetId,
                outcome,
                checks,
                new VerificationReport.Timings(300, 900, 60, 1300),
                "local",
                prefix + "verification.json",
                prefix,
                AT.minusSeconds(600),
                Tier.DAILY);
    }

    /** A backup of {@code targetId} that could not connect. */
    public static BackupFailed failed(String targetId) {
        return new BackupFailed(
                UUID.randomUUID(),
                AT,
                BackupFailed.SCHEMA_VERSION,
                UUID.randomUUID(),
                UUID.randomUUID(),
                targetId,
                FailureReason.CONNECTION_REFUSED,
                "pg_dump: error: connection to server at \"127.0.0.1\", port 5432 failed: Connection refused",
                1,
                1,
                true);
    }
}
