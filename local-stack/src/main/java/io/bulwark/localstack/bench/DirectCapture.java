package io.bulwark.localstack.bench;

import io.bulwark.artifacts.CaptureStream;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpEngine;
import io.bulwark.engines.DumpOptions;
import io.bulwark.engines.DumpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A backup written in this JVM the way the dump-worker writes one, without Kafka or the dump-worker's jar: the dump
 * engine's output ({@code pg_dump} custom archive, {@code mariadb-dump} SQL) streamed through a {@link CodecChain} and
 * SHA-256 ({@link CaptureStream}) into the object store as one multipart upload, then the manifest (inventory, exact
 * row counts, source health) last. For {@code bench restore}, which measures restores, not captures, and for the
 * standalone restore's tests.
 */
public final class DirectCapture {

    private DirectCapture() {}

    /**
     * A stored backup.
     *
     * @param prefix its folder, ending in {@code /}
     * @param manifest its manifest as stored
     */
    public record Backup(String prefix, Manifest manifest) {}

    /**
     * Dumps {@code source} with {@code engine} into a fresh {@code adhoc} backup of {@code targetId}.
     *
     * @param chain the codecs, e.g. {@code CodecChain.zstd(3)}
     * @param timeout how long the dump may take
     * @throws io.bulwark.engines.DumpFailedException when the dump fails
     * @throws io.bulwark.artifacts.ObjectStoreException when the store refuses the upload
     * @throws UncheckedIOException when the capture cannot start or close
     */
    public static Backup capture(
            ObjectStore store,
            String targetId,
            DumpEngine engine,
            ConnectionSpec source,
            CodecChain chain,
            Duration timeout) {
        UUID backupId = UUID.randomUUID();
        Instant startedAt = Instant.now();
        String prefix = ObjectKeys.backupPrefix(targetId, "adhoc", startedAt, backupId);
        String artifactKey = ObjectKeys.dumpKey(prefix, engine.fileExtension(), chain);
        Manifest manifest;
        try (DumpSession session = engine.open(source, DumpOptions.everything(timeout));
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
                    session.rowCountMethod(),
                    session.sourceHealth());
        } catch (IOException e) {
            throw new UncheckedIOException("the capture of " + artifactKey + " failed: " + e.getMessage(), e);
        }
        ManifestJson.store(store, ObjectKeys.manifestKey(prefix), manifest);
        return new Backup(prefix, manifest);
    }
}
