package io.bulwark.verifier.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.artifacts.InMemoryObjectStore;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.SourceStatistics;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.contracts.VerificationRequested;
import io.bulwark.pipeline.ArtifactReader;
import io.bulwark.pipeline.ReportStore;
import io.bulwark.pipeline.rules.VerificationSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReverifyBackupTest {

    private static final Instant STARTED = Instant.parse("2026-11-23T19:01:02Z");
    private static final UUID BACKUP = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");
    private static final String PREFIX = ObjectKeys.backupPrefix("chinook", "nightly", STARTED, BACKUP);
    private static final String MANIFEST_KEY = ObjectKeys.manifestKey(PREFIX);
    private static final ArtifactRef ARTIFACT = new ArtifactRef(
            "test", PREFIX + "dump.pgcustom.zst", "pg_dump-custom", List.of("zstd"), 40, 90, "aa", "bb");

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final List<BackupCompleted> verified = new ArrayList<>();
    private final List<Boolean> agains = new ArrayList<>();
    private int attempts;
    private final ReverifyBackup reverify = new ReverifyBackup(store, (event, again) -> {
        verified.add(event);
        agains.add(again);
        return null;
    });

    @Test
    void rebuildsTheCompletedEventFromTheManifestAndVerifiesAnew() {
        ManifestJson.store(store, MANIFEST_KEY, manifest());

        reverify.handle(request(PREFIX, MANIFEST_KEY));

        assertThat(agains).containsExactly(true);
        BackupCompleted event = verified.getFirst();
        assertThat(event.backupId()).isEqualTo(BACKUP);
        assertThat(event.requestId()).isEqualTo(BACKUP);
        assertThat(event.targetId()).isEqualTo("chinook");
        assertThat(event.prefix()).isEqualTo(PREFIX);
        assertThat(event.manifestKey()).isEqualTo(MANIFEST_KEY);
        assertThat(event.artifact()).isEqualTo(ARTIFACT);
        assertThat(event.tier()).isEqualTo(Tier.DAILY);
        assertThat(event.label()).isEqualTo("nightly");
        assertThat(event.trigger()).isEqualTo(Trigger.SCHEDULED);
        assertThat(event.startedAt()).isEqualTo(STARTED);
        assertThat(event.completedAt()).isEqualTo(STARTED.plusSeconds(30));
        assertThat(event.dumpMillis()).isEqualTo(30_000);
        assertThat(event.sourceStatistics())
                .isEqualTo(new SourceStatistics("postgresql", "15.20", "pg_dump (PostgreSQL) 15.20", 2, 622));
    }

    @Test
    void aRequestWithoutManifestKeyReadsTheManifestInItsPrefix() {
        ManifestJson.store(store, MANIFEST_KEY, manifest());

        reverify.handle(request(PREFIX, null));

        assertThat(verified.getFirst().manifestKey()).isEqualTo(MANIFEST_KEY);
        assertThat(verified.getFirst().artifact()).isEqualTo(ARTIFACT);
    }

    @Test
    void aRequestWithoutPrefixTakesItFromTheManifestKey() {
        ManifestJson.store(store, MANIFEST_KEY, manifest());

        reverify.handle(request(null, MANIFEST_KEY));

        assertThat(verified.getFirst().prefix()).isEqualTo(PREFIX);
    }

    @Test
    void aRequestNamingNeitherPrefixNorManifestIsInvalid() {
        assertThatThrownBy(() -> reverify.handle(request(null, null)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("prefix");
        assertThat(verified).isEmpty();
    }

    @Test
    void aMissingManifestIsAFailedVerificationThroughTheNormalPath() {
        List<BackupVerified> published = new ArrayList<>();
        ReverifyBackup real = new ReverifyBackup(store, verifier(published));

        BackupVerified result = real.handle(request(PREFIX, MANIFEST_KEY));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.backupId()).isEqualTo(BACKUP);
        assertThat(result.prefix()).isEqualTo(PREFIX);
        assertThat(result.checks())
                .filteredOn(c -> c.name().equals("manifest"))
                .singleElement()
                .extracting(CheckResult::status)
                .isEqualTo(CheckStatus.FAILED);
        assertThat(published).containsExactly(result);
        assertThat(store.objects()).containsKey(ObjectKeys.verificationKey(PREFIX));
    }

    @Test
    void anUnreachableStoreIsAnErrorRetriedAndNeverAFailure() {
        ManifestJson.store(store, MANIFEST_KEY, manifest());
        store.setUnreachable(true);
        List<BackupVerified> published = new ArrayList<>();
        ReverifyBackup real = new ReverifyBackup(store, verifier(published));

        BackupVerified result = real.handle(request(PREFIX, MANIFEST_KEY));

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.checks())
                .filteredOn(c -> c.name().equals("manifest"))
                .singleElement()
                .extracting(CheckResult::status)
                .as("the store could not be read: no verdict on the backup")
                .isEqualTo(CheckStatus.ERROR);
        assertThat(attempts).isEqualTo(2);
        assertThat(published).containsExactly(result);
    }

    /** The real verifier, publishing nothing itself, inside the retry; no sandbox is ever reached. */
    private RetryingVerification verifier(List<BackupVerified> published) {
        SandboxProvider noSandbox = new SandboxProvider() {
            @Override
            public String kind() {
                return "none";
            }

            @Override
            public Sandbox start(SandboxRequest request) {
                throw new AssertionError("no sandbox expected");
            }
        };
        VerifyBackup verifyBackup = new VerifyBackup(
                store,
                new ArtifactReader(store, targetId -> DecryptionKeys.none()),
                new ReportStore(store, null),
                noSandbox,
                attempt -> {},
                Clock.fixed(Instant.parse("2026-11-30T09:15:00Z"), ZoneOffset.UTC),
                Duration.ofMinutes(5),
                targetId -> VerificationSettings.NONE);
        return new RetryingVerification(
                (event, again) -> {
                    attempts++;
                    return verifyBackup.attempt(event, again);
                },
                published::add,
                2,
                Duration.ofMillis(1),
                Duration.ofMillis(2));
    }

    private static VerificationRequested request(String prefix, String manifestKey) {
        return VerificationRequested.of(BACKUP, "chinook", prefix, manifestKey, "api");
    }

    private static Manifest manifest() {
        return new Manifest(
                1,
                BACKUP,
                BACKUP,
                "chinook",
                "nightly",
                Tier.DAILY,
                Trigger.SCHEDULED,
                STARTED,
                STARTED.plusSeconds(30),
                new Manifest.Source("postgresql", "15.20", 150020, "127.0.0.1", 5432, "chinook", "snap"),
                new Manifest.Tool("pg_dump", "pg_dump (PostgreSQL) 15.20", "custom"),
                ARTIFACT,
                SchemaInventory.ofTables(
                        List.of(new TableInfo("public", "album", 347), new TableInfo("public", "artist", 275))),
                "count(*)");
    }
}
