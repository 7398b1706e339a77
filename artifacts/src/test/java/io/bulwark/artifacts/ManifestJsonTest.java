package io.bulwark.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {

    static Manifest sample() {
        UUID id = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");
        String prefix = ObjectKeys.backupPrefix("chinook", "adhoc", Instant.parse("2026-11-23T19:01:02Z"), id);
        return new Manifest(
                Manifest.SCHEMA_VERSION,
                id,
                id,
                "chinook",
                "adhoc",
                Tier.ADHOC,
                Trigger.MANUAL,
                Instant.parse("2026-11-23T19:01:02Z"),
                Instant.parse("2026-11-23T19:01:09Z"),
                new Manifest.Source("postgresql", "15.20", 150020, "127.0.0.1", 5432, "chinook", "00000003-0000001B-1"),
                new Manifest.Tool("pg_dump", "pg_dump (PostgreSQL) 15.20", "custom"),
                new ArtifactRef(
                        "bulwark",
                        ObjectKeys.pgDumpKey(prefix),
                        "pg_dump-custom",
                        List.of("zstd"),
                        1234,
                        5678,
                        "ab".repeat(32),
                        "cd".repeat(32),
                        List.of("0A1B2C3D4E5F60718293A4B5C6D7E8F901234567")),
                new SchemaInventory(
                        List.of(new TableInfo("public", "album", 347), new TableInfo("public", "artist", 275)),
                        List.of("public.v"),
                        List.of(),
                        List.of("public.s"),
                        List.of("public.f()"),
                        List.of("public.album.album_pkey"),
                        List.of("public.album.album_pkey"),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of("plpgsql")),
                "SELECT count(*) per table in the exported snapshot shared with pg_dump --snapshot");
    }

    @Test
    void roundTripsEveryField() {
        Manifest manifest = sample();
        assertThat(ManifestJson.read(ManifestJson.toBytes(manifest))).isEqualTo(manifest);
    }

    @Test
    void writesReadableJsonWithIsoDatesAndNoDerivedFields() {
        String json = new String(ManifestJson.toBytes(sample()), StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"startedAt\" : \"2026-11-23T19:01:02Z\"")
                .contains("\"rows\" : 347")
                .doesNotContain("totalRows")
                .doesNotContain("qualifiedName");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String json = new String(ManifestJson.toBytes(sample()), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{ \"addedLater\" : 1,");
        assertThat(ManifestJson.read(json.getBytes(StandardCharsets.UTF_8)).targetId())
                .isEqualTo("chinook");
    }

    @Test
    void aManifestWrittenBeforeRecipientsWereRecordedReadsAsUnknownRecipients() {
        String json = new String(ManifestJson.toBytes(sample()), StandardCharsets.UTF_8)
                .replaceAll(",\\s*\"recipients\"\\s*:\\s*\\[[^\\]]*\\]", "");
        assertThat(json).doesNotContain("recipients");

        Manifest old = ManifestJson.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(old.artifact().recipientsKnown()).isFalse();
        assertThat(old.artifact().recipients()).isNull();
        assertThat(sample().artifact().recipientsKnown()).isTrue();
        assertThat(sample().artifact().recipients()).containsExactly("0A1B2C3D4E5F60718293A4B5C6D7E8F901234567");
    }

    @Test
    void malformedJsonIsAnInvalidEvent() {
        assertThatThrownBy(() -> ManifestJson.read("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("Manifest");
    }
}
