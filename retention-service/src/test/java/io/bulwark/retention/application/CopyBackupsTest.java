package io.bulwark.retention.application;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.artifacts.InMemoryObjectStore;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectNotFoundException;
import io.bulwark.artifacts.ObjectStoreException;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCopyUpdated;
import io.bulwark.contracts.CopyState;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.retention.domain.BackupCopy;
import io.bulwark.retention.domain.CatalogedBackup;
import io.bulwark.retention.domain.CopyRetentionPolicy;
import io.bulwark.retention.domain.CopyStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The copy procedure on in-memory stores: every object copied with the manifest last, an object already there not
 * uploaded again, a wrong artifact caught by reading it back, a failure retried, a copy never made twice.
 */
class CopyBackupsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");
    private static final UUID ID = UUID.fromString("1a2b3c4d-0000-0000-0000-000000000001");
    private static final String PREFIX = ObjectKeys.backupPrefix("chinook", "nightly", T0, ID);
    private static final byte[] ARTIFACT = "the dump's stored bytes".getBytes(UTF_8);
    private static final CatalogedBackup BACKUP =
            new CatalogedBackup(ID, "chinook", PREFIX, Tier.DAILY, T0, Outcome.PASSED);

    private final InMemoryObjectStore primary = new InMemoryObjectStore();
    private final MemoryCopyStore copyStore = new MemoryCopyStore();
    private final MemoryCatalog catalog = new MemoryCatalog();
    private final List<BackupCopyUpdated> published = new ArrayList<>();
    private final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    private final CopyBackups copies = new CopyBackups(
            catalog,
            primary,
            List.of(new CopyDestination("offsite", copyStore, CopyRetentionPolicy.KEEP_ALL)),
            new AnnounceCopies(catalog, published::add),
            clock);

    private void storeBackup(String manifestSha256) {
        String artifactKey = ObjectKeys.pgDumpKey(PREFIX);
        primary.putBytes(artifactKey, ARTIFACT, "application/octet-stream");
        primary.putBytes(ObjectKeys.verificationKey(PREFIX), "{\"outcome\":\"PASSED\"}".getBytes(UTF_8), "x");
        ManifestJson.store(
                primary,
                ObjectKeys.manifestKey(PREFIX),
                new Manifest(
                        Manifest.SCHEMA_VERSION,
                        ID,
                        ID,
                        "chinook",
                        "nightly",
                        Tier.DAILY,
                        Trigger.SCHEDULED,
                        T0.minusSeconds(60),
                        T0,
                        new Manifest.Source("postgresql", "15.20", 150020, "127.0.0.1", 5432, "chinook", null),
                        new Manifest.Tool("pg_dump", "pg_dump (PostgreSQL) 15.20", "custom"),
                        new ArtifactRef(
                                "bulwark",
                                artifactKey,
                                "pg_dump-custom",
                                List.of("zstd"),
                                ARTIFACT.length,
                                ARTIFACT.length,
                                manifestSha256,
                                manifestSha256),
                        SchemaInventory.ofTables(List.of()),
                        "count(*)"));
    }

    @Test
    void copiesEveryObjectWithTheManifestLastAndAnnouncesCopiedOnce() {
        storeBackup(sha256(ARTIFACT));
        assertThat(copies.enqueue(BACKUP)).isTrue();

        List<BackupCopy> copied = copies.copyDue();

        assertThat(copied).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(CopyStatus.COPIED);
            assertThat(c.sha256()).isEqualTo(sha256(ARTIFACT));
            assertThat(c.objects()).isEqualTo(3);
        });
        assertThat(copyStore.objects.keySet()).isEqualTo(primary.objects().keySet());
        assertThat(copyStore.puts.getLast()).isEqualTo(ObjectKeys.manifestKey(PREFIX));
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(CopyState.COPIED);
            assertThat(e.occurredAt()).isEqualTo(clock.instant());
        });

        copies.enqueue(BACKUP);
        assertThat(copies.copyDue()).as("a COPIED copy is never made again").isEmpty();
        assertThat(copyStore.puts).hasSize(3);
        assertThat(published).hasSize(1);
    }

    @Test
    void anObjectTheCopyStoreHoldsAlreadyIsNotUploadedAgain() {
        storeBackup(sha256(ARTIFACT));
        copyStore.objects.put(ObjectKeys.pgDumpKey(PREFIX), ARTIFACT.clone());
        copies.enqueue(BACKUP);

        assertThat(copies.copyDue()).hasSize(1);

        assertThat(copyStore.puts).hasSize(2).doesNotContain(ObjectKeys.pgDumpKey(PREFIX));
    }

    @Test
    void aDownCopyStoreFailsTheCopyWhichIsRetriedAndAnnouncedOncePerStreak() {
        storeBackup(sha256(ARTIFACT));
        copies.enqueue(BACKUP);
        copyStore.down = true;

        assertThat(copies.copyDue()).isEmpty();
        assertThat(copies.copyDue()).isEmpty();

        BackupCopy failed = catalog.rows.get(ID);
        assertThat(failed.state()).isEqualTo(CopyStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.detail()).contains("copy store down");
        assertThat(published).extracting(BackupCopyUpdated::state).containsExactly(CopyState.FAILED);

        copyStore.down = false;
        assertThat(copies.copyDue()).hasSize(1);
        assertThat(catalog.rows.get(ID).attempts()).isEqualTo(3);
        assertThat(published).extracting(BackupCopyUpdated::state).containsExactly(CopyState.FAILED, CopyState.COPIED);
    }

    @Test
    void anArtifactThatDoesNotMatchTheManifestFailsAndIsRemovedFromTheCopyStore() {
        storeBackup("00".repeat(32));
        copies.enqueue(BACKUP);

        assertThat(copies.copyDue()).isEmpty();

        assertThat(catalog.rows.get(ID).state()).isEqualTo(CopyStatus.FAILED);
        assertThat(catalog.rows.get(ID).detail()).contains("SHA-256");
        assertThat(copyStore.objects).doesNotContainKey(ObjectKeys.pgDumpKey(PREFIX));
        assertThat(copyStore.objects).doesNotContainKey(ObjectKeys.manifestKey(PREFIX));
    }

    @Test
    void aBackupThatIsNotVerifiedIsNotCopied() {
        assertThat(copies.enqueue(new CatalogedBackup(ID, "chinook", PREFIX, Tier.DAILY, T0, Outcome.FAILED)))
                .isFalse();
        assertThat(catalog.rows).isEmpty();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy store in memory that records its uploads and can be down. */
    private static final class MemoryCopyStore implements CopyStore {
        final Map<String, byte[]> objects = new TreeMap<>();
        final Map<String, String> sha256s = new TreeMap<>();
        final List<String> puts = new ArrayList<>();
        boolean down;

        private void up() {
            if (down) {
                throw new ObjectStoreException("copy store down", null);
            }
        }

        @Override
        public Optional<StoredObject> stat(String key) {
            up();
            byte[] bytes = objects.get(key);
            return bytes == null ? Optional.empty() : Optional.of(new StoredObject(bytes.length, sha256s.get(key)));
        }

        @Override
        public void put(String key, InputStream content, long length, String sha256, String contentType) {
            up();
            try {
                byte[] bytes = content.readAllBytes();
                assertThat(bytes).hasSize((int) length);
                objects.put(key, bytes);
                sha256s.put(key, sha256);
                puts.add(key);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream get(String key) {
            up();
            byte[] bytes = objects.get(key);
            if (bytes == null) {
                throw new ObjectNotFoundException(key);
            }
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public List<String> list(String prefix) {
            up();
            return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        }

        @Override
        public void delete(String key) {
            up();
            objects.remove(key);
            sha256s.remove(key);
        }
    }

    /** The copy catalog in memory (one copy store, every backup live). */
    private static final class MemoryCatalog implements CopyCatalog {
        final Map<UUID, BackupCopy> rows = new LinkedHashMap<>();

        @Override
        public void enqueue(List<BackupCopy> pending) {
            pending.forEach(c -> rows.putIfAbsent(c.backupId(), c));
        }

        @Override
        public List<BackupCopy> due(String copyId) {
            return rows.values().stream().filter(BackupCopy::due).toList();
        }

        @Override
        public List<BackupCopy> copied(String copyId) {
            return rows.values().stream()
                    .filter(c -> c.state() == CopyStatus.COPIED)
                    .toList();
        }

        @Override
        public List<BackupCopy> unannounced() {
            return rows.values().stream().filter(BackupCopy::announcementDue).toList();
        }

        @Override
        public List<BackupCopy> of(UUID backupId) {
            return Optional.ofNullable(rows.get(backupId)).stream().toList();
        }

        @Override
        public boolean save(BackupCopy copy, CopyStatus previous) {
            if (rows.get(copy.backupId()).state() != previous) {
                return false;
            }
            rows.put(copy.backupId(), copy);
            return true;
        }

        @Override
        public void markAnnounced(BackupCopy copy) {
            BackupCopy row = rows.get(copy.backupId());
            if (row.state() == copy.state()) {
                rows.put(copy.backupId(), row.announced());
            }
        }
    }
}
