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
 * @param prefix its object-key prefix {@code <target>/<yyyy>/<mm>/<label>_<yyyyMMddTHHmmssZ>_<id8>/}; every object
 *     under it belongs to this backup
 * @param tier its retention tier (ADHOC for a manual backup), or null when unknown
 * @param completedAt when the backup was taken (its manifest written); retention orders by it
 * @param outcome the latest verification verdict, or null when it was never verified (verification pending)
 * @param hold the reason of the hold on it (e.g. {@code audit 2026}), or null when it is not held; a held backup is
 *     never deleted
 */
public record CatalogedBackup(
        UUID backupId, String targetId, String prefix, Tier tier, Instant completedAt, Outcome outcome, String hold) {

    public CatalogedBackup {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(completedAt, "completedAt");
    }

    /** A backup without a hold. */
    public CatalogedBackup(
            UUID backupId, String targetId, String prefix, Tier tier, Instant completedAt, Outcome outcome) {
        this(backupId, targetId, prefix, tier, completedAt, outcome, null);
    }

    /** True when the latest verification PASSED: only such backups fill retention slots. */
    public boolean verified() {
        return outcome == Outcome.PASSED;
    }

    /** True when it is held (see {@link #hold()}). */
    public boolean held() {
        return hold != null;
    }

    /** The first 8 characters of the backup id, as in object keys and log lines. */
    public String shortId() {
        return backupId.toString().substring(0, 8);
    }

    /**
     * The label of the backup, parsed from its prefix's last folder {@code <label>_<timestamp>_<id8>} (the schedule's
     * label, else its tier in lower case, e.g. {@code nightly}, {@code daily}, {@code adhoc}); null when the prefix is
     * not of that form.
     */
    public String label() {
        String folder = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        folder = folder.substring(folder.lastIndexOf('/') + 1);
        int idStart = folder.lastIndexOf('_');
        int stampStart = idStart <= 0 ? -1 : folder.lastIndexOf('_', idStart - 1);
        return stampStart <= 0 ? null : folder.substring(0, stampStart);
    }
}
