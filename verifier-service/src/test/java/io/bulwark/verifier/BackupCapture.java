package io.bulwark.verifier;

import io.bulwark.artifacts.CaptureStream;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.SourceStatistics;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpEngine;
import io.bulwark.engines.DumpOptions;
import io.bulwark.engines.DumpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Real backups for the verifier's integration tests, written the way the dump-worker writes them: a dump engine's
 * output ({@code pg_dump} custom format, {@code mariadb-dump} SQL) streamed through a {@link CodecChain} and
 * SHA-256 ({@link CaptureStream}) into the object store, the manifest last, and the {@link BackupCompleted} that
 * announces it.
 */
final class BackupCapture {

    private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(5);

    private BackupCapture() {}

    /**
     * A stored backup.
     *
     * @param prefix the backup's folder, ending in {@code /}
     * @param artifactKey the dump's key, e.g. {@code <prefix>dump.sql.zst.gpg}
     */
    record Backup(String prefix, String artifactKey, Manifest manifest, BackupCompleted completed) {}

    /**
     * Dumps {@code source} with {@code engine}, stores the artifact encoded by {@code chain} and the manifest under
     * a fresh {@code adhoc} prefix of {@code targetId}.
     *
     * @throws IOException when the capture cannot be closed
     * @throws io.bulwark.engines.DumpFailedException when the dump fails
     */
    static Backup capture(
            ObjectStore store, String targetId, DumpEngine engine, ConnectionSpec source, CodecChain chain)
            throws IOException {
        UUID backupId = UUID.randomUUID();
        Instant startedAt = Instant.now();
        String prefix = ObjectKeys.backupPrefix(targetId, "adhoc", startedAt, backupId);
        String artifactKey = ObjectKeys.dumpKey(prefix, engine.fileExtension(), chain);
        Manifest manifest;
        try (DumpSession session = engine.open(source, DumpOptions.everything(DUMP_TIMEOUT));
                CaptureStream capture = new CaptureStream(session.stdout(), chain, session::awaitSuccess)) {
            store.putStream(artifactKey, capture, chain.contentType());
            ArtifactRef artifact = new ArtifactRef(
                    store.bucket(),
                    artifactKey,
                    engine.format(),
                    chain.codecs(),
                    capture.storedBytes(),
                    capture.rawBytes(),
                    capture.sha256(),
                    capture.rawSha256(),
                    chain.recipientFingerprints());
            manifest = new Manifest(
                    Manifest.SCHEMA_VERSION,
                    backupId,
                    backupId,
                    targetId,
                    "adhoc",
                    Tier.ADHOC,
                    Trigger.MANUAL,
                    startedAt,
                    Instant.now(),
                    new Manifest.Source(
                            engine.engine(),
                            session.serverVersion(),
                            session.serverVersionNum(),
                            source.host(),
                            source.port(),
                            source.database(),
                            session.snapshotId()),
                    new Manifest.Tool(session.toolName(), session.toolVersion(), session.toolFormat()),
                    artifact,
                    session.inventory(),
                    session.rowCountMethod());
        }
        String manifestKey = ObjectKeys.manifestKey(prefix);
        ManifestJson.store(store, manifestKey, manifest);
        BackupCompleted completed = new BackupCompleted(
                UUID.randomUUID(),
                manifest.completedAt(),
                BackupCompleted.SCHEMA_VERSION,
                backupId,
                backupId,
                targetId,
                "adhoc",
                Tier.ADHOC,
                Trigger.MANUAL,
                prefix,
                manifest.artifact(),
                manifestKey,
                new SourceStatistics(
                        engine.engine(),
                        manifest.source().serverVersion(),
                        manifest.tool().version(),
                        manifest.inventory().tables().size(),
                        manifest.inventory().totalRows()),
                startedAt,
                manifest.completedAt(),
                Duration.between(startedAt, manifest.completedAt()).toMillis());
        return new Backup(prefix, artifactKey, manifest, completed);
    }
}
