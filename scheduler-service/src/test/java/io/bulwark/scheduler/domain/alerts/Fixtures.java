package io.bulwark.scheduler.domain.alerts;

import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.scheduler.domain.Backup;
import io.bulwark.scheduler.domain.BackupState;
import io.bulwark.scheduler.domain.MissedRunPolicy;
import io.bulwark.scheduler.domain.Schedule;
import io.bulwark.scheduler.domain.ScheduleSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Backups, schedules and target states for the alert rule tests, at a fixed time. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private Fixtures() {}

    /** A backup of chinook completed {@code hoursAgo} before NOW, in {@code state}. */
    static Backup.Builder backup(BackupState state, long hoursAgo) {
        Instant completed = NOW.minus(Duration.ofHours(hoursAgo));
        return Backup.builder()
                .backupId(UUID.randomUUID())
                .targetId("chinook")
                .state(state)
                .requestedAt(completed.minusSeconds(600))
                .completedAt(completed)
                .firstSeenAt(completed.minusSeconds(600))
                .updatedAt(completed);
    }

    /** A VERIFIED backup of {@code bytes} completed {@code hoursAgo} before NOW, verified a minute later. */
    static Backup verified(long hoursAgo, long bytes) {
        Backup.Builder b = backup(BackupState.VERIFIED, hoursAgo).storedBytes(bytes);
        return b.verificationOutcome(Outcome.PASSED)
                .verifiedAt(NOW.minus(Duration.ofHours(hoursAgo)).plusSeconds(60))
                .build();
    }

    /** A backup whose latest verification ended {@code outcome}, {@code hoursAgo} before NOW. */
    static Backup verification(Outcome outcome, long hoursAgo) {
        return backup(BackupState.ofVerification(outcome), hoursAgo)
                .storedBytes(1000L)
                .verificationOutcome(outcome)
                .failedChecks(outcome == Outcome.FAILED ? List.of("row-counts") : List.of())
                .verifiedAt(NOW.minus(Duration.ofHours(hoursAgo)).plusSeconds(60))
                .build();
    }

    /** chinook with rpo 25h, rto 1h, the given backups (any order is fine for the rules) and newest verified. */
    static TargetAlertState chinook(Backup newestVerified, List<Backup> backups) {
        return state(newestVerified, backups, List.of(), Set.of(), null);
    }

    static TargetAlertState state(
            Backup newestVerified,
            List<Backup> backups,
            List<Schedule> schedules,
            Set<UUID> queued,
            Duration maxDumpDuration) {
        return new TargetAlertState(
                "chinook",
                Duration.ofHours(25),
                Duration.ofHours(1),
                maxDumpDuration,
                NOW.minus(Duration.ofDays(30)),
                newestVerified,
                backups,
                schedules,
                queued,
                null);
    }

    /** An enabled schedule {@code nightly} of chinook due at {@code nextRunAt}, last fired at {@code lastRunAt}. */
    static Schedule nightly(Instant nextRunAt, Instant lastRunAt, UUID lastBackupId) {
        return new Schedule(
                "chinook",
                "nightly",
                "0 2 * * *",
                "UTC",
                Tier.DAILY,
                null,
                true,
                ScheduleSource.CONFIG,
                MissedRunPolicy.RUN_ONCE,
                nextRunAt,
                lastRunAt,
                lastBackupId,
                NOW.minus(Duration.ofDays(60)),
                NOW.minus(Duration.ofDays(60)));
    }
}
