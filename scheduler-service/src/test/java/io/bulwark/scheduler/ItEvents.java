package io.bulwark.scheduler;

import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupFailed;
import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.FailureReason;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Topics;
import io.bulwark.contracts.Trigger;
import io.bulwark.contracts.VerificationReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The backup events the dump-worker and the verifier would publish, made by hand for the scheduler's integration
 * tests: a backup's request, completion, verification and failure, each with a fresh event id and schema version 1,
 * and the sequences of them a test publishes for one backup.
 */
final class ItEvents {

    private ItEvents() {}

    /**
     * A backup's request by the scheduler or a user.
     *
     * @param id the backup (and request) id
     * @param trigger what asked for it
     * @param schedule the id and label of the schedule that fired it, or null
     * @param at when it was requested, also the event's time
     * @return a DAILY request by {@code it}
     */
    static BackupRequested requested(UUID id, String target, Trigger trigger, String schedule, Instant at) {
        return new BackupRequested(
                UUID.randomUUID(), at, 1, id, target, trigger, schedule, schedule, Tier.DAILY, at, "it");
    }

    /**
     * A pg_dump custom-format artifact in bucket {@code bulwark}, compressed with zstd, with dummy checksums.
     *
     * @param key the object key
     * @param storedBytes its size in the store, bytes
     * @param rawBytes its size before compression, bytes
     */
    static ArtifactRef dump(String key, long storedBytes, long rawBytes) {
        return new ArtifactRef("bulwark", key, "pg_dump-custom", List.of("zstd"), storedBytes, rawBytes, "aa", "bb");
    }

    /**
     * The dump-worker's completion of a backup that ran for {@code took} until {@code completedAt}.
     *
     * @param id the backup (and request) id
     * @param prefix the backup's object-key prefix, ending in {@code /}; the manifest is {@code manifest.json} in it
     * @param artifact the stored dump
     * @param completedAt when it completed, also the event's time
     * @param took how long the dump ran, millisecond precision
     */
    static BackupCompleted completed(
            UUID id,
            String target,
            String prefix,
            Tier tier,
            Trigger trigger,
            ArtifactRef artifact,
            Instant completedAt,
            Duration took) {
        return new BackupCompleted(
                UUID.randomUUID(),
                completedAt,
                1,
                id,
                id,
                target,
                null,
                tier,
                trigger,
                prefix,
                artifact,
                prefix + "manifest.json",
                null,
                completedAt.minus(took),
                completedAt,
                took.toMillis());
    }

    /**
     * The completion of a manual ADHOC backup: a 5 s dump of 4 242 stored bytes (9 000 raw) in {@code
     * dump.pgcustom.zst} under {@code prefix}.
     */
    static BackupCompleted adhocCompleted(UUID id, String target, String prefix, Instant completedAt) {
        return completed(
                id,
                target,
                prefix,
                Tier.ADHOC,
                Trigger.MANUAL,
                dump(prefix + "dump.pgcustom.zst", 4242, 9000),
                completedAt,
                Duration.ofSeconds(5));
    }

    /**
     * The verifier's verdict on a backup with one {@code checksum} check, PASSED when {@code outcome} is, else FAILED;
     * its report is {@code verification.json} under {@code prefix}, checked in the {@code local} sandbox.
     *
     * @param at when it was verified, the event's time
     * @param completedAt when the backup completed
     * @param timings the phases' durations, or null
     */
    static BackupVerified verified(
            UUID id,
            String target,
            String prefix,
            Outcome outcome,
            Tier tier,
            Instant at,
            Instant completedAt,
            VerificationReport.Timings timings) {
        CheckStatus checksum = outcome == Outcome.PASSED ? CheckStatus.PASSED : CheckStatus.FAILED;
        return new BackupVerified(
                UUID.randomUUID(),
                at,
                1,
                id,
                target,
                outcome,
                List.of(new CheckResult("checksum", checksum, "", 3)),
                timings,
                "local",
                prefix + "verification.json",
                prefix,
                completedAt,
                tier);
    }

    /**
     * Publishes a scheduled DAILY backup of the schedule {@code nightly}: requested at {@code at}, completed a minute
     * later after a dump of {@code dumpMillis} ({@code storedBytes} stored, three times that raw, under {@code
     * <target>/<folder>/<id>/}), verified a minute after that.
     *
     * @return the backup id
     */
    static UUID publishScheduledBackup(
            TopicClient topics,
            String target,
            String folder,
            Instant at,
            long storedBytes,
            long dumpMillis,
            Outcome outcome,
            VerificationReport.Timings timings) {
        UUID id = UUID.randomUUID();
        String prefix = target + "/" + folder + "/" + id + "/";
        Instant completedAt = at.plusSeconds(60);
        topics.publish(Topics.BACKUP_REQUESTED, requested(id, target, Trigger.SCHEDULED, "nightly", at));
        topics.publish(
                Topics.BACKUP_COMPLETED,
                completed(
                        id,
                        target,
                        prefix,
                        Tier.DAILY,
                        Trigger.SCHEDULED,
                        dump(prefix + "dump.zst", storedBytes, storedBytes * 3),
                        completedAt,
                        Duration.ofMillis(dumpMillis)));
        topics.publish(
                Topics.BACKUP_VERIFIED,
                verified(id, target, prefix, outcome, Tier.DAILY, completedAt.plusSeconds(60), completedAt, timings));
        return id;
    }

    /**
     * Publishes a scheduled backup's request at {@code at} and its failure five seconds later (connection refused,
     * attempt 1 of 1, not retried).
     *
     * @return the backup id
     */
    static UUID publishFailedBackup(TopicClient topics, String target, Instant at) {
        UUID id = UUID.randomUUID();
        topics.publish(Topics.BACKUP_REQUESTED, requested(id, target, Trigger.SCHEDULED, "nightly", at));
        topics.publish(
                Topics.BACKUP_FAILED,
                new BackupFailed(
                        UUID.randomUUID(),
                        at.plusSeconds(5),
                        1,
                        id,
                        id,
                        target,
                        FailureReason.CONNECTION_REFUSED,
                        "refused",
                        1,
                        1,
                        false));
        return id;
    }
}
