package io.bulwark.artifacts;

import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SourceHealth;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code manifest.json}: everything needed to verify and restore a backup. Written last: a backup
 * exists only when its manifest does. Never holds a secret.
 *
 * @param schemaVersion 1
 * @param backupId the backup
 * @param requestId the request that caused it
 * @param targetId the target
 * @param label the label in the object key
 * @param tier the retention tier
 * @param trigger what started it
 * @param startedAt when the dump started
 * @param completedAt when the upload finished
 * @param source the source database at dump time
 * @param tool the dump tool
 * @param artifact the stored dump: key, sizes, checksums, codec chain
 * @param inventory schema inventory and exact row counts, from the dump's snapshot
 * @param rowCountMethod how the row counts were taken, for a person reading the manifest
 * @param sourceHealth the source's own flaws at dump time (orphan rows per foreign key, sequences behind their
 *     column), so that checks judge the restored copy against the source rather than against a perfect database; null
 *     in manifests written before this field existed, or when it could not be taken
 */
public record Manifest(
        int schemaVersion,
        UUID backupId,
        UUID requestId,
        String targetId,
        String label,
        Tier tier,
        Trigger trigger,
        Instant startedAt,
        Instant completedAt,
        Source source,
        Tool tool,
        ArtifactRef artifact,
        SchemaInventory inventory,
        String rowCountMethod,
        SourceHealth sourceHealth) {

    public static final int SCHEMA_VERSION = 1;

    /** A manifest without source health (as written before it was recorded). */
    public Manifest(
            int schemaVersion,
            UUID backupId,
            UUID requestId,
            String targetId,
            String label,
            Tier tier,
            Trigger trigger,
            Instant startedAt,
            Instant completedAt,
            Source source,
            Tool tool,
            ArtifactRef artifact,
            SchemaInventory inventory,
            String rowCountMethod) {
        this(
                schemaVersion,
                backupId,
                requestId,
                targetId,
                label,
                tier,
                trigger,
                startedAt,
                completedAt,
                source,
                tool,
                artifact,
                inventory,
                rowCountMethod,
                null);
    }

    /**
     * The source database at dump time.
     *
     * @param engine {@code postgresql}, {@code mariadb} or {@code mysql}
     * @param serverVersion e.g. {@code 15.19}
     * @param serverVersionNum e.g. {@code 150019} ({@code server_version_num})
     * @param host host name of the source (no credentials)
     * @param port TCP port
     * @param database database name
     * @param snapshotId the exported snapshot the dump and the counts share, or null
     */
    public record Source(
            String engine,
            String serverVersion,
            int serverVersionNum,
            String host,
            int port,
            String database,
            String snapshotId) {}

    /**
     * The dump tool.
     *
     * @param name e.g. {@code pg_dump}
     * @param version its {@code --version} output
     * @param format e.g. {@code custom}
     */
    public record Tool(String name, String version, String format) {}
}
