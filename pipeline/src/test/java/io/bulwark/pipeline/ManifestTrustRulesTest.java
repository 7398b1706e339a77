package io.bulwark.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.artifacts.InMemoryObjectStore;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ManifestSigningKeys;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManifestTrustRulesTest {

    static final UUID ID = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");
    static final String PREFIX = ObjectKeys.backupPrefix("chinook", "adhoc", Instant.parse("2026-11-23T19:01:02Z"), ID);

    static Manifest manifest(String targetId, UUID backupId, String key, List<String> codecs) {
        return new Manifest(
                Manifest.SCHEMA_VERSION,
                backupId,
                backupId,
                targetId,
                "adhoc",
                Tier.ADHOC,
                Trigger.MANUAL,
                Instant.parse("2026-11-23T19:01:02Z"),
                Instant.parse("2026-11-23T19:01:09Z"),
                null,
                null,
                new ArtifactRef("bulwark", key, "pg_dump-custom", codecs, 1, 1, "00", "00"),
                null,
                null);
    }

    static Manifest good() {
        return manifest("chinook", ID, PREFIX + "dump.pgcustom.zst", List.of("zstd"));
    }

    static ManifestTrustRules.Expected expected(boolean encrypted) {
        return new ManifestTrustRules.Expected(PREFIX, "chinook", ID, encrypted);
    }

    @Test
    void aManifestOfItsOwnPrefixTargetAndBackupIsTrusted() {
        assertThat(ManifestTrustRules.violation(good(), expected(false))).isEmpty();
        assertThat(ManifestTrustRules.violation(
                        good(), new ManifestTrustRules.Expected(PREFIX, "chinook", null, false)))
                .as("without an expected id, the folder's id is the backup's")
                .isEmpty();
    }

    @Test
    void aKeyOutsideThePrefixIsNamedWithThePrefix() {
        for (String key : List.of(
                "other/2026/11/adhoc_20261123T190102Z_99999999/dump.pgcustom.zst",
                "chinook/2026/11/adhoc_20261123T190102Z_99999999/dump.pgcustom.zst",
                PREFIX + "../x/dump.pgcustom.zst",
                PREFIX + "..",
                PREFIX + "restores/x/dump",
                PREFIX,
                "/etc/passwd",
                PREFIX + "a\\b",
                PREFIX + "a\nb")) {
            assertThat(ManifestTrustRules.violation(manifest("chinook", ID, key, List.of("zstd")), expected(false)))
                    .as(key)
                    .hasValueSatisfying(v -> assertThat(v).contains("outside prefix " + PREFIX));
        }
    }

    @Test
    void anotherTargetOrBackupIsRefused() {
        assertThat(ManifestTrustRules.violation(
                        manifest("sakila", ID, PREFIX + "dump.pgcustom.zst", List.of("zstd")), expected(false)))
                .hasValueSatisfying(v -> assertThat(v).contains("target sakila, not of chinook"));
        UUID other = UUID.fromString("99999999-0000-4000-8000-000000000001");
        assertThat(ManifestTrustRules.violation(
                        manifest("chinook", other, PREFIX + "dump.pgcustom.zst", List.of("zstd")), expected(false)))
                .hasValueSatisfying(v -> assertThat(v).contains("backup " + other));
        assertThat(ManifestTrustRules.violation(
                        manifest("chinook", other, PREFIX + "dump.pgcustom.zst", List.of("zstd")),
                        new ManifestTrustRules.Expected(PREFIX, "chinook", null, false)))
                .as("a manifest copied into another backup's folder")
                .hasValueSatisfying(v -> assertThat(v).contains("not of the folder"));
    }

    @Test
    void aPrefixOutsideItsTargetIsRefused() {
        for (String prefix : List.of("sakila/2026/11/x_1/", "chinook/../sakila/", "chinook//x/", "/chinook/x/")) {
            assertThat(ManifestTrustRules.prefixViolation(prefix, "chinook"))
                    .as(prefix)
                    .isPresent();
        }
        assertThat(ManifestTrustRules.prefixViolation(PREFIX, "chinook")).isEmpty();
    }

    @Test
    void aPlaintextArtifactOfATargetThatEncryptsIsRefused() {
        assertThat(ManifestTrustRules.violation(good(), expected(true)))
                .hasValueSatisfying(v -> assertThat(v).contains("plaintext").contains("requires encryption"));
        Manifest encrypted = manifest("chinook", ID, PREFIX + "dump.pgcustom.zst.gpg", List.of("zstd", "openpgp"));
        assertThat(ManifestTrustRules.violation(encrypted, expected(true))).isEmpty();
    }

    @Test
    void trustedManifestsReadOnlyTheManifestOfThePrefixAndBoundTheSize() {
        InMemoryObjectStore store = new InMemoryObjectStore();
        ManifestJson.store(store, ObjectKeys.manifestKey(PREFIX), good());
        TrustedManifests manifests = new TrustedManifests(store, 1024 * 1024, id -> false);
        assertThat(manifests.load(PREFIX, ObjectKeys.manifestKey(PREFIX), "chinook", ID))
                .isEqualTo(good());
        assertThat(manifests.loadAt(PREFIX)).isEqualTo(good());
        assertThatThrownBy(() -> manifests.load(PREFIX, "sakila/manifest.json", "chinook", ID))
                .isInstanceOf(UntrustedManifestException.class)
                .hasMessageStartingWith("untrusted manifest: manifest key sakila/manifest.json");
        assertThatThrownBy(() -> new TrustedManifests(store, 1024 * 1024, id -> true)
                        .load(PREFIX, ObjectKeys.manifestKey(PREFIX), "chinook", ID))
                .isInstanceOf(UntrustedManifestException.class)
                .hasMessageContaining("plaintext");
        store.putBytes(
                ObjectKeys.manifestKey(PREFIX),
                ("{\"pad\":\"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertThatThrownBy(() -> new TrustedManifests(store, 1000, id -> false).loadAt(PREFIX))
                .isInstanceOf(UntrustedManifestException.class)
                .hasMessageContaining("larger than the limit of 1000 bytes");
    }

    @Test
    void theArtifactReaderNeverOpensAKeyOutsideThePrefix() {
        InMemoryObjectStore store = new InMemoryObjectStore();
        store.putBytes("secret/key", new byte[] {1}, "application/octet-stream");
        ArtifactReader reader = new ArtifactReader(store, t -> io.bulwark.artifacts.codec.DecryptionKeys.none());
        Manifest outside = manifest("chinook", ID, "secret/key", List.of("zstd"));
        assertThatThrownBy(() -> reader.open("chinook", PREFIX, outside.artifact()))
                .isInstanceOf(UntrustedManifestException.class)
                .hasMessage("untrusted manifest: key secret/key outside prefix " + PREFIX);
    }

    @Test
    void withSigningConfiguredAnUnsignedOrAlteredManifestIsUntrusted() {
        InMemoryObjectStore store = new InMemoryObjectStore();
        ManifestSigningKeys keys = ManifestSigningKeys.of(
                "k1", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), List.of());
        TrustedManifests signed = new TrustedManifests(store, 1024 * 1024, id -> false, keys);
        String key = ObjectKeys.manifestKey(PREFIX);
        ManifestJson.store(store, key, good());
        assertThatThrownBy(() -> signed.loadAt(PREFIX))
                .isInstanceOf(UntrustedManifestException.class)
                .hasMessage("untrusted manifest: no signature " + key + ".sig beside the manifest");
        ManifestJson.storeSigned(store, key, good(), keys);
        assertThat(signed.loadAt(PREFIX)).isEqualTo(good());
        store.putBytes(
                key,
                ManifestJson.toBytes(manifest("chinook", ID, PREFIX + "dump.sql.zst", List.of("zstd"))),
                "application/json");
        assertThatThrownBy(() -> signed.loadAt(PREFIX))
                .isInstanceOf(UntrustedManifestException.class)
                .hasMessageContaining("does not match");
    }
}
