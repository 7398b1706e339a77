package io.bulwark.artifacts;

import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.contracts.Ids;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The object-key layout (docs/architecture.md, "Object layout"):
 * {@code {targetId}/{yyyy}/{MM}/{label}_{UTC timestamp}_{backupId8}/} holding the dump ({@code
 * dump.<format>.<compression>[.gpg]}, see {@link #dumpKey}), {@code manifest.json}, {@code
 * verification.json} and {@code verification.html}.
 */
public final class ObjectKeys {

    /** Name of the manifest object inside a backup's prefix. */
    public static final String MANIFEST = "manifest.json";
    /** Name of the manifest's signature inside a backup's prefix ({@link ManifestSigningKeys}). */
    public static final String MANIFEST_SIGNATURE = "manifest.json.sig";
    /** Name of the machine-readable verification report. */
    public static final String VERIFICATION_JSON = "verification.json";
    /** Name of the human-readable verification report. */
    public static final String VERIFICATION_HTML = "verification.html";
    /** Name of the machine-readable proven-restore report, under {@link #restorePrefix}. */
    public static final String RESTORE_JSON = "restore.json";
    /** Name of the human-readable proven-restore report, under {@link #restorePrefix}. */
    public static final String RESTORE_HTML = "restore.html";
    /** The folder inside a backup's prefix that holds one folder per restore of it. */
    public static final String RESTORES = "restores/";

    /** The format extension of a PostgreSQL custom-format dump ({@code pg_dump -Fc}). */
    public static final String PG_CUSTOM = "pgcustom";
    /** Name of a PostgreSQL custom-format dump compressed with zstd. */
    public static final String PG_CUSTOM_ZSTD = "dump." + PG_CUSTOM + ".zst";

    private static final Pattern FORMAT_EXTENSION = Pattern.compile("[a-z0-9]{1,16}");

    private static final DateTimeFormatter YEAR =
            DateTimeFormatter.ofPattern("yyyy").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("MM").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ObjectKeys() {}

    /**
     * The prefix of one backup, ending in {@code /}, e.g. {@code
     * chinook/2026/11/adhoc_20261123T190102Z_1a2b3c4d/}.
     *
     * @param startedAt the dump's start, formatted in UTC
     * @throws IllegalArgumentException when {@code targetId} or {@code label} is not a safe id
     */
    public static String backupPrefix(String targetId, String label, Instant startedAt, UUID backupId) {
        Ids.requireSafe("targetId", targetId);
        Ids.requireSafe("label", label);
        return targetId + "/" + YEAR.format(startedAt) + "/" + MONTH.format(startedAt) + "/" + label + "_"
                + STAMP.format(startedAt) + "_" + backupId8(backupId) + "/";
    }

    /** The first 8 characters of {@code backupId}, the last part of a backup's folder name. */
    public static String backupId8(UUID backupId) {
        return backupId.toString().substring(0, 8);
    }

    /** The prefix holding every backup of {@code targetId}: {@code {targetId}/}. */
    public static String targetPrefix(String targetId) {
        return Ids.requireSafe("targetId", targetId) + "/";
    }

    /**
     * True when {@code key} lies in the folder of the backup {@code backupId}, i.e. its folder name
     * ends in {@code _{backupId8}}.
     */
    public static boolean belongsTo(String key, UUID backupId) {
        return prefixOf(key).endsWith("_" + backupId8(backupId) + "/");
    }

    /**
     * The key of the dump in the backup at {@code prefix}: {@code dump.<formatExtension>} and the chain's
     * {@link CodecChain#fileSuffix()}, e.g. {@code dump.pgcustom.zst}, {@code dump.sql.zst.gpg}, {@code
     * dump.sql.gz}: {@code dump.<format>.<compression>[.gpg]}.
     *
     * @param formatExtension the dump format's short name, 1 to 16 of {@code [a-z0-9]}: {@value #PG_CUSTOM},
     *     {@code sql}…
     * @throws IllegalArgumentException when {@code formatExtension} is not of that form
     */
    public static String dumpKey(String prefix, String formatExtension, CodecChain chain) {
        if (formatExtension == null
                || !FORMAT_EXTENSION.matcher(formatExtension).matches()) {
            throw new IllegalArgumentException(
                    "formatExtension must be 1 to 16 of [a-z0-9] but was '" + formatExtension + "'");
        }
        return inPrefix(prefix, "dump." + formatExtension + chain.fileSuffix());
    }

    /** The key of the zstd-compressed PostgreSQL custom-format dump in the backup at {@code prefix}. */
    public static String pgDumpKey(String prefix) {
        return dumpKey(prefix, PG_CUSTOM, CodecChain.zstd());
    }

    /** The key of {@code manifest.json} in the backup at {@code prefix}. */
    public static String manifestKey(String prefix) {
        return inPrefix(prefix, MANIFEST);
    }

    /** The key of the signature of the manifest at {@code manifestKey}: {@code <manifestKey>.sig}. */
    public static String signatureKey(String manifestKey) {
        return manifestKey + ".sig";
    }

    /** The key of {@code verification.json} in the backup at {@code prefix}. */
    public static String verificationKey(String prefix) {
        return inPrefix(prefix, VERIFICATION_JSON);
    }

    /**
     * The folder of one restore of the backup at {@code prefix}: {@code <prefix>restores/<restoreId>/}, which holds
     * {@value #RESTORE_JSON} and {@value #RESTORE_HTML}.
     */
    public static String restorePrefix(String prefix, UUID restoreId) {
        return inPrefix(prefix, RESTORES + restoreId + "/");
    }

    /** The key of {@code name} inside the backup at {@code prefix}. */
    public static String inPrefix(String prefix, String name) {
        return prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
    }

    /** The prefix of the backup that holds {@code key}, ending in {@code /}. */
    public static String prefixOf(String key) {
        return key.substring(0, key.lastIndexOf('/') + 1);
    }
}
