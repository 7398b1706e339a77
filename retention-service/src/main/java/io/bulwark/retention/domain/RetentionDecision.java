package io.bulwark.retention.domain;

import java.util.Objects;

/**
 * What a policy decided for one backup, and why.
 *
 * @param backup the backup judged
 * @param action keep it or delete it
 * @param reason one sentence for a person, e.g. {@code one of the 7 most recent verified}
 */
public record RetentionDecision(CatalogedBackup backup, Action action, String reason) {

    /** What happens to a backup. */
    public enum Action {
        KEEP,
        DELETE
    }

    public RetentionDecision {
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
    }

    /** True when the backup is to be deleted. */
    public boolean expires() {
        return action == Action.DELETE;
    }
}
