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
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.SourceHealth;
import io.bulwark.contracts.SourceHealth.ForeignKeyOrphans;
import io.bulwark.contracts.SourceHealth.SequencePosition;
import io.bulwark.contracts.SourceStatistics;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.Tier;
import io.bulwark.contracts.Trigger;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.engines.ArchiveHead;
import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DatabaseState;
import io.bulwark.engines.IndexFindings;
import io.bulwark.engines.InspectEngine.QueryAnswer;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.engines.RestoreOptions;
import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.RestorePlan;
import io.bulwark.engines.RestoreSelection;
import io.bulwark.engines.mariadb.MariaDbRestoreTool;
import io.bulwark.engines.process.ProcessRunner;
import io.bulwark.engines.process.ToolMissingException;
import io.bulwark.pipeline.ArtifactReader;
import io.bulwark.pipeline.Inspection;
import io.bulwark.pipeline.InspectionException;
import io.bulwark.pipeline.ReportPages;
import io.bulwark.pipeline.ReportStore;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VerifyBackupTest {

    private static final Instant STARTED = Instant.parse("2026-11-23T19:01:02Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T19:05:00Z"), ZoneOffset.UTC);
    private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(5);
    private static final UUID BACKUP = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");
    private static final String PREFIX = ObjectKeys.backupPrefix("chinook", "nightly", STARTED, BACKUP);
    private static final String DUMP_KEY = PREFIX + ObjectKeys.PG_CUSTOM_ZSTD;
    private static final String MANIFEST_KEY = PREFIX + ObjectKeys.MANIFEST;
    private static final String REPORT_KEY = PREFIX + ObjectKeys.VERIFICATION_JSON;
    private static final String PAGE_KEY = PREFIX + ObjectKeys.VERIFICATION_HTML;
    private static final byte[] DUMP = pretendArchive();
    private static final SchemaInventory SOURCE = inventory(Map.of("album", 347L, "artist", 275L));
    private static final Manifest.Source POSTGRES_SOURCE =
            new Manifest.Source("postgresql", "15.20", 150020, "127.0.0.1", 5432, "chinook", "snap");

    /** The head sizes {@code pg_restore --list} is given, as {@code PgRestoreTool} asks for them. */
    private static final int PG_HEAD_BYTES = 4 * 1024 * 1024;

    private static final int PG_MAX_HEAD_BYTES = 16 * 1024 * 1024;

    private static final String FOREIGN_KEY = "public.album.album_artist_id_fkey";
    private static final String SEQUENCE = "public.album_album_id_seq";
    private static final String SEQUENCE_COLUMN = "public.album.album_id";
    /** The album sequence past its column, as a faithful restore leaves it. */
    private static final SequencePosition SEQUENCE_PAST = new SequencePosition(SEQUENCE, SEQUENCE_COLUMN, 348, 347L);
    /** The album sequence behind its column: ids were inserted explicitly. */
    private static final SequencePosition SEQUENCE_BEHIND = new SequencePosition(SEQUENCE, SEQUENCE_COLUMN, 300, 347L);

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final FakeSandboxes sandboxes = new FakeSandboxes();
    private final List<BackupVerified> published = new ArrayList<>();
    private final VerifyBackup verifyBackup = verifier(DecryptionKeys.none(), VerificationSettings.NONE);

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
                        Map.entry("large-objects", CheckStatus.SKIPPED),
                        Map.entry("foreign-keys", CheckStatus.PASSED),
                        Map.entry("indexes", CheckStatus.PASSED),
                        Map.entry("sequences", CheckStatus.PASSED),
                        Map.entry("source-health", CheckStatus.SKIPPED),
                        Map.entry("rto", CheckStatus.SKIPPED));
        assertThat(check(verified, "large-objects").detail())
                .isEqualTo("not run: the manifest counts no large objects");
        assertThat(check(verified, "source-health").detail()).contains("the manifest records no source health");
        assertThat(sandboxes.restoredBytes).isEqualTo(DUMP);
        assertThat(sandboxes.listedHead).isEqualTo(DUMP);
        assertThat(check(verified, "archive").detail()).isEqualTo("pg_restore --list read 57 TOC entries");
        assertThat(check(verified, "restore").detail()).isEqualTo("pg_restore exited 0 in 7 ms");
        assertThat(sandboxes.restoredInto)
                .as("the archive is restored into the sandbox's database")
                .isEqualTo(FakeSandboxes.databaseOf(sandboxes.lastRequest));
        assertThat(sandboxes.restoreOptions)
                .as("a whole, streamed restore within the restore timeout")
                .isEqualTo(new RestoreOptions(
                        RESTORE_TIMEOUT, RestoreSelection.EVERYTHING, null, false, 1, null, DUMP.length));
        assertThat(sandboxes.inspectedAs).isEqualTo("chinook");
        assertThat(sandboxes.events)
                .as("the restored database is read after the restore and let go before the sandbox is removed")
                .containsExactly("start", "restore", "inspection", "inspection closed", "sandbox closed");
        assertThat(sandboxes.closed).isEqualTo(sandboxes.started).isEqualTo(1);
        assertThat(published).containsExactly(verified);
        assertThat(verified.reportKey()).isEqualTo(REPORT_KEY);
        assertThat(verified.reportPageKey()).as("no page without ReportPages").isNull();
        assertThat(verified.retryable())
                .as("only an ERROR says whether it is worth retrying")
                .isNull();
        assertThat(verified.prefix()).isEqualTo(PREFIX);
        assertThat(verified.tier()).isEqualTo(Tier.DAILY);
        assertThat(verified.backupCompletedAt()).isEqualTo(STARTED.plusSeconds(30));
        assertThat(verified.sandboxKind()).isEqualTo("fake");

        VerificationReport report = storedReport();
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
    void everyCheckPassesWhenTheManifestRecordsTheSourcesHealthAndItsLargeObjects() {
        storeBackup(
                SOURCE.withLargeObjects(2L),
                new SourceHealth(List.of(new ForeignKeyOrphans(FOREIGN_KEY, 0)), List.of(SEQUENCE_PAST)));
        sandboxes.restored = SOURCE.withLargeObjects(2L);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(verified.checks())
                .filteredOn(c -> !c.name().equals("rto"))
                .extracting(CheckResult::status)
                .containsOnly(CheckStatus.PASSED);
        assertThat(check(verified, "large-objects").detail()).isEqualTo("2 large objects, as the manifest counts");
        assertThat(check(verified, "source-health").detail())
                .isEqualTo("the source had no orphan rows under its 1 foreign keys and no sequence behind its column");
        assertThat(verified.checks())
                .extracting(CheckResult::name)
                .containsSubsequence("schema", "large-objects", "foreign-keys")
                .containsSubsequence("sequences", "source-health", "rto");
    }

    @Test
    void theSourcesOwnOrphansAndLaggingSequenceRestoredFaithfullyPassWithASourceHealthWarning() {
        storeBackup(SOURCE, new SourceHealth(List.of(new ForeignKeyOrphans(FOREIGN_KEY, 2)), List.of(SEQUENCE_BEHIND)));
        sandboxes.foreignKeys = List.of(new ForeignKeyOrphans(FOREIGN_KEY, 2));
        sandboxes.sequences = List.of(SEQUENCE_BEHIND);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).as(verified.checks().toString()).isEqualTo(Outcome.PASSED);
        assertThat(check(verified, "foreign-keys").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "foreign-keys").detail()).contains("hold the orphan rows the source held");
        assertThat(check(verified, "sequences").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "sequences").detail()).contains("1 are behind as they were at the source");
        CheckResult health = check(verified, "source-health");
        assertThat(health.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(health.detail())
                .contains("the source itself has 2 orphan rows under " + FOREIGN_KEY)
                .contains("the source's sequence " + SEQUENCE + " would hand out 300, but max(" + SEQUENCE_COLUMN
                        + ") is already 347");
        assertThat(storedReport().outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void moreOrphanRowsThanTheSourceHadFailTheForeignKeysCheck() {
        storeBackup(SOURCE, new SourceHealth(List.of(new ForeignKeyOrphans(FOREIGN_KEY, 2)), List.of(SEQUENCE_BEHIND)));
        sandboxes.foreignKeys = List.of(new ForeignKeyOrphans(FOREIGN_KEY, 3));
        sandboxes.sequences = List.of(SEQUENCE_BEHIND);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "foreign-keys").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(verified, "foreign-keys").detail())
                .isEqualTo("1 of 1 foreign keys have orphan rows the source did not have: " + FOREIGN_KEY
                        + " (3 orphan rows, the source had 2)");
        assertThat(check(verified, "sequences").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "source-health").status()).isEqualTo(CheckStatus.WARNING);
    }

    @Test
    void withoutTheSourcesHealthInTheManifestAnyOrphanRowOrLaggingSequenceFails() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.foreignKeys = List.of(new ForeignKeyOrphans(FOREIGN_KEY, 2));
        sandboxes.sequences = List.of(SEQUENCE_BEHIND);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "foreign-keys").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(verified, "foreign-keys").detail()).contains(FOREIGN_KEY + " (2 orphan rows)");
        assertThat(check(verified, "sequences").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(verified, "sequences").detail())
                .contains(SEQUENCE + " would hand out 300 but max(" + SEQUENCE_COLUMN + ") = 347");
        assertThat(check(verified, "source-health").status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void aLargeObjectLostInTheRestoreFailsTheLargeObjectsCheck() {
        storeBackup(SOURCE.withLargeObjects(2L), null);
        sandboxes.restored = SOURCE.withLargeObjects(1L);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "large-objects").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(verified, "large-objects").detail())
                .isEqualTo("the manifest counts 2 large objects but the restored database holds 1");
        assertThat(verified.checks())
                .filteredOn(c -> c.status() == CheckStatus.FAILED)
                .extracting(CheckResult::name)
                .containsExactly("large-objects");
    }

    @Test
    void anArchiveWhoseTableOfContentsCannotBeReadFailsTheArchiveCheckQuotingPgRestore() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.heads = head -> endOfFile();

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "archive").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(verified, "archive").detail()).contains("could not read from input file: end of file");
        assertThat(sandboxes.restoredBytes).isEqualTo(DUMP);
    }

    @Test
    void aTableOfContentsLargerThanTheLongestHeadReadAheadIsSkippedAndTheRestoreStillReadsEverything() {
        byte[] large = new byte[PG_MAX_HEAD_BYTES + 300_000];
        new Random(7).nextBytes(large);
        storeBackup(Zstd.compress(large), large);
        sandboxes.heads = head -> endOfFile();

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(check(verified, "archive").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(check(verified, "archive").detail()).contains("larger than the " + PG_MAX_HEAD_BYTES + " bytes");
        assertThat(sandboxes.listedHeadSizes).containsExactly(PG_HEAD_BYTES, PG_MAX_HEAD_BYTES);
        assertThat(sandboxes.restoredBytes).isEqualTo(large);
        assertThat(verified.outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aTableOfContentsLongerThanTheFirstHeadIsListedFromALongerOne() {
        byte[] large = new byte[PG_HEAD_BYTES * 2];
        new Random(9).nextBytes(large);
        storeBackup(Zstd.compress(large), large);
        sandboxes.heads = head -> head.length > PG_HEAD_BYTES
                ? ArchiveHead.readable("pg_restore --list", "41000 TOC entries")
                : endOfFile();

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(check(verified, "archive").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "archive").detail()).isEqualTo("pg_restore --list read 41000 TOC entries");
        assertThat(sandboxes.listedHeadSizes)
                .as("the whole archive is shorter than the longest head")
                .containsExactly(PG_HEAD_BYTES, large.length);
        assertThat(sandboxes.restoredBytes).isEqualTo(large);
    }

    @Test
    void aMariaDbDumpHeadIsCheckedForItsDumpHeaderByTheEngine() {
        Manifest.Source mariadb =
                new Manifest.Source("mariadb", "10.11.6-MariaDB", 101106, "127.0.0.1", 3306, "shop", "");
        byte[] dump =
                "-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)\n--\nSET NAMES utf8mb4;\n"
                        .getBytes(StandardCharsets.UTF_8);
        storeBackup(Zstd.compress(dump), List.of("zstd"), mariadb, dump);
        sandboxes.version = "10.11.6-MariaDB";
        try (ProcessRunner runner = new ProcessRunner()) {
            sandboxes.heads = head -> new MariaDbRestoreTool(runner).readHead(head, Duration.ofSeconds(5));

            BackupVerified withHeader = verifyBackup.handle(completed());

            assertThat(check(withHeader, "archive").status()).isEqualTo(CheckStatus.PASSED);
            assertThat(check(withHeader, "archive").detail()).contains("-- MariaDB dump 10.19");
            assertThat(check(withHeader, "restore").detail()).startsWith("mariadb exited 0");
            assertThat(sandboxes.restoredBytes).isEqualTo(dump);
            assertThat(sandboxes.listedHead).isEqualTo(dump);
            assertThat(sandboxes.inspectedAs).isEqualTo("shop");

            byte[] bare = "SET NAMES utf8mb4;\n".getBytes(StandardCharsets.UTF_8);
            storeBackup(Zstd.compress(bare), List.of("zstd"), mariadb, bare);
            BackupVerified withoutHeader = verifyAgain();

            assertThat(check(withoutHeader, "archive").status()).isEqualTo(CheckStatus.SKIPPED);
            assertThat(check(withoutHeader, "archive").detail()).contains("it begins 'SET NAMES utf8mb4;'");
            assertThat(sandboxes.restoredBytes).isEqualTo(bare);
        }
    }

    @Test
    void aTruncatedArtifactFailsTheChecksumAndTheRestore() {
        byte[] stored = Zstd.compress(DUMP);
        storeBackup(stored);
        byte[] half = Arrays.copyOf(stored, stored.length / 2);
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
        sandboxes.restoreFailure = "pg_restore: error: could not execute query";

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(sandboxes.restoredBytes.length).isLessThan(DUMP.length);
        assertThat(check(verified, "checksum").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "restore").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(verified, "restore").detail())
                .contains("pg_restore exit code 1: pg_restore: error: could not execute query");
        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(sandboxes.closed).isEqualTo(1);
    }

    @Test
    void aMySqlDumpThatAMariaDbSandboxCannotRestoreIsNotJudged() {
        storeBackup(
                Zstd.compress(DUMP), new Manifest.Source("mariadb", "8.0.36", 80036, "127.0.0.1", 3306, "shop", null));
        sandboxes.version = "10.11.19-MariaDB";
        sandboxes.restoreFailure = "ERROR 1273 (HY000): Unknown collation: 'utf8mb4_0900_ai_ci'";

        VerifyBackup.Attempt attempt = verifyBackup.attempt(completed(), false);
        BackupVerified verified = attempt.verified();

        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(attempt.worthRetrying()).isFalse();
        assertThat(attempt.notWorthRetrying()).contains("MySQL dump");
        assertThat(verified.retryable()).isFalse();
        assertThat(check(verified, "restore").status()).isEqualTo(CheckStatus.ERROR);
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
        sandboxes.restoreFailure = "ERROR 1064 (42000) at line 7: syntax error";

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "restore").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check(verified, "restore").detail()).contains("mariadb exit code 1: ERROR 1064");
    }

    @Test
    void aSandboxThatRanOutOfDiskGivesErrorNotAVerdictAndChecksNothingElse() {
        storeBackup(
                Zstd.compress(DUMP),
                new Manifest.Source("mariadb", "10.11.19-MariaDB", 101119, "127.0.0.1", 3306, "shop", null));
        sandboxes.version = "10.11.19-MariaDB";
        sandboxes.restoreFailure = "ERROR 1114 (HY000) at line 40: The table 'payload' is full";

        VerifyBackup.Attempt attempt = verifyBackup.attempt(completed(), false);
        BackupVerified verified = attempt.verified();

        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(attempt.worthRetrying()).as("another attempt may find room").isTrue();
        assertThat(check(verified, "restore").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(check(verified, "restore").detail())
                .startsWith("the destination ran out of disk space (not the backup's fault): ")
                .contains("ERROR 1114");
        assertThat(check(verified, "tables").detail()).isEqualTo("not run: the sandbox ran out of disk space");
        assertThat(verified.checks()).extracting(CheckResult::status).doesNotContain(CheckStatus.FAILED);
        assertThat(sandboxes.closed).isEqualTo(1);
    }

    @Test
    void orphanRowsFailTheForeignKeysCheckAndAnUnqueryableSandboxGivesError() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.foreignKeys = List.of(new ForeignKeyOrphans(FOREIGN_KEY, 3));

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check(verified, "foreign-keys").detail()).contains(FOREIGN_KEY + " (3 orphan rows)");

        sandboxes.foreignKeys = null;
        BackupVerified unjudged = verifyAgain();

        assertThat(unjudged.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(check(unjudged, "foreign-keys").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(check(unjudged, "foreign-keys").detail())
                .isEqualTo("could not query the restored database: the foreign-key check failed: connection refused");
        assertThat(check(unjudged, "indexes").status())
                .as("the other checks still judge")
                .isEqualTo(CheckStatus.PASSED);
        assertThat(sandboxes.closed).isEqualTo(2);
    }

    @Test
    void aRestoredDatabaseThatCannotBeReadGivesErrorNotAVerdict() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.inventoryFailure = new InspectionException(
                "the inventory of the restored database failed: canceling statement due to statement timeout", null);

        VerifyBackup.Attempt attempt = verifyBackup.attempt(completed(), false);
        BackupVerified verified = attempt.verified();

        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(attempt.worthRetrying()).isTrue();
        assertThat(check(verified, "restore").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "tables").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(check(verified, "tables").detail()).contains("statement timeout");
        assertThat(verified.checks())
                .filteredOn(
                        c -> List.of("row-counts", "schema", "large-objects", "foreign-keys", "indexes", "sequences")
                                .contains(c.name()))
                .hasSize(6)
                .allSatisfy(c -> assertThat(c.detail()).isEqualTo("not run: the restored database could not be read"));
        assertThat(storedReport().tables())
                .as("the source's counts, nothing restored to compare")
                .containsExactly(
                        new TableRows("public", "album", 347, null), new TableRows("public", "artist", 275, null));
        assertThat(sandboxes.events).endsWith("inspection closed", "sandbox closed");
    }

    @Test
    void aRestoreToolThatCannotRunGivesErrorAndChecksNothingElse() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.restoreThrows = new ToolMissingException("pg_restore", new IOException("No such file or directory"));

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(check(verified, "checksum").status())
                .as("the artifact is read to its end all the same")
                .isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "archive").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "restore").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(check(verified, "restore").detail()).startsWith("the restore tool could not run: ");
        assertThat(check(verified, "tables").detail()).isEqualTo("not run: the restore tool could not run");
        assertThat(sandboxes.events).doesNotContain("inspection");
        assertThat(sandboxes.closed).isEqualTo(1);
    }

    @Test
    void aListingToolThatCannotRunGivesErrorNotAnException() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.heads = head -> {
            throw new ToolMissingException("pg_restore", new IOException("No such file or directory"));
        };

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).as(verified.checks().toString()).isEqualTo(Outcome.ERROR);
        assertThat(check(verified, "checksum").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check(verified, "archive").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(check(verified, "restore").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(check(verified, "restore").detail()).startsWith("the restore tool could not run: ");
        assertThat(check(verified, "tables").detail()).isEqualTo("not run: the restore tool could not run");
        assertThat(published).containsExactly(verified);
        assertThat(sandboxes.closed).isEqualTo(1);
    }

    @Test
    void aCorruptIndexFailsTheIndexesCheckAndAMissingAmcheckSkipsIt() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.indexes = new IndexFindings(
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

        sandboxes.indexes = IndexFindings.notRun("amcheck bt_index_check", "amcheck is not installed");
        BackupVerified skipped = verifyAgain();

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
                "SELECT count(*) FROM album", new QueryAnswer("347", null),
                "SELECT max(name) FROM artist", new QueryAnswer("Zappa", null));
        VerifyBackup withSettings = verifier(
                DecryptionKeys.none(),
                new VerificationSettings(
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
        assertThat(verified.checks())
                .extracting(CheckResult::name)
                .containsSubsequence("source-health", "critical-tables", "assertion:albums", "assertion:last", "rto");
    }

    @Test
    void anAssertionThatCannotReachTheRestoredDatabaseGivesError() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.queryFailure = new InspectionException("cannot connect to the restored database: refused", null);
        VerifyBackup withAssertion = verifier(
                DecryptionKeys.none(),
                new VerificationSettings(
                        null, List.of(new VerificationSettings.Assertion("albums", "SELECT 1", "1")), null));

        BackupVerified verified = withAssertion.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(check(verified, "assertion:albums").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(check(verified, "assertion:albums").detail()).contains("refused");
    }

    @Test
    void anRtoWarningAloneLeavesTheOutcomePassed() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.restoreSleepMillis = 5;
        VerifyBackup withRto =
                verifier(DecryptionKeys.none(), new VerificationSettings(null, null, Duration.ofMillis(1)));

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
        assertThat(storedReport().tables()).contains(new TableRows("public", "artist", 275, null));
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
        assertThat(verified.retryable()).isTrue();
        assertThat(check(verified, "sandbox").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(check(verified, "sandbox").detail()).contains("no space left on device");
        assertThat(check(verified, "checksum").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(check(verified, "large-objects").detail()).isEqualTo("not run: no sandbox");
    }

    @Test
    void aSandboxThatCannotStartWithThisConfigurationGivesAnErrorNotWorthRetrying() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.startFailure = new SandboxException("pg_restore 12 is older than the source's 15.20", null, true);

        VerifyBackup.Attempt attempt = verifyBackup.attempt(completed(), false);

        assertThat(attempt.verified().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(attempt.worthRetrying()).isFalse();
        assertThat(attempt.verified().retryable()).isFalse();
        assertThat(check(attempt.verified(), "sandbox").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(check(attempt.verified(), "sandbox").detail()).contains("older than the source's 15.20");
    }

    @Test
    void anUnreachableObjectStoreGivesErrorAndNoReportKey() {
        storeBackup(Zstd.compress(DUMP));
        store.setUnreachable(true);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(verified.reportKey()).isNull();
        assertThat(check(verified, "manifest").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(check(verified, "manifest").detail()).contains("connection refused");
        assertThat(sandboxes.started).isZero();
        assertThat(published).containsExactly(verified);
    }

    @Test
    void aReportThatCannotBeStoredGivesErrorAndNoReportKey() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.afterRestore = () -> store.setUnreachable(true);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(verified.reportKey()).isNull();
        assertThat(verified.reportPageKey()).isNull();
        assertThat(verified.checks().getLast().name()).isEqualTo("report");
        assertThat(verified.checks().getLast().status()).isEqualTo(CheckStatus.ERROR);
        assertThat(verified.checks().getLast().detail()).contains("connection refused");
        assertThat(check(verified, "row-counts").status())
                .as("the backup itself was judged")
                .isEqualTo(CheckStatus.PASSED);
        assertThat(published).containsExactly(verified);
    }

    @Test
    void aDownloadThatBreaksMidwayGivesErrorAndStillRemovesTheSandbox() {
        storeBackup(Zstd.compress(DUMP));
        store.failReadsOf(DUMP_KEY, 50_000);

        BackupVerified verified = verifyBackup.handle(completed());

        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(check(verified, "checksum").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(check(verified, "checksum").detail()).contains("connection reset");
        assertThat(check(verified, "tables").detail()).isEqualTo("not run: the artifact could not be read to its end");
        assertThat(sandboxes.closed).isEqualTo(1);
    }

    @Test
    void anOlderSandboxThanTheSourceGivesErrorNamingTheVersionsNeeded() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.version = "14.9";

        VerifyBackup.Attempt attempt = verifyBackup.attempt(completed(), false);
        BackupVerified verified = attempt.verified();

        assertThat(verified.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(attempt.worthRetrying()).isFalse();
        assertThat(check(verified, "sandbox").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(check(verified, "sandbox").detail()).contains("14.9").contains("15.20");
        assertThat(sandboxes.restoredBytes).isNull();
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
    void theReportPageIsStoredBesideTheReportAndNamedAgainWithAnEarlierVerdict() {
        storeBackup(Zstd.compress(DUMP));
        VerifyBackup withPages = new VerifyBackup(
                store,
                new ArtifactReader(store, targetId -> DecryptionKeys.none()),
                new ReportStore(store, new OutcomePages()),
                sandboxes,
                published::add,
                CLOCK,
                RESTORE_TIMEOUT,
                targetId -> VerificationSettings.NONE);

        BackupVerified first = withPages.handle(completed());
        BackupVerified second = withPages.handle(completed());

        assertThat(first.reportPageKey()).isEqualTo(PAGE_KEY);
        assertThat(new String(store.objects().get(PAGE_KEY), StandardCharsets.UTF_8))
                .isEqualTo("verification PASSED");
        assertThat(second).isEqualTo(first);
        assertThat(sandboxes.started).isEqualTo(1);
    }

    @Test
    void anEarlierErrorIsVerifiedAgain() {
        storeBackup(Zstd.compress(DUMP));
        sandboxes.startFailure = new SandboxException("initdb failed", null);
        assertThat(verifyBackup.handle(completed()).outcome()).isEqualTo(Outcome.ERROR);
        sandboxes.startFailure = null;

        assertThat(verifyBackup.handle(completed()).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(storedReport().outcome()).isEqualTo(Outcome.PASSED);
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
        assertThat(sandboxes.restoredBytes)
                .as("nothing reached the restore tool")
                .isNull();
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
        assertThat(check(verified, "restore").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(check(verified, "restore").detail())
                .contains("encrypted with a passphrase, but none was given")
                .contains("no decryption key is configured for it: bulwark.verifier.decryption");
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
        return verifier(keys, VerificationSettings.NONE);
    }

    /** A verifier over this test's store and sandboxes, storing JSON reports only. */
    private VerifyBackup verifier(DecryptionKeys keys, VerificationSettings settings) {
        return new VerifyBackup(
                store,
                new ArtifactReader(store, targetId -> keys),
                new ReportStore(store, null),
                sandboxes,
                published::add,
                CLOCK,
                RESTORE_TIMEOUT,
                targetId -> settings);
    }

    /** Verifies anew, as an on-demand re-verification does, whatever the stored verdict. */
    private BackupVerified verifyAgain() {
        return verifyBackup.attempt(completed(), true).verified();
    }

    private VerificationReport storedReport() {
        return EventJson.read(store.objects().get(REPORT_KEY), VerificationReport.class);
    }

    private static byte[] encryptedWithPassphrase(String passphrase) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodecChain chain = CodecChain.zstd().encryptedWith(OpenPgpEncryption.withPassphrase(passphrase.toCharArray()));
        try (OutputStream encoder = chain.encoder(out)) {
            encoder.write(DUMP);
        }
        return out.toByteArray();
    }

    /** {@code pg_restore --list} of a head that ends inside the table of contents. */
    private static ArchiveHead endOfFile() {
        return new ArchiveHead(
                "pg_restore --list",
                null,
                "pg_restore: error: could not read from input file: end of file",
                true,
                true);
    }

    private void storeBackup(byte[] stored) {
        storeBackup(stored, List.of("zstd"));
    }

    private void storeBackup(byte[] stored, List<String> codecs) {
        storeBackup(stored, codecs, POSTGRES_SOURCE, DUMP);
    }

    private void storeBackup(byte[] stored, Manifest.Source source) {
        storeBackup(stored, List.of("zstd"), source, DUMP);
    }

    private void storeBackup(byte[] stored, byte[] decoded) {
        storeBackup(stored, List.of("zstd"), POSTGRES_SOURCE, decoded);
    }

    private void storeBackup(byte[] stored, List<String> codecs, Manifest.Source source, byte[] decoded) {
        storeBackup(stored, codecs, source, decoded, SOURCE, null);
    }

    /** The usual backup, with {@code inventory} and {@code health} in its manifest. */
    private void storeBackup(SchemaInventory inventory, SourceHealth health) {
        storeBackup(Zstd.compress(DUMP), List.of("zstd"), POSTGRES_SOURCE, DUMP, inventory, health);
    }

    private void storeBackup(
            byte[] stored,
            List<String> codecs,
            Manifest.Source source,
            byte[] decoded,
            SchemaInventory inventory,
            SourceHealth health) {
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
                inventory,
                "count(*)",
                health);
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
        new Random(42).nextBytes(bytes);
        System.arraycopy("PGDMP".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 5);
        return bytes;
    }

    private static SchemaInventory inventory(Map<String, Long> rows) {
        List<TableInfo> tables = rows.entrySet().stream()
                .map(e -> new TableInfo("public", e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(TableInfo::name))
                .toList();
        return SchemaInventory.ofTables(tables);
    }

    private static Map<String, CheckStatus> statuses(BackupVerified verified) {
        return verified.checks().stream()
                .collect(Collectors.toMap(CheckResult::name, CheckResult::status, (a, b) -> a, LinkedHashMap::new));
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

    /** Pages that say only which report and outcome they show. */
    private static final class OutcomePages implements ReportPages {
        @Override
        public byte[] verification(VerificationReport report) {
            return ("verification " + report.outcome()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] restore(RestoreReport report) {
            return ("restore " + report.state()).getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Sandboxes of a fake engine: the restore engine reads the archive into memory and answers with the head and
     * outcome the test sets; the inspection answers with the inventory, orphans, index findings, sequences and query
     * answers the test sets, or throws {@link InspectionException}. Records what happened, in order, in {@link
     * #events}.
     */
    private static final class FakeSandboxes implements SandboxProvider {
        final List<String> events = new ArrayList<>();
        int started;
        int closed;
        String version = "15.20";
        RuntimeException startFailure;
        SandboxRequest lastRequest;

        /** What the engine reads in a head; null for a readable head of the request's engine. */
        Function<byte[], ArchiveHead> heads;

        byte[] listedHead;
        final List<Integer> listedHeadSizes = new ArrayList<>();
        int readLimit = Integer.MAX_VALUE;
        String restoreFailure;
        RuntimeException restoreThrows;
        long restoreSleepMillis;
        Runnable afterRestore = () -> {};
        byte[] restoredBytes;
        ConnectionSpec restoredInto;
        RestoreOptions restoreOptions;

        String inspectedAs;
        SchemaInventory restored = SOURCE;
        InspectionException inventoryFailure;
        /** Null for a restored database whose foreign keys cannot be read. */
        List<ForeignKeyOrphans> foreignKeys = List.of(new ForeignKeyOrphans(FOREIGN_KEY, 0));

        IndexFindings indexes = new IndexFindings("amcheck bt_index_check", "btree indexes", 2, List.of(), null);
        List<SequencePosition> sequences = List.of(SEQUENCE_PAST);
        Map<String, QueryAnswer> answers = Map.of();
        InspectionException queryFailure;

        /** The database a sandbox for {@code request} restores into. */
        static ConnectionSpec databaseOf(SandboxRequest request) {
            return new ConnectionSpec(
                    "127.0.0.1",
                    55432,
                    isMariaDb(request) ? request.sourceDatabase() : "restore",
                    "sandbox",
                    "sandbox-password");
        }

        private static boolean isMariaDb(SandboxRequest request) {
            return "mariadb".equals(request.engine());
        }

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
            events.add("start");
            RestoreEngine engine = new FakeRestoreEngine(isMariaDb(request));
            return new Sandbox() {
                @Override
                public String serverVersion() {
                    return version;
                }

                @Override
                public ConnectionSpec database() {
                    return databaseOf(request);
                }

                @Override
                public RestoreEngine restoreEngine() {
                    return engine;
                }

                @Override
                public Inspection inspection(String sourceDatabase) {
                    inspectedAs = sourceDatabase;
                    events.add("inspection");
                    return new FakeInspection();
                }

                @Override
                public void close() {
                    closed++;
                    events.add("sandbox closed");
                }
            };
        }

        /** {@code pg_restore} or the {@code mariadb} client, as far as the pipeline can tell. */
        private final class FakeRestoreEngine implements RestoreEngine {
            private final boolean mariaDb;

            FakeRestoreEngine(boolean mariaDb) {
                this.mariaDb = mariaDb;
            }

            @Override
            public String engine() {
                return mariaDb ? "mariadb" : "postgresql";
            }

            @Override
            public String toolName() {
                return mariaDb ? "mariadb" : "pg_restore";
            }

            @Override
            public int headBytes() {
                return mariaDb ? 4096 : PG_HEAD_BYTES;
            }

            @Override
            public int maxHeadBytes() {
                return mariaDb ? 4096 : PG_MAX_HEAD_BYTES;
            }

            @Override
            public ArchiveHead readHead(byte[] head, Duration timeout) {
                listedHead = head;
                listedHeadSizes.add(head.length);
                if (heads != null) {
                    return heads.apply(head);
                }
                return mariaDb
                        ? ArchiveHead.readable("mariadb-dump header", "the dump begins with a mariadb-dump header")
                        : ArchiveHead.readable("pg_restore --list", "57 TOC entries");
            }

            @Override
            public RestoreOutcome restore(InputStream archive, ConnectionSpec destination, RestoreOptions options) {
                events.add("restore");
                restoredInto = destination;
                restoreOptions = options;
                if (restoreThrows != null) {
                    throw restoreThrows;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64];
                boolean complete = false;
                try {
                    int n = 0;
                    while (out.size() < readLimit && (n = archive.read(buffer)) >= 0) {
                        out.write(buffer, 0, n);
                    }
                    complete = n < 0;
                } catch (IOException e) {
                    restoredBytes = out.toByteArray();
                    return new RestoreOutcome(
                            toolName(), "archive", 1, "", 7, false, out.size(), e.getMessage(), false);
                }
                restoredBytes = out.toByteArray();
                try {
                    Thread.sleep(restoreSleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                afterRestore.run();
                return new RestoreOutcome(
                        toolName(),
                        "archive",
                        restoreFailure == null ? 0 : 1,
                        restoreFailure == null ? "" : restoreFailure,
                        7,
                        false,
                        out.size(),
                        null,
                        complete);
            }

            @Override
            public RestorePlan plan(byte[] head, RestoreSelection selection, Duration timeout) {
                throw new UnsupportedOperationException("a verification restores everything");
            }

            @Override
            public DatabaseState databaseState(ConnectionSpec server, String database) {
                throw new UnsupportedOperationException("a sandbox's database is made for the restore");
            }

            @Override
            public void createDatabase(ConnectionSpec server, String database) {
                throw new UnsupportedOperationException("a sandbox's database is made for the restore");
            }

            @Override
            public void dropDatabase(ConnectionSpec server, String database) {
                throw new UnsupportedOperationException("the sandbox is removed whole");
            }

            @Override
            public DatabaseLock tryLock(ConnectionSpec server, String database) {
                throw new UnsupportedOperationException("nobody else restores into a sandbox");
            }
        }

        /** The restored database, as the test set it. */
        private final class FakeInspection implements Inspection {
            @Override
            public SchemaInventory inventory() {
                if (inventoryFailure != null) {
                    throw inventoryFailure;
                }
                return restored;
            }

            @Override
            public List<ForeignKeyOrphans> foreignKeyOrphans() {
                if (foreignKeys == null) {
                    throw new InspectionException("the foreign-key check failed: connection refused", null);
                }
                return foreignKeys;
            }

            @Override
            public IndexFindings checkIndexes() {
                return indexes;
            }

            @Override
            public List<SequencePosition> sequences() {
                return sequences;
            }

            @Override
            public QueryAnswer query(String sql) {
                if (queryFailure != null) {
                    throw queryFailure;
                }
                return answers.getOrDefault(sql, new QueryAnswer(null, "relation does not exist"));
            }

            @Override
            public void close() {
                events.add("inspection closed");
            }
        }
    }
}
