package io.bulwark.retention.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a policy decided for one backup, and why.
 *
 * @param backup the backup judged
 * @param action keep it or delete it
 * @param rules for KEEP every rule that keeps it, e.g. {@code [daily 2026-11-30, weekly 2026-W48]}; for DELETE the
 *     one rule that lets it go, e.g. {@code [keep-failed: FAILED 9d ago (kept 7d)]}; never empty
 */
public record RetentionDecision(CatalogedBackup backup, Action action, List<String> rules) {

    /** What happens to a backup. */
    public enum Action {
        KEEP,
        DELETE
    }

    public RetentionDecision {
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(action, "action");
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a retention decision names at least one rule");
        }
    }

    /** A decision for one reason. */
    public RetentionDecision(CatalogedBackup backup, Action action, String reason) {
        this(backup, action, List.of(reason));
    }

    /** The rules as one line, joined by {@code ", "}, e.g. {@code daily 2026-11-30, weekly 2026-W48}. */
    public String reason() {
        return String.join(", ", rules);
    }

    /** True when the backup is to be deleted. */
    public boolean expires() {
        return action == Action.DELETE;
    }
}
