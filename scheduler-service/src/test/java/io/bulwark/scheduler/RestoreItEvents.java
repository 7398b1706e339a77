package io.bulwark.scheduler;

import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.RestoreCompleted;
import io.bulwark.contracts.RestoreFailed;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestorePhase;
import io.bulwark.contracts.RestoreProgressed;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoredDatabase;
import io.bulwark.contracts.Tier;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The events the dump-worker and the verifier would publish, made by hand for {@link RestoreIT}. */
final class RestoreItEvents {

    private RestoreItEvents() {}

    /** The object-key prefix of a backup. */
    static String prefix(String target, UUID backup) {
        return target + "/2026/12/adhoc_20261202T100000Z_" + backup.toString().substring(0, 8) + "/";
    }

    /** The dump-worker's {@code BackupCompleted} of a backup completed at {@code completedAt}. */
    static BackupCompleted backupCompleted(UUID backup, String target, Instant completedAt) {
        return ItEvents.adhocCompleted(backup, target, prefix(target, backup), completedAt);
    }

    /** The verifier's {@code BackupVerified} of that backup, a minute after it completed. */
    static BackupVerified backupVerified(UUID backup, String target, Outcome outcome, Instant completedAt) {
        return ItEvents.verified(
                backup,
                target,
                prefix(target, backup),
                outcome,
                Tier.ADHOC,
                completedAt.plusSeconds(60),
                completedAt,
                null);
    }

    /** A progress of a restore of a chinook backup: {@code percent} of 10 000 stored bytes, ETA 12 s. */
    static RestoreProgressed progress(UUID restoreId, UUID backup, Instant at, RestorePhase phase, int percent) {
        return new RestoreProgressed(
                UUID.randomUUID(),
                at,
                1,
                restoreId,
                "chinook",
                backup,
                phase,
                percent * 100L,
                10_000,
                percent * 300L,
                percent,
                12L,
                percent * 50L);
    }

    /** The completion of a restore of a chinook backup into a new database, with one check and its report. */
    static RestoreCompleted completed(UUID restoreId, UUID backup, String reportKey) {
        return new RestoreCompleted(
                UUID.randomUUID(),
                Instant.now(),
                1,
                restoreId,
                "chinook",
                backup,
                prefix("chinook", backup),
                new RestoredDatabase(
                        "target:chinook", "postgresql", "127.0.0.1", 5432, "chinook_restored", true, false, "15.20"),
                false,
                List.of(new CheckResult("row-counts", CheckStatus.PASSED, "11 tables match", 41)),
                new RestoreReport.Timings(120, 8120, 310, 8600),
                reportKey,
                reportKey.replace(".json", ".html"));
    }

    /** A restore of a chinook backup that failed for {@code reason}, refused before anything was written. */
    static RestoreFailed failed(UUID restoreId, UUID backup, RestoreFailureReason reason, String message) {
        return new RestoreFailed(
                UUID.randomUUID(),
                Instant.now(),
                1,
                restoreId,
                "chinook",
                backup,
                prefix("chinook", backup),
                reason,
                message,
                null,
                false,
                List.of(),
                null,
                null);
    }
}
