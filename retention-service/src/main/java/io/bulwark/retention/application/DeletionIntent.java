package io.bulwark.retention.application;

import io.bulwark.contracts.DeletionReason;
import java.time.Instant;
import java.util.Objects;

/**
 * A deletion as recorded in the catalog before its first object is removed, so that one cut short is finished with
 * the same facts.
 *
 * @param reason why: a retention policy or a person
 * @param rule the rule that let the backup go (see {@code BackupDeleted.policy})
 * @param objects how many objects the backup had when the deletion began
 * @param bytes their summed size in bytes, listed before deleting
 * @param since when the deletion began
 */
public record DeletionIntent(DeletionReason reason, String rule, int objects, long bytes, Instant since) {

    /** @throws NullPointerException when {@code reason}, {@code rule} or {@code since} is null */
    public DeletionIntent {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(since, "since");
    }
}
