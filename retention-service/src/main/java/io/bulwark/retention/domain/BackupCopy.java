package io.bulwark.retention.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One backup's copy in one copy store, and the rules of its life (see {@link CopyStatus} for the transitions). Pure
 * and immutable: every transition returns a new value.
 *
 * @param backupId the backup copied
 * @param copyId the copy store's id, the key of {@code bulwark.copies.<copyId>}
 * @param targetId the backup's target
 * @param prefix the backup's key prefix, the same in both stores, ending in {@code /}
 * @param completedAt when the backup was taken; the copy store's retention orders by it
 * @param state where the copy stands
 * @param attempts copy attempts made so far (successful or not)
 * @param sha256 the artifact's SHA-256 read back from the copy store (COPIED and later), else null
 * @param objects objects copied (COPIED) or removed (DELETED)
 * @param bytes bytes copied (COPIED) or removed (DELETED)
 * @param detail why the last attempt failed (FAILED) or the rule that removed the copy (DELETED), else null
 * @param announcedState the state last announced in a {@code BackupCopyUpdated}, or null when none was
 * @param updatedAt when the state last changed
 */
public record BackupCopy(
        UUID backupId,
        String copyId,
        String targetId,
        String prefix,
        Instant completedAt,
        CopyStatus state,
        int attempts,
        String sha256,
        int objects,
        long bytes,
        String detail,
        CopyStatus announcedState,
        Instant updatedAt) {

    public BackupCopy {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(copyId, "copyId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A copy of {@code backup} to make in copy store {@code copyId}, recorded {@code now}. */
    public static BackupCopy pending(CatalogedBackup backup, String copyId, Instant now) {
        return new BackupCopy(
                backup.backupId(),
                copyId,
                backup.targetId(),
                backup.prefix(),
                backup.completedAt(),
                CopyStatus.PENDING,
                0,
                null,
                0,
                0,
                null,
                null,
                now);
    }

    /** True when the copy job is to (re)try this copy: PENDING or FAILED. COPIED is never copied again. */
    public boolean due() {
        return state == CopyStatus.PENDING || state == CopyStatus.FAILED;
    }

    /**
     * The copy after an attempt that copied every object and matched the artifact's SHA-256.
     *
     * @throws IllegalStateException when the copy is not {@link #due()} (already COPIED or DELETED)
     */
    public BackupCopy copied(int copiedObjects, long copiedBytes, String readBackSha256, Instant now) {
        requireDue("copied");
        return withProgress(
                CopyStatus.COPIED,
                attempts + 1,
                Objects.requireNonNull(readBackSha256, "readBackSha256"),
                copiedObjects,
                copiedBytes,
                null,
                announcedState,
                now);
    }

    /**
     * The copy after a failed attempt: FAILED, one attempt more, {@code why} as the detail.
     *
     * @throws IllegalStateException when the copy is not {@link #due()}
     */
    public BackupCopy failed(String why, Instant now) {
        requireDue("failed");
        return withProgress(CopyStatus.FAILED, attempts + 1, null, 0, 0, why, announcedState, now);
    }

    /**
     * The copy after the copy store's retention removed it.
     *
     * @param removedObjects objects removed from the copy store
     * @param removedBytes bytes removed
     * @param rule the rule that let it go, e.g. {@code older than the 2 most recent verified backups [keepLast=2]}
     * @throws IllegalStateException when the copy is not COPIED
     */
    public BackupCopy deleted(int removedObjects, long removedBytes, String rule, Instant now) {
        if (state != CopyStatus.COPIED) {
            throw new IllegalStateException(
                    "only a COPIED copy can be deleted, but " + this.describe() + " is " + state);
        }
        return withProgress(
                CopyStatus.DELETED, attempts, sha256, removedObjects, removedBytes, rule, announcedState, now);
    }

    /**
     * True when a {@code BackupCopyUpdated} is owed for the current state: COPIED, FAILED or DELETED and not yet
     * announced. A streak of failed attempts is announced once (its first failure); a PENDING copy never.
     */
    public boolean announcementDue() {
        return state != CopyStatus.PENDING && announcedState != state;
    }

    /** The copy once its current state was announced. */
    public BackupCopy announced() {
        return withProgress(state, attempts, sha256, objects, bytes, detail, state, updatedAt);
    }

    /**
     * The id of the event announcing the current state: the same for the same backup, copy store and state, so a
     * re-published event is recognised as the one before.
     */
    public UUID eventId() {
        return UUID.nameUUIDFromBytes(
                ("bulwark.backup.copy:" + backupId + ":" + copyId + ":" + state).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code <backupId8> in <copyId>} for log lines. */
    public String describe() {
        return backupId.toString().substring(0, 8) + " in " + copyId;
    }

    /** This copy (same backup, copy store, target, prefix and completion time) with the given progress. */
    private BackupCopy withProgress(
            CopyStatus state,
            int attempts,
            String sha256,
            int objects,
            long bytes,
            String detail,
            CopyStatus announcedState,
            Instant updatedAt) {
        return new BackupCopy(
                backupId,
                copyId,
                targetId,
                prefix,
                completedAt,
                state,
                attempts,
                sha256,
                objects,
                bytes,
                detail,
                announcedState,
                updatedAt);
    }

    private void requireDue(String transition) {
        if (!due()) {
            throw new IllegalStateException(
                    "copy " + describe() + " is " + state + " and is never copied again (" + transition + ")");
        }
    }
}
