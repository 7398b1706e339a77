package io.bulwark.scheduler.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * Which object keys the scheduler may read a report from. The bucket is trusted only within a backup's own prefix:
 * the key must lie strictly inside the prefix, the prefix must be the backup's own folder (its name ends in {@code
 * _<first 8 characters of the backup id>/}, the layout every Bulwark writer uses), and no segment of the key may be
 * empty, {@code .} or {@code ..}. Stateless.
 */
public final class ReportKeys {

    private ReportKeys() {}

    /**
     * Why {@code key} may not be read for the backup {@code backupId} at {@code prefix}, or empty when it may.
     *
     * @param prefix the backup's object-key prefix, as projected from its events
     * @param backupId the backup, or null when not known (then the folder name is not checked)
     * @param key the report's object key, as projected from its events
     */
    public static Optional<String> refusal(String prefix, UUID backupId, String key) {
        if (prefix == null || prefix.isBlank()) {
            return Optional.of("the backup's prefix is not known");
        }
        if (key == null || key.isBlank()) {
            return Optional.of("no report key");
        }
        String folder = prefix.endsWith("/") ? prefix : prefix + "/";
        if (!safe(folder.substring(0, folder.length() - 1))) {
            return Optional.of("the prefix '" + prefix + "' is not a plain folder");
        }
        if (backupId != null && !folder.endsWith("_" + backupId.toString().substring(0, 8) + "/")) {
            return Optional.of("the prefix '" + prefix + "' is not the folder of backup " + backupId);
        }
        if (!key.startsWith(folder) || key.length() == folder.length()) {
            return Optional.of("the key '" + key + "' lies outside the backup's prefix '" + folder + "'");
        }
        if (!safe(key)) {
            return Optional.of("the key '" + key + "' has an empty, '.' or '..' segment");
        }
        return Optional.empty();
    }

    /** True when no segment of {@code path} is empty, {@code .} or {@code ..} and it holds no backslash. */
    private static boolean safe(String path) {
        if (path.indexOf('\\') >= 0) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
