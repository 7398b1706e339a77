package io.bulwark.artifacts;

import io.bulwark.contracts.Ids;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The object-key layout (DESIGN.md, "The artifact"):
 * {@code {targetId}/{yyyy}/{MM}/{label}_{UTC timestamp}_{backupId8}/} holding the dump, {@code
 * manifest.json}, {@code verification.json} and {@code verification.html}.
 */
public final class ObjectKeys {

    /** Name of the manifest object inside a backup's prefix. */
    public static final String MANIFEST = "manifest.json";
    /** Name of the machine-readable verification report. */
    public static final String VERIFICATION_JSON = "verification.json";
    /** Name of the human-readable verification report. */
    public static final String VERIFICATION_HTML = "verification.html";
    /** Name of a PostgreSQL custom-format dump compressed with zstd. */
    public static final String PG_CUSTOM_ZSTD = "dump.pgcustom.zst";

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
                + STAMP.format(startedAt) + "_" + backupId.toString().substring(0, 8) + "/";
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
