package io.bulwark.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ManifestSigningKeys;
import io.bulwark.artifacts.MinioObjectStore;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.ObjectStore;
import io.bulwark.artifacts.ObjectStoreSettings;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.embedded.S3ProxyServer;
import io.bulwark.pipeline.ArtifactReader;
import io.bulwark.pipeline.ReportStore;
import io.bulwark.pipeline.RestoreRefusedException;
import io.bulwark.pipeline.StoredBackups;
import io.bulwark.pipeline.TrustedManifests;
import io.bulwark.pipeline.rules.VerificationSettings;
import io.bulwark.verifier.application.SandboxException;
import io.bulwark.verifier.application.SandboxProvider;
import io.bulwark.verifier.application.VerifyBackup;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The verifier trusts the bucket only within a backup's prefix, on a real S3 API (S3Proxy): a manifest naming a key
 * outside its prefix, of another target, of a plaintext artifact where encryption is required, unsigned or altered
 * when signing is on, is FAILED "untrusted manifest" at the first gate, and the objects it names are never read.
 */
class ManifestTrustIT {

    private static final String BUCKET = "bulwark";
    private static final byte[] KEY = "manifest-trust-it-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    private static Path root;
    private static S3ProxyServer s3;
    private static ObjectStore s3Store;

    private final Set<String> read = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sandboxes = new AtomicInteger();
    private ObjectStore store;

    @BeforeAll
    static void startS3() throws Exception {
        root = Files.createTempDirectory("bulwark-manifest-trust-it");
        s3 = S3ProxyServer.start(root.resolve("s3"), BUCKET);
        s3Store = new MinioObjectStore(ObjectStoreSettings.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), BUCKET));
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.close();
        }
        FileSystemUtils.deleteRecursively(root.toFile());
    }

    @BeforeEach
    void recordReads() {
        store = new ReadRecordingStore(s3Store, read);
    }

    @Test
    void aManifestNamingAKeyOutsideItsPrefixFailsAndTheOutsideObjectIsNeverRead() {
        String secret = "payroll/2026/11/nightly_20261101T020000Z_abcdef01/dump.pgcustom.zst";
        s3Store.putBytes(secret, "another target's dump".getBytes(StandardCharsets.UTF_8), "application/zstd");
        Backup backup = backup("chinook");
        ManifestJson.store(s3Store, backup.manifestKey(), backup.manifest(secret, List.of("zstd")));

        BackupVerified verified = verifier(null, id -> false).handle(backup.event());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(manifestCheck(verified).detail())
                .isEqualTo("untrusted manifest: key " + secret + " outside prefix " + backup.prefix());
        assertThat(read).as("objects read").doesNotContain(secret).contains(backup.manifestKey());
        assertThat(sandboxes)
                .as("no sandbox is started for an untrusted manifest")
                .hasValue(0);
        assertThat(s3Store.exists(ObjectKeys.verificationKey(backup.prefix())))
                .as("the FAILED verdict is stored")
                .isTrue();

        // a restore finds no such backup, and says why
        StoredBackups stored = new StoredBackups(store, new ReportStore(store, null), TrustedManifests.lenient(store));
        assertThatThrownBy(() -> stored.byPrefix(backup.prefix()))
                .isInstanceOfSatisfying(
                        RestoreRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RestoreFailureReason.BACKUP_NOT_FOUND))
                .hasMessageContaining("untrusted manifest: key " + secret + " outside prefix");
        assertThat(read).doesNotContain(secret);
    }

    @Test
    void aManifestOfAnotherTargetOrAPlaintextArtifactOfATargetThatEncryptsFails() {
        Backup other = backup("chinook");
        Manifest payroll = other.manifest(other.prefix() + "dump.pgcustom.zst", List.of("zstd"));
        ManifestJson.store(s3Store, other.manifestKey(), withTarget(payroll, "payroll"));
        assertThat(manifestCheck(verifier(null, id -> false).handle(other.event()))
                        .detail())
                .startsWith("untrusted manifest: the manifest is of target payroll, not of chinook");

        Backup plain = backup("chinook");
        ManifestJson.store(
                s3Store, plain.manifestKey(), plain.manifest(plain.prefix() + "dump.pgcustom.zst", List.of("zstd")));
        BackupVerified verified = verifier(null, "chinook"::equals).handle(plain.event());
        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(manifestCheck(verified).detail())
                .startsWith("untrusted manifest: the artifact " + plain.prefix() + "dump.pgcustom.zst is plaintext")
                .contains("requires encryption");
        assertThat(read).noneMatch(key -> key.endsWith("dump.pgcustom.zst"));
    }

    @Test
    void withSigningOnAnUnsignedOrAlteredManifestFailsAndASignedOneIsTrusted() {
        ManifestSigningKeys keys = ManifestSigningKeys.of("it", KEY, List.of());

        Backup unsigned = backup("chinook");
        ManifestJson.store(s3Store, unsigned.manifestKey(), unsigned.manifest(unsigned.dumpKey(), List.of("zstd")));
        BackupVerified verified = verifier(keys, id -> false).handle(unsigned.event());
        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(manifestCheck(verified).detail())
                .isEqualTo("untrusted manifest: no signature " + unsigned.manifestKey() + ".sig beside the manifest");

        Backup altered = backup("chinook");
        ManifestJson.storeSigned(
                s3Store, altered.manifestKey(), altered.manifest(altered.dumpKey(), List.of("zstd")), keys);
        String json = new String(readAll(altered.manifestKey()), StandardCharsets.UTF_8);
        s3Store.putBytes(
                altered.manifestKey(),
                json.replace("\"rows\" : 7", "\"rows\" : 8").getBytes(StandardCharsets.UTF_8),
                "application/json");
        verified = verifier(keys, id -> false).handle(altered.event());
        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(manifestCheck(verified).detail())
                .startsWith("untrusted manifest: the signature does not match the manifest");

        Backup signed = backup("chinook");
        ManifestJson.storeSigned(
                s3Store, signed.manifestKey(), signed.manifest(signed.dumpKey(), List.of("zstd")), keys);
        verified = verifier(
                        ManifestSigningKeys.of(
                                "new",
                                "another-key-another-key-another-key".getBytes(StandardCharsets.UTF_8),
                                List.of(KEY)),
                        id -> false)
                .handle(signed.event());
        assertThat(manifestCheck(verified).status())
                .as("signed with a retired key: trusted; "
                        + manifestCheck(verified).detail())
                .isEqualTo(CheckStatus.PASSED);
        assertThat(sandboxes)
                .as("only the trusted manifest got as far as the sandbox")
                .hasValue(1);
    }

    private VerifyBackup verifier(ManifestSigningKeys keys, TrustedManifests.EncryptionPolicy encryption) {
        SandboxProvider noSandbox = new SandboxProvider() {
            @Override
            public String kind() {
                return "none";
            }

            @Override
            public io.bulwark.verifier.application.Sandbox start(SandboxRequest request) {
                sandboxes.incrementAndGet();
                throw new SandboxException("this test starts no sandbox", null, true);
            }
        };
        return new VerifyBackup(
                new TrustedManifests(store, TrustedManifests.DEFAULT_MAX_MANIFEST_BYTES, encryption, keys),
                new ArtifactReader(store, id -> DecryptionKeys.none()),
                new ReportStore(store, null),
                noSandbox,
                event -> {},
                Clock.systemUTC(),
                Duration.ofMinutes(1),
                id -> VerificationSettings.NONE);
    }

    private static CheckResult manifestCheck(BackupVerified verified) {
        return verified.checks().stream()
                .filter(c -> c.name().equals("manifest"))
                .findFirst()
                .orElseThrow();
    }

    private static byte[] readAll(String key) {
        try (InputStream in = s3Store.get(key)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Manifest withTarget(Manifest m, String targetId) {
        return new Manifest(
                m.schemaVersion(),
                m.backupId(),
                m.requestId(),
                targetId,
                m.label(),
                m.tier(),
                m.trigger(),
                m.startedAt(),
                m.completedAt(),
                m.source(),
                m.tool(),
                m.artifact(),
                m.inventory(),
                m.rowCountMethod());
    }

    private static Backup backup(String targetId) {
        UUID id = UUID.randomUUID();
        return new Backup(targetId, id, ObjectKeys.backupPrefix(targetId, "nightly", Instant.now(), id));
    }

    private record Backup(String targetId, UUID backupId, String prefix) {

        String manifestKey() {
            return ObjectKeys.manifestKey(prefix);
        }

        String dumpKey() {
            return ObjectKeys.pgDumpKey(prefix);
        }

        Manifest manifest(String artifactKey, List<String> codecs) {
            SchemaInventory inventory =
                    SchemaInventory.ofTables(List.of(new SchemaInventory.TableInfo("public", "album", 7)));
            return new Manifest(
                    Manifest.SCHEMA_VERSION,
                    backupId,
                    backupId,
                    targetId,
                    "nightly",
                    Tier.DAILY,
                    Trigger.SCHEDULED,
                    Instant.now(),
                    Instant.now(),
                    new Manifest.Source("postgresql", "15.20", 150020, "127.0.0.1", 5432, "chinook", null),
                    new Manifest.Tool("pg_dump", "pg_dump (PostgreSQL) 15.20", "custom"),
                    new ArtifactRef(BUCKET, artifactKey, "pg_dump-custom", codecs, 10, 10, "00", "00"),
                    inventory,
                    "exact");
        }

        BackupCompleted event() {
            return new BackupCompleted(
                    UUID.randomUUID(),
                    Instant.now(),
                    BackupCompleted.SCHEMA_VERSION,
                    backupId,
                    backupId,
                    targetId,
                    "nightly",
                    Tier.DAILY,
                    Trigger.SCHEDULED,
                    prefix,
                    null,
                    manifestKey(),
                    null,
                    null,
                    null,
                    0);
        }
    }

    /** The real store, recording every key opened for reading. */
    private record ReadRecordingStore(ObjectStore delegate, Set<String> read) implements ObjectStore {

        @Override
        public String bucket() {
            return delegate.bucket();
        }

        @Override
        public long putStream(String key, InputStream content, String contentType) {
            return delegate.putStream(key, content, contentType);
        }

        @Override
        public void putBytes(String key, byte[] content, String contentType) {
            delegate.putBytes(key, content, contentType);
        }

        @Override
        public InputStream get(String key) {
            read.add(key);
            return delegate.get(key);
        }

        @Override
        public boolean exists(String key) {
            return delegate.exists(key);
        }

        @Override
        public long size(String key) {
            return delegate.size(key);
        }

        @Override
        public List<String> list(String prefix) {
            return delegate.list(prefix);
        }

        @Override
        public void delete(String key) {
            delegate.delete(key);
        }

        @Override
        public int deletePrefix(String prefix) {
            return delegate.deletePrefix(prefix);
        }

        @Override
        public List<String> incompleteUploads(String prefix) {
            return delegate.incompleteUploads(prefix);
        }

        @Override
        public int abortIncompleteUploads(String prefix, Duration olderThan) {
            return delegate.abortIncompleteUploads(prefix, olderThan);
        }
    }
}
