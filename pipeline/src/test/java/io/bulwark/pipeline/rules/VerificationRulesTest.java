package io.bulwark.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.TableRows;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VerificationRulesTest {

    private static SchemaInventory inventory(TableInfo... tables) {
        return SchemaInventory.ofTables(List.of(tables));
    }

    private static TableInfo table(String name, long rows) {
        return new TableInfo("public", name, rows);
    }

    @Test
    void tablesPassWhenTheRestoredSetEqualsTheManifests() {
        CheckResult check = VerificationRules.tables(
                inventory(table("album", 347), table("artist", 275)),
                inventory(table("artist", 275), table("album", 347)),
                3);

        assertThat(check.name()).isEqualTo("tables");
        assertThat(check.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check.detail()).contains("2 tables");
        assertThat(check.durationMillis()).isEqualTo(3);
    }

    @Test
    void tablesFailNamingTheMissingAndTheExtraTables() {
        CheckResult check = VerificationRules.tables(
                inventory(table("album", 1), table("artist", 1), table("track", 1)),
                inventory(table("album", 1), table("scratch", 0)),
                0);

        assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check.detail())
                .contains("2 missing after restore: public.artist, public.track")
                .contains("1 not in the manifest: public.scratch");
    }

    @Test
    void tablesAreComparedBySchemaToo() {
        CheckResult check = VerificationRules.tables(
                inventory(new TableInfo("sales", "orders", 1)), inventory(new TableInfo("public", "orders", 1)), 0);

        assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check.detail()).contains("sales.orders").contains("public.orders");
    }

    @Test
    void rowCountsFailNamingEachDifferingTableWithBothCounts() {
        CheckResult check = VerificationRules.rowCounts(
                inventory(table("album", 347), table("artist", 275), table("track", 3503)),
                inventory(table("album", 347), table("artist", 274), table("track", 3504)),
                12);

        assertThat(check.name()).isEqualTo("row-counts");
        assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check.detail())
                .startsWith("2 of 3 tables differ")
                .contains("public.artist (source 275, restored 274)")
                .contains("public.track (source 3503, restored 3504)")
                .doesNotContain("public.album");
    }

    @Test
    void rowCountsCountAPartitionedTablesRowsOnceInTheTotal() {
        SchemaInventory both = inventory(
                new TableInfo("public", "measurement", 300, true),
                table("measurement_2025", 213),
                table("measurement_2026", 87));

        CheckResult check = VerificationRules.rowCounts(both, both, 0);

        assertThat(check.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check.detail()).contains("3 tables (300 rows)");
    }

    @Test
    void rowCountsPassWhenEveryCountIsExactlyEqualAndLeaveMissingTablesToTheTablesCheck() {
        CheckResult check = VerificationRules.rowCounts(
                inventory(table("album", 347), table("artist", 275)), inventory(table("album", 347)), 0);

        assertThat(check.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check.detail()).contains("1 tables (347 rows)");
    }

    @Test
    void longListsOfDifferingTablesAreCutWithACount() {
        TableInfo[] source =
                IntStream.range(0, 30).mapToObj(i -> table("t" + i, 1)).toArray(TableInfo[]::new);
        TableInfo[] restored =
                IntStream.range(0, 30).mapToObj(i -> table("t" + i, 2)).toArray(TableInfo[]::new);

        CheckResult check = VerificationRules.rowCounts(inventory(source), inventory(restored), 0);

        assertThat(check.detail()).startsWith("30 of 30 tables differ").endsWith("and 10 more");
    }

    @Test
    void tableRowsListEveryManifestTableWithNullForOnesNotRestored() {
        List<TableRows> rows = VerificationRules.tableRows(
                inventory(table("album", 347), table("artist", 275)), inventory(table("album", 340)));

        assertThat(rows)
                .containsExactly(
                        new TableRows("public", "album", 347, 340L), new TableRows("public", "artist", 275, null));
        assertThat(rows).noneMatch(TableRows::matches);
    }

    @Test
    void anInheritanceParentKeepsItsOwnRowsOnBothSidesAndTheRowTotalCountsEachRowOnce() {
        SchemaInventory.TableInfo parent = new SchemaInventory.TableInfo("public", "ledger", 9, false, 2L);
        SchemaInventory.TableInfo child = table("ledger_2025", 7);
        SchemaInventory source = inventory(parent, child);
        SchemaInventory restored = inventory(new SchemaInventory.TableInfo("public", "ledger", 9, false, 2L), child);

        assertThat(VerificationRules.tableRows(source, restored))
                .first()
                .isEqualTo(new TableRows("public", "ledger", 9, 9L, false, 2L, 2L));
        assertThat(VerificationRules.rowCounts(source, restored, 0).detail())
                .isEqualTo("exact row counts of 2 tables (9 rows) match the manifest");
    }

    @Test
    void checksumPassesOnEqualHashesAndFailsNamingBothOtherwise() {
        String a = "a".repeat(64);
        String b = "b".repeat(64);

        assertThat(VerificationRules.checksum(a, 10, a, 10, 5).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(VerificationRules.checksum(a.toUpperCase(), 10, a, 10, 5).status())
                .isEqualTo(CheckStatus.PASSED);
        CheckResult failed = VerificationRules.checksum(a, 10, b, 10, 5);
        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.detail()).contains(a).contains(b);
        assertThat(VerificationRules.checksum(null, 10, b, 10, 5).status()).isEqualTo(CheckStatus.FAILED);
    }

    @Test
    void restoreQuotesTheToolsErrorsWhenItFails() {
        CheckResult failed =
                VerificationRules.restore("pg_restore", false, "pg_restore exit code 1: relation exists", 40);

        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.detail()).isEqualTo("pg_restore exit code 1: relation exists");
        assertThat(VerificationRules.restore("mariadb", true, null, 40).status())
                .isEqualTo(CheckStatus.PASSED);
        assertThat(VerificationRules.restore("mariadb", true, null, 40).detail())
                .isEqualTo("mariadb exited 0 in 40 ms");
    }

    @Test
    void outcomeIsPassedOnlyWhenNoCheckFailed() {
        CheckResult ok = VerificationRules.passed("checksum", "", 0);
        CheckResult skipped = VerificationRules.skipped("tables", "why");
        CheckResult bad = VerificationRules.failed("row-counts", "", 0);

        assertThat(VerificationRules.outcome(List.of(ok, skipped), Set.of())).isEqualTo(Outcome.PASSED);
        assertThat(VerificationRules.outcome(List.of(ok, bad), Set.of())).isEqualTo(Outcome.FAILED);
    }

    @Test
    void outcomeIsErrorWhenOnlyInfrastructureKeptAVerdict() {
        CheckResult sandbox = VerificationRules.failed("sandbox", "initdb failed", 0);
        CheckResult skipped = VerificationRules.skipped("restore", "no sandbox");

        assertThat(VerificationRules.outcome(List.of(sandbox, skipped), Set.of("sandbox")))
                .isEqualTo(Outcome.ERROR);
    }

    @Test
    void outcomeIsFailedWhenTheBackupIsProvenBadEvenIfInfrastructureFailedLater() {
        CheckResult checksum = VerificationRules.failed("checksum", "altered", 0);
        CheckResult tables = VerificationRules.failed("tables", "could not read the restored database", 0);

        assertThat(VerificationRules.outcome(List.of(checksum, tables), Set.of("tables")))
                .isEqualTo(Outcome.FAILED);
    }

    private static SchemaInventory objects(List<String> indexes, List<String> constraints, List<String> extensions) {
        return new SchemaInventory(
                List.of(table("album", 1)),
                List.of("public.v"),
                null,
                List.of("public.album_id_seq"),
                null,
                indexes,
                constraints,
                null,
                null,
                null,
                extensions);
    }

    @Test
    void schemaPassesWithTheCountPerKindWhenEveryObjectIsRestoredAndIgnoresTheSandboxsOwnExtensions() {
        CheckResult check = VerificationRules.schema(
                objects(List.of("public.album.album_pkey"), List.of("public.album.album_pkey"), List.of()),
                objects(List.of("public.album.album_pkey"), List.of("public.album.album_pkey"), List.of("plpgsql")),
                2);

        assertThat(check.name()).isEqualTo("schema");
        assertThat(check.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check.detail()).contains("1 views", "1 sequences", "1 indexes", "1 constraints", "0 triggers");
    }

    @Test
    void schemaFailsNamingTheMissingAndTheExtraObjectsPerKind() {
        CheckResult check = VerificationRules.schema(
                objects(List.of("public.album.album_pkey", "public.album.by_title"), List.of(), List.of("pgcrypto")),
                objects(List.of("public.album.album_pkey"), List.of("public.album.extra_check"), List.of("plpgsql")),
                2);

        assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check.detail())
                .contains("indexes: 1 missing after restore: public.album.by_title")
                .contains("constraints: 1 not in the manifest: public.album.extra_check")
                .contains("extensions: 1 missing after restore: pgcrypto")
                .doesNotContain("plpgsql")
                .doesNotContain("views");
    }

    @Test
    void schemaDetailsAreCut() {
        List<String> many = IntStream.range(0, 5000)
                .mapToObj(i -> "public.album.index_with_a_rather_long_name_" + i)
                .toList();
        List<String> manyOthers = many.stream().map(n -> n + "_x").toList();
        SchemaInventory source =
                new SchemaInventory(List.of(), many, many, many, many, many, many, many, many, many, null);
        SchemaInventory restored = new SchemaInventory(
                List.of(),
                manyOthers,
                manyOthers,
                manyOthers,
                manyOthers,
                manyOthers,
                manyOthers,
                manyOthers,
                manyOthers,
                manyOthers,
                null);

        CheckResult check = VerificationRules.schema(source, restored, 1);

        assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check.detail())
                .hasSizeLessThanOrEqualTo(VerificationRules.MAX_DETAIL + 3)
                .contains("more");
    }

    @Test
    void foreignKeysPassWithoutOrphansFailNamingEachConstraintWithOrphansAndSkipWithoutForeignKeys() {
        assertThat(VerificationRules.foreignKeys(
                                List.of(new VerificationRules.ForeignKeyOrphans("public.album.album_artist_fk", 0)), 4)
                        .status())
                .isEqualTo(CheckStatus.PASSED);
        CheckResult failed = VerificationRules.foreignKeys(
                List.of(
                        new VerificationRules.ForeignKeyOrphans("public.album.album_artist_fk", 0),
                        new VerificationRules.ForeignKeyOrphans("public.track.track_album_fk", 12)),
                4);
        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.detail())
                .contains("1 of 2 foreign keys")
                .contains("public.track.track_album_fk (12 orphan rows)")
                .doesNotContain("album_artist_fk");
        CheckResult none = VerificationRules.foreignKeys(List.of(), 0);
        assertThat(none.name()).isEqualTo("foreign-keys");
        assertThat(none.status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void indexesPassWhenTheCheckerFoundNothingFailNamingEachUnsoundOneAndSkipWhenTheCheckerCannotRun() {
        CheckResult passed = VerificationRules.indexes(
                new VerificationRules.IndexFindings("CHECK TABLE", "tables", 11, List.of(), null), 5);
        assertThat(passed.name()).isEqualTo("indexes");
        assertThat(passed.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(passed.detail()).isEqualTo("CHECK TABLE found 11 tables sound");

        CheckResult failed = VerificationRules.indexes(
                new VerificationRules.IndexFindings(
                        "CHECK TABLE", "tables", 11, List.of("shop.Invoice: error Corrupt"), null),
                5);
        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.detail()).isEqualTo("1 of 11 tables failed CHECK TABLE: shop.Invoice: error Corrupt");

        CheckResult notRun = VerificationRules.indexes(
                VerificationRules.IndexFindings.notRun("amcheck bt_index_check", "amcheck is not installed"), 0);
        assertThat(notRun.status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(notRun.detail()).contains("amcheck is not installed");

        assertThat(VerificationRules.indexes(
                                new VerificationRules.IndexFindings(
                                        "amcheck bt_index_check", "btree indexes", 0, List.of(), null),
                                0)
                        .status())
                .isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void sequencesFailNamingEachOneBehindItsColumnsMaxAndSkipWithoutSequences() {
        VerificationRules.SequenceState ahead = new VerificationRules.SequenceState(
                "public.album_album_id_seq", "public.album.album_id", "last_value 347, is_called true", 348, 347L);
        VerificationRules.SequenceState empty = new VerificationRules.SequenceState(
                "public.t_id_seq", "public.t.id", "last_value 1, is_called false", 1, null);
        VerificationRules.SequenceState behind = new VerificationRules.SequenceState(
                "public.track_track_id_seq", "public.track.track_id", "last_value 3503, is_called false", 3503, 3503L);

        CheckResult passed = VerificationRules.sequences(List.of(ahead, empty), 3);
        assertThat(passed.name()).isEqualTo("sequences");
        assertThat(passed.status()).isEqualTo(CheckStatus.PASSED);

        CheckResult failed = VerificationRules.sequences(List.of(ahead, behind), 3);
        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.detail())
                .isEqualTo("1 of 2 sequences would hand out a value already taken: public.track_track_id_seq"
                        + " (last_value 3503, is_called false) is behind max(public.track.track_id) = 3503");

        assertThat(VerificationRules.sequences(List.of(), 0).status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void aSequenceThatSeveralColumnsShareCountsOnceAndMustBePastEach() {
        VerificationRules.SequenceState parent = new VerificationRules.SequenceState(
                "public.pay_id_seq", "public.pay.id", "last_value 9, is_called true", 10, 9L);
        VerificationRules.SequenceState child = new VerificationRules.SequenceState(
                "public.pay_id_seq", "public.pay_2015.id", "last_value 9, is_called true", 10, 9L);
        VerificationRules.SequenceState other = new VerificationRules.SequenceState(
                "public.t_id_seq", "public.t.id", "last_value 3, is_called true", 4, 3L);
        VerificationRules.SequenceState childBehind = new VerificationRules.SequenceState(
                "public.pay_id_seq", "public.pay_2016.id", "last_value 9, is_called true", 10, 12L);

        CheckResult passed = VerificationRules.sequences(List.of(parent, child, other), 3);
        assertThat(passed.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(passed.detail()).isEqualTo("all 2 sequences are past the greatest value of the 3 columns they fill");

        CheckResult failed = VerificationRules.sequences(List.of(parent, child, childBehind, other), 3);
        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.detail())
                .isEqualTo("1 of 2 sequences would hand out a value already taken: public.pay_id_seq"
                        + " (last_value 9, is_called true) is behind max(public.pay_2016.id) = 12");
    }

    @Test
    void criticalTablesFailNamingTheMissingAndTheEmptyOnes() {
        SchemaInventory restored = inventory(table("album", 347), table("empty", 0));

        assertThat(VerificationRules.criticalTables(List.of("public.album"), restored, 0)
                        .status())
                .isEqualTo(CheckStatus.PASSED);
        CheckResult failed =
                VerificationRules.criticalTables(List.of("public.album", "public.empty", "public.gone"), restored, 0);
        assertThat(failed.name()).isEqualTo("critical-tables");
        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.detail()).isEqualTo("1 missing: public.gone; 1 empty: public.empty");
    }

    @Test
    void assertionsPassOnEqualTextAndFailQuotingBothOrTheError() {
        CheckResult passed = VerificationRules.assertion("tracks", "3503", "3503", null, 2);
        assertThat(passed.name()).isEqualTo("assertion:tracks");
        assertThat(passed.status()).isEqualTo(CheckStatus.PASSED);

        CheckResult differs = VerificationRules.assertion("tracks", "3503", null, null, 2);
        assertThat(differs.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(differs.detail()).isEqualTo("expected '3503' but the restored database answered NULL");

        CheckResult error = VerificationRules.assertion("tracks", "3503", null, "relation \"track\" does not exist", 2);
        assertThat(error.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(error.detail()).contains("relation \"track\" does not exist");
    }

    @Test
    void rtoWarnsWhenTheRestoreTookLongerPassesOtherwiseAndIsSkippedWhenNotSetAndAWarningDoesNotFail() {
        CheckResult slow = VerificationRules.rto(java.time.Duration.ofSeconds(1), 1001);
        assertThat(slow.name()).isEqualTo("rto");
        assertThat(slow.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(slow.detail()).contains("1001 ms").contains("PT1S");
        assertThat(VerificationRules.rto(java.time.Duration.ofSeconds(1), 1000).status())
                .isEqualTo(CheckStatus.PASSED);
        assertThat(VerificationRules.rto(null, 1000).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(VerificationRules.outcome(List.of(slow), Set.of())).isEqualTo(Outcome.PASSED);
    }

    @Test
    void theArchiveCheckNamesTheTocEntriesQuotesPgRestoreAndSkipsATocLargerThanTheHead() {
        assertThat(VerificationRules.archiveListing("pg_restore --list", 57, null, false, false, 4096, 3))
                .isEqualTo(new CheckResult("archive", CheckStatus.PASSED, "pg_restore --list read 57 TOC entries", 3));
        CheckResult truncated = VerificationRules.archiveListing(
                "pg_restore --list",
                0,
                "pg_restore: error: could not read from input file: end of file",
                true,
                true,
                4096,
                3);
        assertThat(truncated.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(truncated.detail()).contains("could not read from input file: end of file");
        CheckResult corrupt = VerificationRules.archiveListing(
                "pg_restore --list",
                0,
                "pg_restore: error: input file does not appear to be a valid archive",
                false,
                false,
                4096,
                3);
        assertThat(corrupt.status()).isEqualTo(CheckStatus.FAILED);
        CheckResult tooLarge = VerificationRules.archiveListing(
                "pg_restore --list",
                0,
                "pg_restore: error: could not read from input file: end of file",
                true,
                false,
                4096,
                3);
        assertThat(tooLarge.status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(tooLarge.detail()).contains("larger than the 4096 bytes read ahead");
    }

    @Test
    void aMariaDbDumpHeaderPassesAfterTheSandboxModeLineAndAnythingElseIsSkipped() {
        String mariadb =
                "/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB\n--\n";
        assertThat(VerificationRules.dumpHeader(mariadb, 1).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(VerificationRules.dumpHeader("-- MySQL dump 10.13  Distrib 8.0.36\n", 1)
                        .status())
                .isEqualTo(CheckStatus.PASSED);
        assertThat(VerificationRules.dumpHeader("SET NAMES utf8mb4;\n", 1).status())
                .isEqualTo(CheckStatus.SKIPPED);
        assertThat(VerificationRules.dumpHeader("", 1).detail()).contains("it is empty");
    }
}
