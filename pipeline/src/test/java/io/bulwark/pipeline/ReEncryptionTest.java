package io.bulwark.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.artifacts.InMemoryObjectStore;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.codec.ArtifactDecoder;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.artifacts.codec.OpenPgpEncryption;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReEncryptionTest {

    static final String PREFIX = "chinook/2026/12/adhoc_20261203T050000Z_1a2b3c4d/";
    static final String MANIFEST = PREFIX + "manifest.json";
    static final String ARTIFACT = PREFIX + "dump.pgcustom.zst.gpg";

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final byte[] raw = sample(3_000_000);
    private final OpenPgpEncryption toOld = OpenPgpEncryption.toRecipients(List.of(key("rsa.pub.asc")));
    private final OpenPgpEncryption toNew = OpenPgpEncryption.toRecipients(List.of(key("cv25519.pub.asc")));
    private final DecryptionKeys ring =
            DecryptionKeys.ofSecretKeyFile(key("rsa.sec.asc"), null).withSecretKeyFile(key("cv25519.sec.asc"), null);
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T05:10:00Z"), ZoneOffset.UTC);

    @Test
    void theArtifactIsEncryptedToTheNewRecipientsTheManifestSwitchedAndTheOldObjectDeleted() throws Exception {
        store(raw);
        AtomicInteger writes = new AtomicInteger();

        ReEncryption.Result result = new ReEncryption(
                        store,
                        ring,
                        toNew,
                        (s, key, m) -> {
                            writes.incrementAndGet();
                            ManifestJson.store(s, key, m);
                        },
                        clock)
                .reencrypt(MANIFEST);

        Manifest manifest = ManifestJson.load(store, MANIFEST);
        ArtifactRef artifact = manifest.artifact();
        assertThat(writes).hasValue(1);
        assertThat(result.newKey())
                .isEqualTo(artifact.key())
                .isEqualTo(PREFIX + "dump.pgcustom.zst.reenc-20261203T051000Z.gpg");
        assertThat(artifact.recipients())
                .isEqualTo(toNew.recipientFingerprints())
                .isEqualTo(result.newRecipients());
        assertThat(result.oldRecipients()).isEqualTo(toOld.recipientFingerprints());
        assertThat(store.exists(ARTIFACT)).isFalse();
        assertThat(store.size(artifact.key())).isEqualTo(artifact.storedBytes());
        assertThat(sha256(store.get(artifact.key()).readAllBytes())).isEqualTo(artifact.sha256());
        DecryptionKeys onlyNew = DecryptionKeys.ofSecretKeyFile(key("cv25519.sec.asc"), null);
        try (InputStream in = ArtifactDecoder.decoding(store.get(artifact.key()), artifact.codecs(), onlyNew)) {
            assertThat(in.readAllBytes()).isEqualTo(raw);
        }
        assertThat(manifest.inventory())
                .isEqualTo(ManifestJson.read(ManifestJson.toBytes(manifest)).inventory());
    }

    @Test
    void aCrashBeforeTheManifestIsSwitchedLeavesTheOldBackupReadableAndTheNextRunRemovesTheLeftover() throws Exception {
        store(raw);
        Manifest before = ManifestJson.load(store, MANIFEST);

        assertThatThrownBy(() -> new ReEncryption(
                                store,
                                ring,
                                toNew,
                                (s, key, m) -> {
                                    throw new IllegalStateException("crash");
                                },
                                clock)
                        .reencrypt(MANIFEST))
                .hasMessage("crash");

        assertThat(ManifestJson.load(store, MANIFEST)).isEqualTo(before);
        assertThat(store.exists(ARTIFACT)).isTrue();
        assertThat(store.list(PREFIX)).hasSize(3); // manifest, old artifact, the unswitched new copy

        new ReEncryption(
                        store,
                        ring,
                        toNew,
                        ReEncryption.ManifestWriter.PLAIN,
                        clock.offset(clock, java.time.Duration.ofMinutes(1)))
                .reencrypt(MANIFEST);

        assertThat(store.list(PREFIX))
                .hasSize(2)
                .contains(
                        MANIFEST, ManifestJson.load(store, MANIFEST).artifact().key());
    }

    @Test
    void anAlteredArtifactIsNotReencryptedAndNothingChanges() throws Exception {
        store(raw);
        Manifest before = ManifestJson.load(store, MANIFEST);
        ManifestJson.store(store, MANIFEST, withSha(before, "00".repeat(32)));

        assertThatThrownBy(() -> new ReEncryption(store, ring, toNew, ReEncryption.ManifestWriter.PLAIN, clock)
                        .reencrypt(MANIFEST))
                .isInstanceOf(ReEncryptionException.class)
                .hasMessageContaining("SHA-256");

        assertThat(store.list(PREFIX)).containsExactlyInAnyOrder(MANIFEST, ARTIFACT);
    }

    @Test
    void aRingThatCannotOpenTheNewCopyIsRefusedBeforeAnythingIsWritten() {
        DecryptionKeys onlyOld = DecryptionKeys.ofSecretKeyFile(key("rsa.sec.asc"), null);

        assertThatThrownBy(() -> new ReEncryption(store, onlyOld, toNew, ReEncryption.ManifestWriter.PLAIN, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("could not be proven");
    }

    @Test
    void anArtifactTheRingCannotOpenIsNotReencrypted() throws Exception {
        store(raw);
        DecryptionKeys onlyNew = DecryptionKeys.ofSecretKeyFile(key("cv25519.sec.asc"), null);

        assertThatThrownBy(() -> new ReEncryption(store, onlyNew, toNew, ReEncryption.ManifestWriter.PLAIN, clock)
                        .reencrypt(MANIFEST))
                .isInstanceOf(ReEncryptionException.class)
                .hasMessageContaining("no key in the ring opens this artifact");

        assertThat(store.list(PREFIX)).containsExactlyInAnyOrder(MANIFEST, ARTIFACT);
    }

    /** Stores {@code content} as a backup encrypted to the old key. */
    private void store(byte[] content) throws IOException {
        CodecChain chain = CodecChain.zstd().encryptedWith(toOld);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encoder = chain.encoder(out)) {
            encoder.write(content);
        }
        byte[] stored = out.toByteArray();
        store.putBytes(ARTIFACT, stored, chain.contentType());
        ManifestJson.store(
                store,
                MANIFEST,
                manifest(new ArtifactRef(
                        "bulwark",
                        ARTIFACT,
                        "pg_dump-custom",
                        chain.codecs(),
                        stored.length,
                        content.length,
                        sha256(stored),
                        sha256(content),
                        chain.recipientFingerprints())));
    }

    static Manifest manifest(ArtifactRef artifact) {
        UUID id = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");
        return new Manifest(
                Manifest.SCHEMA_VERSION,
                id,
                id,
                "chinook",
                "adhoc",
                Tier.ADHOC,
                Trigger.MANUAL,
                Instant.parse("2026-12-03T05:00:00Z"),
                Instant.parse("2026-12-03T05:00:09Z"),
                new Manifest.Source("postgresql", "15.20", 150020, "127.0.0.1", 5432, "chinook", null),
                new Manifest.Tool("pg_dump", "pg_dump (PostgreSQL) 15.20", "custom"),
                artifact,
                new SchemaInventory(
                        List.of(new SchemaInventory.TableInfo("public", "album", 347)),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()),
                "test");
    }

    private static Manifest withSha(Manifest m, String sha) {
        ArtifactRef a = m.artifact();
        return manifest(new ArtifactRef(
                a.bucket(),
                a.key(),
                a.format(),
                a.codecs(),
                a.storedBytes(),
                a.rawBytes(),
                sha,
                a.rawSha256(),
                a.recipients()));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sample(int size) {
        byte[] bytes = new byte[size];
        Random random = new Random(42);
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + random.nextInt(8));
        }
        return bytes;
    }

    static Path key(String name) {
        try {
            return Path.of(
                    ReEncryptionTest.class.getResource("/openpgp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
