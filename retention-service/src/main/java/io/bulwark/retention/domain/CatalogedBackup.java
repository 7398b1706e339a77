package io.bulwark.retention.domain;

import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.Tier;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A live backup as the retention catalog knows it.
 *
 * @param backupId the backup's id
 * @param targetId the target (database) it belongs to
 * @param prefix its object-key prefix; every object under it belongs to this backup
 * @param tier its retention tier
 * @param completedAt when the backup was taken (its manifest written); retention orders by it
 * @param outcome the latest verification verdict, or null when it was never verified
 * @param hold the reason of the hold on it (a person's words, at most 500 characters), or null when it is not held;
 *     a held backup is never deleted
 */
public record CatalogedBackup(
        UUID backupId, String targetId, String prefix, Tier tier, Instant completedAt, Outcome outcome, String hold) {

    /** A backup that is not held. */
    public CatalogedBackup(
            UUID backupId, String targetId, String prefix, Tier tier, Instant completedAt, Outcome outcome) {
        this(backupId, targetId, prefix, tier, completedAt, outcome, null);
    }

    public CatalogedBackup {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(completedAt, "completedAt");
    }

    /** True when the latest verification PASSED: only such backups fill retention slots. */
    public boolean verified() {
        return outcome == Outcome.PASSED;
    }

    /** The first 8 characters of the backup id, as in object keys and log lines. */
    public String shortId() {
        return backupId.toString().substring(0, 8);
    }
}
