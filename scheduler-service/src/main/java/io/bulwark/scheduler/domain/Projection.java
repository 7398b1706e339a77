package io.bulwark.scheduler.domain;

/**
 * The result of folding one event into a backup.
 *
 * @param backup the backup after the event
 * @param previous the state before the event, or null when the event created the backup
 * @param proposed the state the event points to, or null when it points to none (an older
 *     verification than the one already applied)
 * @param moved true when the state changed
 */
public record Projection(Backup backup, BackupState previous, BackupState proposed, boolean moved) {

    /**
     * True when the event pointed to a state the table does not let the backup reach from where it
     * is (a late or stale event, e.g. {@code BackupCompleted} after {@code BackupVerified}); its
     * fields were merged but the state stayed.
     */
    public boolean transitionIgnored() {
        return previous != null && proposed != null && proposed != previous && !moved;
    }
}
