package io.bulwark.retention.domain;

import io.bulwark.contracts.Outcome;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a {@code BackupVerified} event agrees with the {@code verification.json} the verifier stored in the backup's
 * prefix. Retention acts only on an event that agrees, so a forged event (anyone who may write to the topic) deletes
 * nothing: only the verifier writes reports into the bucket. Pure.
 *
 * <p>They agree when the report exists, is of the event's backup and target, and says the event's outcome. A later
 * re-verification replaces the report: an older event that now disagrees is not acted on either.
 */
public final class VerdictAgreement {

    private VerdictAgreement() {}

    /**
     * The verdict stored in the bucket.
     *
     * @param backupId the backup the report is of
     * @param targetId its target
     * @param outcome what it says
     */
    public record StoredVerdict(UUID backupId, String targetId, Outcome outcome) {}

    /**
     * Why the event of backup {@code backupId} of {@code targetId} saying {@code outcome} disagrees with {@code
     * stored}; empty when they agree.
     *
     * @param stored the stored verdict, empty when the prefix holds no (readable) report
     */
    public static Optional<String> disagreement(
            UUID backupId, String targetId, Outcome outcome, Optional<StoredVerdict> stored) {
        if (stored.isEmpty()) {
            return Optional.of("no verification.json is stored for backup " + backupId);
        }
        StoredVerdict verdict = stored.get();
        if (!backupId.equals(verdict.backupId())) {
            return Optional.of("the stored verification.json is of backup " + verdict.backupId() + ", not " + backupId);
        }
        if (verdict.targetId() != null && !verdict.targetId().equals(targetId)) {
            return Optional.of("the stored verification.json is of target " + verdict.targetId() + ", not " + targetId);
        }
        if (verdict.outcome() != outcome) {
            return Optional.of("the stored verification.json says " + verdict.outcome() + ", the event " + outcome);
        }
        return Optional.empty();
    }
}
