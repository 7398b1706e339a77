package io.bulwark.verifier.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import io.bulwark.artifacts.InMemoryObjectStore;
import io.bulwark.artifacts.Manifest;
import io.bulwark.artifacts.ManifestJson;
import io.bulwark.artifacts.ObjectKeys;
import io.bulwark.artifacts.codec.CodecChain;
import io.bulwark.artifacts.codec.DecryptionKeys;
import io.bulwark.artifacts.codec.OpenPgpEncryption;
import io.bulwark.contracts.ArtifactRef;
import io.bulwark.contracts.BackupCompleted;
import io.bulwark.contracts.BackupVerified;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.SourceStatistics;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.pipeline.rules.VerificationRules;
import io.bulwark.pipeline.rules.VerificationSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VerifyBackupTest {

    private static final Instant STARTED = Instant.parse("2026-11-23T19:01:02Z");
    private static final UUID BACKUP = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");
    private static final String PREFIX = ObjectKeys.backupPrefix("chinook", "nightly", STARTED, BACKUP);
    private static final String DUMP_KEY = PREFIX + ObjectKeys.PG_CUSTOM_ZSTD;
    private static final String MANIFEST_KEY = PREFIX + ObjectKeys.MANIFEST;
    private static final String REPORT_KEY = PREFIX + ObjectKeys.VERIFICATION_JSON;
    private static final byte[] DUMP = pretendArchive();
    private static final SchemaInventory SOURCE = inventory(Map.of("album", 347L, "artist", 275L));

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final FakeSandboxes sandboxes = new FakeSandboxes();
    private final List<BackupVerified> published = new ArrayList<>();
    private final VerifyBackup verifyBackup = new VerifyBackup(
            store,
            sandboxes,
            published::add,
            Clock.fixed(Instant.parse("2026-11-23T19:05:00Z"), ZoneOffset.UTC),
            Duration.ofMinutes(5));

    @Test
    void passesWhenChecksumRestoreTablesAndCountsMatchAndStoresTheReport() {
        storeBackup(Zstd.compress(DUMP));

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(statuses(verified))
                .containsExactly(
                        Map.entry("manifest", CheckStatus.PASSED),
                        Map.entry("sandbox", CheckStatus.PASSED),
                        Map.entry("checksum", CheckStatus.PASSED),
                        Map.entry("archive", CheckStatus.PASSED),
                        Map.entry("restore", CheckStatus.PASSED),
                        Map.entry("tables", CheckStatus.PASSED),
                        Map.entry("row-counts", CheckStatus.PASSED),
                        Map.entry("schema", CheckStatus.PASSED),
                        Map.entry("foreign-keys", CheckStatus.PASSED),
                        Map.entry("indexes", CheckStatus.PASSED),
                        Map.entry("sequences", CheckStatus.PASSED),
                        Map.entry("rto", CheckStatus.SKIPPED));
        assertThat(sandboxes.restoredBytes).isEqualTo(DUMP);
        assertThat(sandboxes.listedHead).isEqualTo(DUMP);
        assertThat(check(verified, "archive").detail()).isEqualTo("pg_restore --list read 57 TOC entries");
        assertThat(sandboxes.closed).isEqualTo(sandboxes.started).isEqualTo(1);
        assertThat(published).containsExactly(verified);
        assertThat(verified.reportKey()).isEqualTo(REPORT_KEY);
        assertThat(verified.retryable())
                .as("only an ERROR says whether it is worth retrying")
                .isNull();
        assertThat(verified.prefix()).isEqualTo(PREFIX);
        assertThat(verified.tier()).isEqualTo(Tier.DAILY);
        assertThat(verified.backupCompletedAt()).isEqualTo(STARTED.plusSeconds(30));
        assertThat(verified.sandboxKind()).isEqualTo("fake");

        VerificationReport report = EventJson.read(store.objects().get(REPORT_KEY), VerificationReport.class);
        assertThat(report.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(report.tables())
                .containsExactlyInAnyOrder(
                        new TableRows("public", "album", 347, 347L), new TableRows("public", "artist", 275, 275L));
        assertThat(report.sourceServerVersion()).isEqualTo("15.20");
        assertThat(report.sandboxServerVersion()).isEqualTo("15.20");
        assertThat(report.artifactKey()).isEqualTo(DUMP_KEY);
        assertThat(report.checks()).isEqualTo(verified.checks());
    }

    @Test
    void anArchiveWhoseTableOfContentsCannotBeReadFailsTheArchiveCheckQuotingPgRestore() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.listing = new Sandbox.ArchiveListing(
                "pg_restore --list", 0, "pg_restore: error: could not read from input file: end of file", true);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "archive").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(verified, "archive").detail()).contains("could not read from input file: end of file");
        assertThat(sandboxes.restoredBytes).isEqualTo(DUMP);
    }

    @Test
    void aTableOfContentsLargerThanTheLongestHeadReadAheadIsSkippedAndTheRestoreStillReadsEverything() {
        byte[] large = new byte[VerifyBackup.MAX_ARCHIVE_HEAD_BYTES + 300_000];
        new java.util.Random(7).nextBytes(large);
        storeBackup(Zstd.compress(large), large);
        sandboxes.listing = new Sandbox.ArchiveListing(
                "pg_restore --list", 0, "pg_restore: error: could not read from input file: end of file", true);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(check(verified, "archive").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(check(verified, "archive").detail())
                .contains("larger than the " + VerifyBackup.MAX_ARCHIVE_HEAD_BYTES + " bytes");
        assertThat(sandboxes.listedHeadSizes)
                .containsExactly(VerifyBackup.ARCHIVE_HEAD_BYTES, VerifyBackup.MAX_ARCHIVE_HEAD_BYTES);
        assertThat(sandboxes.restoredBytes).isEqualTo(large);
        assertThat(verified.outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aTableOfContentsLongerThanTheFirstHeadIsListedFromALongerOne() {
        byte[] large = new byte[VerifyBackup.ARCHIVE_HEAD_BYTES * 2];
        new java.util.Random(9).nextBytes(large);
        storeBackup(Zstd.compress(large), large);
        sandboxes.lister = head -> head.length > VerifyBackup.ARCHIVE_HEAD_BYTES
                ? new Sandbox.ArchiveListing("pg_restore --list", 41_000, null, false)
                : new Sandbox.ArchiveListing("pg_restore --list", 0, "pg_restore: error: end of file", true);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(check(verified, "archive").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "archive").detail()).isEqualTo("pg_restore --list read 41000 TOC entries");
        assertThat(sandboxes.listedHeadSizes)
                .as("the whole archive is shorter than the longest head")
                .containsExactly(VerifyBackup.ARCHIVE_HEAD_BYTES, large.length);
        assertThat(sandboxes.restoredBytes).isEqualTo(large);
    }

    @Test
    void aMariaDbDumpHeadIsCheckedForItsDumpHeader() {
        Manifest.Source mariadb =
                new Manifest.Source("mariadb", "10.11.6-MariaDB", 101106, "127.0.0.1", 3306, "shop", "");
        byte[] dump =
                "-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)\n--\nSET NAMES utf8mb4;\n"
                        .getBytes(StandardCharsets.UTF_8);
        storeBackup(Zstd.compress(dump), List.of("zstd"), mariadb, dump);
        sandboxes.version = "10.11.6-MariaDB";

        BackupVerified withHeader = verifyBackup.handle(completed());

        assertThat(check(withHeader, "archive").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(withHeader, "archive").detail()).contains("-- MariaDB dump 10.19");
        assertThat(sandboxes.restoredBytes).isEqualTo(dump);
        assertThat(sandboxes.listedHead).isNull();

        byte[] bare = "SET NAMES utf8mb4;\n".getBytes(StandardCharsets.UTF_8);
        storeBackup(Zstd.compress(bare), List.of("zstd"), mariadb, bare);
        BackupVerified withoutHeader = verifyBackup.handle(completed(), true);

        assertThat(check(withoutHeader, "archive").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(check(withoutHeader, "archive").detail()).contains("it begins 'SET NAMES utf8mb4;'");
    }

    @Test
    void aTruncatedArtifactFailsTheChecksumAndTheRestore() {
        byte[] stored = Zstd.compress(DUMP);
        storeBackup(stored);
        byte[] half = java.util.Arrays.copyOf(stored, stored.length / 2);
        store.objects().put(DUMP_KEY, half);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "checksum").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(verified, "checksum").detail())
                .contains(sha256(stored))
                .contains(sha256(half));
        assertThat(check(verified, "restore").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(sandboxes.closed).isEqualTo(1);
    }

    @Test
    void aMissingDumpObjectWhileTheManifestExistsFailsNamingTheKey() {
        storeBackup(Zstd.compress(DUMP));
        store.objects().remove(DUMP_KEY);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "checksum").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(verified, "checksum").detail()).contains(DUMP_KEY);
        assertThat(check(verified, "archive").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(check(verified, "restore").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(sandboxes.closed).isEqualTo(1);
    }

    @Test
    void failsTheChecksumOfAnArtifactWithOneByteChanged() {
        byte[] stored = Zstd.compress(DUMP);
        storeBackup(stored);
        byte[] tampered = stored.clone();
        tampered[tampered.length / 2] ^= 0x01;
        store.objects().put(DUMP_KEY, tampered);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "checksum").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(verified, "checksum").detail())
                .contains(sha256(stored))
                .contains(sha256(tampered));
        assertThat(sandboxes.closed).isEqualTo(1);
    }

    @Test
    void hashesTheWholeObjectEvenWhenTheRestoreStopsReadingEarly() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.readLimit = 100;
        sandboxes.restoreFailure = "pg_restore exit code 1: pg_restore: error: could not execute query";

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(check(verified, "checksum").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "restore").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(verified, "restore").detail()).contains("could not execute query");
        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(sandboxes.closed).isEqualTo(1);
    }

    @Test
    void aMySqlDumpThatAMariaDbSandboxCannotRestoreIsNotJudged() {
        storeBackup(
                Zstd.compress(DUMP), new Manifest.Source("mariadb", "8.0.36", 80036, "127.0.0.1", 3306, "shop", null));
        sandboxes.version = "10.11.19-MariaDB";
        sandboxes.restoreFailure = "mariadb exit code 1: ERROR 1273 (HY000): Unknown collation: 'utf8mb4_0900_ai_ci'";

        VerifyBackup.Attempt attempt = verifyBackup.attempt(completed(), false);
        BackupVerified verified = attempt.verified();

        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(attempt.worthRetrying()).isFalse();
        assertThat(check(verified, "restore").detail()).contains("Unknown collation", "MySQL 8.0.36", "not judged");
        assertThat(sandboxes.lastRequest)
                .as("the source's version goes with the request: container sandboxes run its series")
                .isEqualTo(new SandboxProvider.SandboxRequest("mariadb", "shop", "8.0.36"));
    }

    @Test
    void aMariaDbDumpThatDoesNotRestoreFails() {
        storeBackup(
                Zstd.compress(DUMP),
                new Manifest.Source("mariadb", "10.11.19-MariaDB", 101119, "127.0.0.1", 3306, "shop", null));
        sandboxes.version = "10.11.19-MariaDB";
        sandboxes.restoreFailure = "mariadb exit code 1: ERROR 1064 (42000) at line 7: syntax error";

        assertThat(verifyBackup.handle(completed()).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void orphanRowsFailTheForeignKeysCheckAndAnUnqueryableSandboxGivesError() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.foreignKeys =
                List.of(new VerificationRules.ForeignKeyOrphans("public.album.album_artist_id_fkey", 3));

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "foreign-keys").detail())
                .contains("public.album.album_artist_id_fkey (3 orphan rows)");

        sandboxes.foreignKeys = null;
        BackupVerified unjudged = verifyBackup.handle(completed(), true);

        assertThat(unjudged.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(check(unjudged, "foreign-keys").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(sandboxes.closed).isEqualTo(2);
    }

    @Test
    void aCorruptIndexFailsTheIndexesCheckAndAMissingAmcheckSkipsIt() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.indexes = new VerificationRules.IndexFindings(
                "amcheck bt_index_check",
                "btree indexes",
                2,
                List.of("public.album.album_pkey: item order invariant violated"),
                null);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "indexes").detail())
                .contains("1 of 2 btree indexes failed amcheck bt_index_check")
                .contains("public.album.album_pkey: item order invariant violated");

        sandboxes.indexes =
                VerificationRules.IndexFindings.notRun("amcheck bt_index_check", "amcheck is not installed");
        BackupVerified skipped = verifyBackup.handle(completed(), true);

        assertThat(skipped.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(check(skipped, "indexes").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(check(skipped, "indexes").detail()).contains("amcheck is not installed");
    }

    @Test
    void theTargetsCriticalTablesAssertionsAndRtoAreChecked() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.restoreSleepMillis = 5;
        sandboxes.restored = inventory(Map.of("album", 347L, "artist", 275L, "empty", 0L));
        sandboxes.answers = Map.of(
                "SELECT count(*) FROM album", new Sandbox.QueryResult("347", null),
                "SELECT max(name) FROM artist", new Sandbox.QueryResult("Zappa", null));
        VerifyBackup withSettings = new VerifyBackup(
                store,
                sandboxes,
                published::add,
                Clock.fixed(Instant.parse("2026-11-23T19:05:00Z"), ZoneOffset.UTC),
                Duration.ofMinutes(5),
                targetId -> DecryptionKeys.none(),
                targetId -> new VerificationSettings(
                        List.of("public.album", "public.empty", "public.gone"),
                        List.of(
                                new VerificationSettings.Assertion("albums", "SELECT count(*) FROM album", "347"),
                                new VerificationSettings.Assertion("last", "SELECT max(name) FROM artist", "ZZ Top"),
                                new VerificationSettings.Assertion("broken", "SELECT nope", "1")),
                        Duration.ofMillis(1)));

        BackupVerified verified = withSettings.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "critical-tables").detail())
                .isEqualTo("1 missing: public.gone; 1 empty: public.empty");
        assertThat(check(verified, "assertion:albums").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "assertion:last").detail())
                .isEqualTo("expected 'ZZ Top' but the restored database answered 'Zappa'");
        assertThat(check(verified, "assertion:broken").detail()).contains("relation does not exist");
        assertThat(check(verified, "rto").status()).isEqualTo(CheckStatus.WARNING);
    }

    @Test
    void anRtoWarningAloneLeavesTheOutcomePassed() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.restoreSleepMillis = 5;
        VerifyBackup withRto = new VerifyBackup(
                store,
                sandboxes,
                published::add,
                Clock.fixed(Instant.parse("2026-11-23T19:05:00Z"), ZoneOffset.UTC),
                Duration.ofMinutes(5),
                targetId -> DecryptionKeys.none(),
                targetId -> new VerificationSettings(null, null, Duration.ofMillis(1)));

        BackupVerified verified = withRto.handle(completed());

        assertThat(check(verified, "rto").status()).isEqualTo(CheckStatus.WARNING);
        assertThat(verified.outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aRestoredObjectTheManifestDoesNotListFailsTheSchemaCheck() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.restored = new SchemaInventory(
                SOURCE.tables(),
                null,
                null,
                null,
                null,
                List.of("public.album.album_pkey"),
                null,
                null,
                null,
                null,
                List.of("plpgsql"));

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "tables").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "schema").detail())
                .isEqualTo("indexes: 1 not in the manifest: public.album.album_pkey");
    }

    @Test
    void failsTablesAndRowCountsNamingTheDifferences() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.restored = inventory(Map.of("album", 346L, "extra", 1L));

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "tables").detail())
                .contains("missing after restore: public.artist")
                .contains("not in the manifest: public.extra");
        assertThat(check(verified, "row-counts").detail()).contains("public.album (source 347, restored 346)");
        VerificationReport report = EventJson.read(store.objects().get(REPORT_KEY), VerificationReport.class);
        assertThat(report.tables()).contains(new TableRows("public", "artist", 275, null));
    }

    @Test
    void aMissingManifestFailsTheManifestCheckWithoutStartingASandbox() {
        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "manifest").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(verified, "manifest").detail()).contains(MANIFEST_KEY);
        assertThat(check(verified, "restore").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(sandboxes.started).isZero();
        assertThat(store.objects()).containsKey(REPORT_KEY);
    }

    @Test
    void aSandboxThatDoesNotStartGivesErrorNotAVerdict() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.startFailure = new SandboxException("initdb failed: no space left on device", null);

        VerifyBackup.Attempt attempt = verifyBackup.attempt(completed(), false);
        BackupVerified verified = attempt.verified();

        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(attempt.worthRetrying())
                .as("the next attempt may find the disk freed")
                .isTrue();
        assertThat(check(verified, "sandbox").detail()).contains("no space left on device");
        assertThat(check(verified, "checksum").status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void aSandboxThatCannotStartWithThisConfigurationGivesAnErrorNotWorthRetrying() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.startFailure = new SandboxException("pg_restore 12 is older than the source's 15.20", null, true);

        VerifyBackup.Attempt attempt = verifyBackup.attempt(completed(), false);

        assertThat(attempt.verified().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(attempt.worthRetrying()).isFalse();
        assertThat(attempt.verified().retryable()).isFalse();
        assertThat(check(attempt.verified(), "sandbox").detail()).contains("older than the source's 15.20");
    }

    @Test
    void anUnreachableObjectStoreGivesErrorAndNoReportKey() {
        storeBackup(Zstd.compress(DUMP));
        store.setUnreachable(true);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(verified.reportKey()).isNull();
        assertThat(check(verified, "manifest").detail()).contains("connection refused");
        assertThat(published).containsExactly(verified);
    }

    @Test
    void aDownloadThatBreaksMidwayGivesErrorAndStillRemovesTheSandbox() {
        storeBackup(Zstd.compress(DUMP));
        store.failReadsOf(DUMP_KEY, 50_000);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(check(verified, "checksum").detail()).contains("connection reset");
        assertThat(sandboxes.closed).isEqualTo(1);
    }

    @Test
    void anOlderSandboxThanTheSourceGivesErrorNamingTheVersionsNeeded() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.version = "14.9";

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(check(verified, "sandbox").detail()).contains("14.9").contains("15.20");
        assertThat(sandboxes.closed).isEqualTo(1);
    }

    @Test
    void aBackupDeliveredTwiceIsVerifiedOnceAndGetsTheSameVerdictAgain() {
        storeBackup(Zstd.compress(DUMP));
        BackupVerified first = verifyBackup.handle(completed());
        byte[] report = store.objects().get(REPORT_KEY);

        BackupVerified second = verifyBackup.handle(completed());

        assertThat(sandboxes.started).isEqualTo(1);
        assertThat(second).isEqualTo(first);
        assertThat(store.objects().get(REPORT_KEY)).isEqualTo(report);
        assertThat(published).containsExactly(first, second);
    }

    @Test
    void anEarlierErrorIsVerifiedAgain() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.startFailure = new SandboxException("initdb failed", null);
        assertThat(verifyBackup.handle(completed()).outcome()).isEqualTo(Outcome.ERROR);
        sandboxes.startFailure = null;

        assertThat(verifyBackup.handle(completed()).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(EventJson.read(store.objects().get(REPORT_KEY), VerificationReport.class)
                        .outcome())
                .isEqualTo(Outcome.PASSED);
    }

    @Test
    void anEventWithoutAManifestKeyIsRejectedNamingTheField() {
        BackupCompleted e = completed();
        BackupCompleted bad = new BackupCompleted(
                e.eventId(),
                e.occurredAt(),
                1,
                e.backupId(),
                e.requestId(),
                e.targetId(),
                e.label(),
                e.tier(),
                e.trigger(),
                e.prefix(),
                e.artifact(),
                null,
                e.sourceStatistics(),
                e.startedAt(),
                e.completedAt(),
                e.dumpMillis());

        assertThatThrownBy(() -> verifyBackup.handle(bad))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("manifestKey");
        assertThat(published).isEmpty();
    }

    @Test
    void anArtifactTheKeysDoNotOpenFailsTheRestoreCheckAndHasItsChecksumTakenAllTheSame() throws IOException {
        storeBackup(encryptedWithPassphrase("the right one"), List.of("zstd", "openpgp"));
        VerifyBackup withWrongPassphrase = verifierWith(DecryptionKeys.ofPassphrase("an old one".toCharArray()));
        sandboxes.restored = SchemaInventory.ofTables(List.of());

        BackupVerified verified = withWrongPassphrase.handle(completed());

        assertThat(verified.outcome()).as(verified.checks().toString()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "checksum").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "restore").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(verified, "restore").detail()).contains("could not be decoded", "wrong passphrase");
        assertThat(check(verified, "tables").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(check(verified, "row-counts").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(sandboxes.closed).isEqualTo(sandboxes.started).isEqualTo(1);
    }

    @Test
    void anEncryptedArtifactGivesErrorWhenTheVerifierHasNoKeyAndHasItsChecksumTakenAllTheSame() throws IOException {
        storeBackup(encryptedWithPassphrase("the right one"), List.of("zstd", "openpgp"));
        sandboxes.restored = SchemaInventory.ofTables(List.of());

        VerifyBackup.Attempt attempt = verifyBackup.attempt(completed(), false);
        BackupVerified verified = attempt.verified();

        assertThat(attempt.worthRetrying())
                .as("without a key another attempt ends the same way")
                .isFalse();
        assertThat(attempt.notWorthRetrying()).contains("no decryption key");

        assertThat(verified.outcome()).as(verified.checks().toString()).isEqualTo(Outcome.ERROR);
        assertThat(check(verified, "checksum").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "restore").detail())
                .contains("encrypted with a passphrase, but none was given")
                .contains("this verifier has no decryption key");
        assertThat(check(verified, "tables").detail())
                .isEqualTo("not run: nothing was restored, the archive could not be decoded");
        assertThat(check(verified, "row-counts").status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void anEncryptedArtifactIsDecryptedWithTheTargetsPassphraseAndPasses() throws IOException {
        storeBackup(encryptedWithPassphrase("the right one"), List.of("zstd", "openpgp"));
        VerifyBackup withPassphrase = verifierWith(DecryptionKeys.ofPassphrase("the right one".toCharArray()));

        BackupVerified verified = withPassphrase.handle(completed());

        assertThat(verified.outcome()).as(verified.checks().toString()).isEqualTo(Outcome.PASSED);
        assertThat(sandboxes.restoredBytes).isEqualTo(DUMP);
    }

    private VerifyBackup verifierWith(DecryptionKeys keys) {
        return new VerifyBackup(
                store,
                sandboxes,
                published::add,
                Clock.fixed(Instant.parse("2026-11-23T19:05:00Z"), ZoneOffset.UTC),
                Duration.ofMinutes(5),
                targetId -> keys);
    }

    private static byte[] encryptedWithPassphrase(String passphrase) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodecChain chain = CodecChain.zstd().encryptedWith(OpenPgpEncryption.withPassphrase(passphrase.toCharArray()));
        try (OutputStream encoder = chain.encoder(out)) {
            encoder.write(DUMP);
        }
        return out.toByteArray();
    }

    private void storeBackup(byte[] stored) {
        storeBackup(stored, List.of("zstd"));
    }

    private void storeBackup(byte[] stored, List<String> codecs) {
        storeBackup(
                stored,
                codecs,
                new Manifest.Source("postgresql", "15.20", 150020, "127.0.0.1", 5432, "chinook", "snap"));
    }

    private void storeBackup(byte[] stored, Manifest.Source source) {
        storeBackup(stored, List.of("zstd"), source);
    }

    private void storeBackup(byte[] stored, List<String> codecs, Manifest.Source source) {
        storeBackup(stored, codecs, source, DUMP);
    }

    private void storeBackup(byte[] stored, byte[] decoded) {
        storeBackup(
                stored,
                List.of("zstd"),
                new Manifest.Source("postgresql", "15.20", 150020, "127.0.0.1", 5432, "chinook", "snap"),
                decoded);
    }

    private void storeBackup(byte[] stored, List<String> codecs, Manifest.Source source, byte[] decoded) {
        store.objects().put(DUMP_KEY, stored);
        ArtifactRef artifact = new ArtifactRef(
                "test",
                DUMP_KEY,
                "pg_dump-custom",
                codecs,
                stored.length,
                decoded.length,
                sha256(stored),
                sha256(decoded));
        Manifest manifest = new Manifest(
                1,
                BACKUP,
                BACKUP,
                "chinook",
                "nightly",
                Tier.DAILY,
                Trigger.SCHEDULED,
                STARTED,
                STARTED.plusSeconds(30),
                source,
                new Manifest.Tool("pg_dump", "pg_dump (PostgreSQL) 15.20", "custom"),
                artifact,
                SOURCE,
                "count(*)");
        store.objects().put(MANIFEST_KEY, ManifestJson.toBytes(manifest));
    }

    private static BackupCompleted completed() {
        return new BackupCompleted(
                UUID.fromString("00000000-0000-4000-8000-0000000000aa"),
                STARTED.plusSeconds(30),
                1,
                BACKUP,
                BACKUP,
                "chinook",
                "nightly",
                Tier.DAILY,
                Trigger.SCHEDULED,
                PREFIX,
                new ArtifactRef("test", DUMP_KEY, "pg_dump-custom", List.of("zstd"), 0, 0, null, null),
                MANIFEST_KEY,
                new SourceStatistics("postgresql", "15.20", "pg_dump 15.20", 2, 622),
                STARTED,
                STARTED.plusSeconds(30),
                30_000);
    }

    private static byte[] pretendArchive() {
        byte[] bytes = new byte[200_000];
        new java.util.Random(42).nextBytes(bytes);
        System.arraycopy("PGDMP".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 5);
        return bytes;
    }

    private static SchemaInventory inventory(Map<String, Long> rows) {
        List<TableInfo> tables = rows.entrySet().stream()
                .map(e -> new TableInfo("public", e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing(TableInfo::name))
                .toList();
        return SchemaInventory.ofTables(tables);
    }

    private static Map<String, CheckStatus> statuses(BackupVerified verified) {
        return verified.checks().stream()
                .collect(Collectors.toMap(
                        CheckResult::name, CheckResult::status, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static CheckResult check(BackupVerified verified, String name) {
        return verified.checks().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + verified.checks()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sandboxes that read the archive and answer with a configurable inventory. */
    private static final class FakeSandboxes implements SandboxProvider {
        int started;
        int closed;
        int readLimit = Integer.MAX_VALUE;
        String restoreFailure;
        String version = "15.20";
        RuntimeException startFailure;
        SchemaInventory restored = SOURCE;
        byte[] restoredBytes;
        byte[] listedHead;
        Sandbox.ArchiveListing listing = new Sandbox.ArchiveListing("pg_restore --list", 57, null, false);
        java.util.function.Function<byte[], Sandbox.ArchiveListing> lister;
        final List<Integer> listedHeadSizes = new java.util.ArrayList<>();
        SandboxRequest lastRequest;
        List<VerificationRules.SequenceState> sequences = List.of(new VerificationRules.SequenceState(
                "public.album_album_id_seq", "public.album.album_id", "last_value 347, is_called true", 348, 347L));
        Map<String, Sandbox.QueryResult> answers = Map.of();
        long restoreSleepMillis;
        VerificationRules.IndexFindings indexes =
                new VerificationRules.IndexFindings("amcheck bt_index_check", "btree indexes", 2, List.of(), null);
        List<VerificationRules.ForeignKeyOrphans> foreignKeys =
                List.of(new VerificationRules.ForeignKeyOrphans("public.album.album_artist_id_fkey", 0));

        @Override
        public String kind() {
            return "fake";
        }

        @Override
        public Sandbox start(SandboxRequest request) {
            lastRequest = request;
            if (startFailure != null) {
                throw startFailure;
            }
            started++;
            return new Sandbox() {
                @Override
                public String serverVersion() {
                    return version;
                }

                @Override
                public RestoreResult restore(InputStream archive, Duration timeout) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    byte[] buffer = new byte[64];
                    try {
                        int n;
                        while (out.size() < readLimit && (n = archive.read(buffer)) >= 0) {
                            out.write(buffer, 0, n);
                        }
                    } catch (IOException e) {
                        return new RestoreResult(false, "reading the archive failed: " + e.getMessage(), 1);
                    }
                    restoredBytes = out.toByteArray();
                    try {
                        Thread.sleep(restoreSleepMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return restoreFailure == null
                            ? new RestoreResult(true, null, 7)
                            : new RestoreResult(false, restoreFailure, 7);
                }

                @Override
                public ArchiveListing listArchive(byte[] head, Duration timeout) {
                    listedHead = head;
                    listedHeadSizes.add(head.length);
                    return lister != null ? lister.apply(head) : listing;
                }

                @Override
                public SchemaInventory inventory() {
                    return restored;
                }

                @Override
                public List<VerificationRules.ForeignKeyOrphans> foreignKeyOrphans() {
                    if (foreignKeys == null) {
                        throw new SandboxException("connection refused", null);
                    }
                    return foreignKeys;
                }

                @Override
                public VerificationRules.IndexFindings checkIndexes() {
                    return indexes;
                }

                @Override
                public List<VerificationRules.SequenceState> sequences() {
                    return sequences;
                }

                @Override
                public QueryResult query(String sql) {
                    return answers.getOrDefault(sql, new QueryResult(null, "relation does not exist"));
                }

                @Override
                public void close() {
                    closed++;
                }
            };
        }
    }
}
