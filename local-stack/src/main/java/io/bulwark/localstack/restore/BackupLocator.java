package io.bulwark.localstack.restore;

import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.pipeline.RestoreRefusedException;
import io.bulwark.pipeline.StoredBackup;
import io.bulwark.pipeline.StoredBackups;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Finds the backup a standalone restore asks for, in the object store alone ({@link StoredBackups}): {@code --backup}
 * as a prefix ({@code chinook/2026/11/adhoc_20261123T190102Z_1a2b3c4d/}) or as a backup id (a UUID; with {@code
 * --target} only that target's folders are looked at, else the whole bucket), or else the newest VERIFIED backup of
 * {@code --target}, completed at or before {@code --at} when given. Thread-safe.
 */
public final class BackupLocator {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ObjectStore store;
    private final StoredBackups backups;

    /**
     * @param store the bucket's store, listed to find a backup id without a target
     * @param backups reads manifests and verification reports
     */
    public BackupLocator(ObjectStore store, StoredBackups backups) {
        this.store = Objects.requireNonNull(store, "store");
        this.backups = Objects.requireNonNull(backups, "backups");
    }

    /**
     * The backup asked for.
     *
     * @param backup a prefix or a backup id, or null to take the newest VERIFIED backup of {@code targetId}
     * @param targetId the target, required without {@code backup}; with it, the backup must be of that target
     * @param at the latest completion time of the newest VERIFIED backup, or null; only without {@code backup}
     * @throws RestoreRefusedException BACKUP_NOT_FOUND when there is no such backup
     * @throws IllegalArgumentException when neither {@code backup} nor {@code targetId} is given
     * @throws io.bulwark.artifacts.ObjectStoreException when the store cannot be read
     */
    public StoredBackup find(String backup, String targetId, Instant at) {
        if (backup == null || backup.isBlank()) {
            if (targetId == null || targetId.isBlank()) {
                throw new IllegalArgumentException("name the backup with --backup PREFIX|ID or --target ID");
            }
            return backups.newestVerified(targetId, at);
        }
        String wanted = backup.strip();
        StoredBackup found;
        if (UUID_FORM.matcher(wanted).matches()) {
            UUID id = UUID.fromString(wanted);
            found = targetId != null ? backups.byId(targetId, id) : byIdAnywhere(id);
        } else {
            found = backups.byPrefix(wanted.startsWith("/") ? wanted.substring(1) : wanted);
        }
        if (targetId != null && !targetId.equals(found.manifest().targetId())) {
            throw new RestoreRefusedException(
                    RestoreFailureReason.BACKUP_NOT_FOUND,
                    "the backup at " + found.prefix() + " is of target "
                            + found.manifest().targetId() + ", not " + targetId);
        }
        return found;
    }

    /** The backup {@code id} in whichever target's folder holds it: the whole bucket is listed once. */
    private StoredBackup byIdAnywhere(UUID id) {
        String folderEnd = "_" + ObjectKeys.backupId8(id) + "/";
        for (String key : store.list("")) {
            if (!key.endsWith("/" + ObjectKeys.MANIFEST) || key.contains("/" + ObjectKeys.RESTORES)) {
                continue;
            }
            String prefix = ObjectKeys.prefixOf(key);
            if (prefix.endsWith(folderEnd)) {
                StoredBackup candidate;
                try {
                    candidate = backups.byPrefix(prefix);
                } catch (RestoreRefusedException e) {
                    continue;
                }
                if (id.equals(candidate.manifest().backupId())) {
                    return candidate;
                }
            }
        }
        throw new RestoreRefusedException(
                RestoreFailureReason.BACKUP_NOT_FOUND, "no backup " + id + " in bucket " + store.bucket());
    }
}
