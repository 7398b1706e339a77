package io.bulwark.pipeline;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.VerificationReport;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds backups in the object store alone, without the scheduler's catalog (so a standalone disaster-recovery restore
 * works when nothing but the store is left): by prefix, by id, or the newest VERIFIED backup of a target taken at or
 * before a time. A backup is a prefix holding a {@code manifest.json}; it is VERIFIED when its {@code
 * verification.json} says PASSED for that backup. Thread-safe.
 */
public final class StoredBackups {

    /** A backup folder's name: {@code <label>_<yyyyMMdd'T'HHmmss'Z'>_<backupId8>}. */
    private static final Pattern FOLDER = Pattern.compile("([a-z0-9][a-z0-9_-]*)_(\\d{8}T\\d{6}Z)_([0-9a-f]{8})");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final ObjectStore store;
    private final ReportStore reports;
    private final TrustedManifests manifests;

    /**
     * Backups whose manifests are read with {@link TrustedManifests#lenient}.
     *
     * @param store where the backups are
     * @param reports reads their verification reports
     */
    public StoredBackups(ObjectStore store, ReportStore reports) {
        this(store, reports, TrustedManifests.lenient(store));
    }

    /**
     * @param store where the backups are
     * @param reports reads their verification reports
     * @param manifests reads their manifests, trusting only what keeps the rules
     */
    public StoredBackups(ObjectStore store, ReportStore reports, TrustedManifests manifests) {
        this.store = Objects.requireNonNull(store, "store");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.manifests = Objects.requireNonNull(manifests, "manifests");
    }

    /**
     * The backup at {@code prefix}.
     *
     * @throws RestoreRefusedException (BACKUP_NOT_FOUND) when no manifest is there, it cannot be read, or it is not
     *     trusted ({@link TrustedManifests}: the message starts {@code untrusted manifest:})
     * @throws io.bulwark.artifacts.ObjectStoreException when the store cannot be read
     */
    public StoredBackup byPrefix(String prefix) {
        String folder = prefix.endsWith("/") ? prefix : prefix + "/";
        Manifest manifest;
        try {
            manifest = manifests.loadAt(folder);
        } catch (ObjectNotFoundException e) {
            throw notFound("no backup at " + folder + ": it holds no manifest.json");
        } catch (InvalidEventException e) {
            throw notFound("the manifest at " + folder + " cannot be read: " + e.getMessage());
        } catch (UntrustedManifestException e) {
            throw notFound(e.getMessage() + " (backup at " + folder + ")");
        }
        VerificationReport verification = reports.verification(folder)
                .filter(r -> manifest.backupId() != null && manifest.backupId().equals(r.backupId()))
                .orElse(null);
        return new StoredBackup(folder, manifest, verification);
    }

    /**
     * The backup {@code backupId} of {@code targetId}.
     *
     * @throws RestoreRefusedException (BACKUP_NOT_FOUND) when the store holds no such backup
     * @throws io.bulwark.artifacts.ObjectStoreException when the store cannot be read
     */
    public StoredBackup byId(String targetId, UUID backupId) {
        String id8 = ObjectKeys.backupId8(backupId);
        for (String prefix : prefixes(targetId)) {
            Matcher folder = folderOf(prefix);
            if (folder != null && folder.group(3).equals(id8)) {
                StoredBackup backup = byPrefix(prefix);
                if (backupId.equals(backup.manifest().backupId())) {
                    return backup;
                }
            }
        }
        throw notFound("no backup " + backupId + " of target " + targetId + " in the object store");
    }

    /**
     * The newest VERIFIED backup of {@code targetId}, completed at or before {@code atOrBefore} when that is set.
     *
     * @param atOrBefore the latest completion time, or null for the newest
     * @throws RestoreRefusedException (BACKUP_NOT_FOUND) when there is none
     * @throws io.bulwark.artifacts.ObjectStoreException when the store cannot be read
     */
    public StoredBackup newestVerified(String targetId, Instant atOrBefore) {
        for (String prefix : prefixes(targetId)) {
            Instant started = startedAt(prefix);
            if (atOrBefore != null && started != null && started.isAfter(atOrBefore)) {
                continue;
            }
            StoredBackup backup;
            try {
                backup = byPrefix(prefix);
            } catch (RestoreRefusedException e) {
                continue;
            }
            Instant completed = backup.manifest().completedAt();
            if (backup.verified() && (atOrBefore == null || completed == null || !completed.isAfter(atOrBefore))) {
                return backup;
            }
        }
        throw notFound("no VERIFIED backup of target " + targetId
                + (atOrBefore == null ? "" : " completed at or before " + atOrBefore) + " in the object store");
    }

    /**
     * The prefixes of every backup of {@code targetId} that has a manifest, newest first (by the time in the folder
     * name: when the dump started).
     *
     * @throws io.bulwark.artifacts.ObjectStoreException when the store cannot be read
     */
    public List<String> prefixes(String targetId) {
        return store.list(ObjectKeys.targetPrefix(targetId)).stream()
                .filter(key -> key.endsWith("/" + ObjectKeys.MANIFEST) && !key.contains("/" + ObjectKeys.RESTORES))
                .map(ObjectKeys::prefixOf)
                .distinct()
                .sorted(Comparator.comparing(StoredBackups::startedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Comparator.reverseOrder()))
                .toList();
    }

    /** When the dump of the backup at {@code prefix} started, from its folder name; null when it has none. */
    static Instant startedAt(String prefix) {
        Matcher folder = folderOf(prefix);
        if (folder == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(folder.group(2), STAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Matcher folderOf(String prefix) {
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        Matcher matcher = FOLDER.matcher(trimmed.substring(trimmed.lastIndexOf('/') + 1));
        return matcher.matches() ? matcher : null;
    }

    private static RestoreRefusedException notFound(String message) {
        return new RestoreRefusedException(RestoreFailureReason.BACKUP_NOT_FOUND, message);
    }
}
