package io.bulwark.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.SchemaInventory;
import io.bulwark.contracts.SchemaInventory.TableInfo;
import io.bulwark.contracts.SourceHealth.ForeignKeyOrphans;
import io.bulwark.contracts.SourceHealth.SequencePosition;
import io.bulwark.contracts.TableRows;
import io.bulwark.engines.ArchiveHead;
import io.bulwark.engines.IndexFindings;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RulesTest {

    private static SchemaInventory inventory(TableInfo... tables) {
        return SchemaInventory.ofTables(List.of(tables));
    }

    private static TableInfo table(String name, long rows) {
        return new TableInfo("public", name, rows);
    }

    @Test
    void tablesPassWhenTheRestoredSetEqualsTheManifests() {
        CheckResult check = ComparisonRules.tables(
                inventory(table("album", 347), table("artist", 275)),
                inventory(table("artist", 275), table("album", 347)),
                false,
                3);

        assertThat(check.name()).isEqualTo("tables");
        assertThat(check.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check.detail()).contains("2 tables");
        assertThat(check.durationMillis()).isEqualTo(3);
    }

    @Test
    void tablesFailNamingTheMissingAndTheExtraTables() {
        CheckResult check = ComparisonRules.tables(
                inventory(table("album", 1), table("artist", 1), table("track", 1)),
                inventory(table("album", 1), table("scratch", 0)),
                false,
                0);

        assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check.detail())
                .contains("2 missing after restore: public.artist, public.track")
                .contains("1 not in the manifest: public.scratch");
    }

    @Test
    void tablesAreComparedBySchemaToo() {
        CheckResult check = ComparisonRules.tables(
                inventory(new TableInfo("sales", "orders", 1)),
                inventory(new TableInfo("public", "orders", 1)),
                false,
                0);

        assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check.detail()).contains("sales.orders").contains("public.orders");
    }

    @Test
    void rowCountsFailNamingEachDifferingTableWithBothCounts() {
        CheckResult check = ComparisonRules.rowCounts(
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

        CheckResult check = ComparisonRules.rowCounts(both, both, 0);

        assertThat(check.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check.detail()).contains("3 tables (300 rows)");
    }

    @Test
    void rowCountsPassWhenEveryCountIsExactlyEqualAndLeaveMissingTablesToTheTablesCheck() {
        CheckResult check = ComparisonRules.rowCounts(
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

        CheckResult check = ComparisonRules.rowCounts(inventory(source), inventory(restored), 0);

        assertThat(check.detail()).startsWith("30 of 30 tables differ").endsWith("and 10 more");
    }

    @Test
    void tableRowsListEveryManifestTableWithNullForOnesNotRestored() {
        List<TableRows> rows = ComparisonRules.tableRows(
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

        assertThat(ComparisonRules.tableRows(source, restored))
                .first()
                .isEqualTo(new TableRows("public", "ledger", 9, 9L, false, 2L, 2L));
        assertThat(ComparisonRules.rowCounts(source, restored, 0).detail())
                .isEqualTo("exact row counts of 2 tables (9 rows) match the manifest");
    }

    @Test
    void checksumPassesOnEqualHashesAndFailsNamingBothOtherwise() {
        String a = "a".repeat(64);
        String b = "b".repeat(64);

        assertThat(ArtifactRules.checksum(a, 10, a, 10, 5).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(ArtifactRules.checksum(a.toUpperCase(), 10, a, 10, 5).status())
                .isEqualTo(CheckStatus.PASSED);
        CheckResult failed = ArtifactRules.checksum(a, 10, b, 10, 5);
        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.detail()).contains(a).contains(b);
        assertThat(ArtifactRules.checksum(null, 10, b, 10, 5).status()).isEqualTo(CheckStatus.FAILED);
    }

    @Test
    void restoreQuotesTheToolsErrorsWhenItFails() {
        CheckResult failed = ArtifactRules.restore("pg_restore", false, "pg_restore exit code 1: relation exists", 40);

        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.detail()).isEqualTo("pg_restore exit code 1: relation exists");
        assertThat(ArtifactRules.restore("mariadb", true, null, 40).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(ArtifactRules.restore("mariadb", true, null, 40).detail()).isEqualTo("mariadb exited 0 in 40 ms");
    }

    @Test
    void outcomeIsPassedOnlyWhenNoCheckFailed() {
        CheckResult ok = Checks.passed("checksum", "", 0);
        CheckResult skipped = Checks.skipped("tables", "why");
        CheckResult bad = Checks.failed("row-counts", "", 0);

        assertThat(Checks.outcome(List.of(ok, skipped))).isEqualTo(Outcome.PASSED);
        assertThat(Checks.outcome(List.of(ok, bad))).isEqualTo(Outcome.FAILED);
    }

    @Test
    void outcomeIsErrorWhenOnlyInfrastructureKeptAVerdict() {
        CheckResult sandbox = Checks.error("sandbox", "initdb failed", 0);
        CheckResult skipped = Checks.skipped("restore", "no sandbox");

        assertThat(Checks.outcome(List.of(sandbox, skipped))).isEqualTo(Outcome.ERROR);
    }

    @Test
    void outcomeIsFailedWhenTheBackupIsProvenBadEvenIfInfrastructureFailedLater() {
        CheckResult checksum = Checks.failed("checksum", "altered", 0);
        CheckResult tables = Checks.error("tables", "could not read the restored database", 0);

        assertThat(Checks.outcome(List.of(checksum, tables))).isEqualTo(Outcome.FAILED);
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
        CheckResult check = ComparisonRules.schema(
                objects(List.of("public.album.album_pkey"), List.of("public.album.album_pkey"), List.of()),
                objects(List.of("public.album.album_pkey"), List.of("public.album.album_pkey"), List.of("plpgsql")),
                false,
                2);

        assertThat(check.name()).isEqualTo("schema");
        assertThat(check.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check.detail()).contains("1 views", "1 sequences", "1 indexes", "1 constraints", "0 triggers");
    }

    @Test
    void schemaFailsNamingTheMissingAndTheExtraObjectsPerKind() {
        CheckResult check = ComparisonRules.schema(
                objects(List.of("public.album.album_pkey", "public.album.by_title"), List.of(), List.of("pgcrypto")),
                objects(List.of("public.album.album_pkey"), List.of("public.album.extra_check"), List.of("plpgsql")),
                false,
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

        CheckResult check = ComparisonRules.schema(source, restored, false, 1);

        assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check.detail())
                .hasSizeLessThanOrEqualTo(Checks.MAX_DETAIL + 3)
                .contains("more");
    }

    @Test
    void foreignKeysPassWithoutOrphansFailNamingEachConstraintWithOrphansAndSkipWithoutForeignKeys() {
        assertThat(ConsistencyRules.foreignKeys(
                                List.of(new ForeignKeyOrphans("public.album.album_artist_fk", 0)), null, 4)
                        .status())
                .isEqualTo(CheckStatus.PASSED);
        CheckResult failed = ConsistencyRules.foreignKeys(
                List.of(
                        new ForeignKeyOrphans("public.album.album_artist_fk", 0),
                        new ForeignKeyOrphans("public.track.track_album_fk", 12)),
                null,
                4);
        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.detail())
                .contains("1 of 2 foreign keys")
                .contains("public.track.track_album_fk (12 orphan rows)")
                .doesNotContain("album_artist_fk");
        CheckResult none = ConsistencyRules.foreignKeys(List.of(), null, 0);
        assertThat(none.name()).isEqualTo("foreign-keys");
        assertThat(none.status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void indexesPassWhenTheCheckerFoundNothingFailNamingEachUnsoundOneAndSkipWhenTheCheckerCannotRun() {
        CheckResult passed =
                ConsistencyRules.indexes(new IndexFindings("CHECK TABLE", "tables", 11, List.of(), null), 5);
        assertThat(passed.name()).isEqualTo("indexes");
        assertThat(passed.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(passed.detail()).isEqualTo("CHECK TABLE found 11 tables sound");

        CheckResult failed = ConsistencyRules.indexes(
                new IndexFindings("CHECK TABLE", "tables", 11, List.of("shop.Invoice: error Corrupt"), null), 5);
        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.detail()).isEqualTo("1 of 11 tables failed CHECK TABLE: shop.Invoice: error Corrupt");

        CheckResult notRun =
                ConsistencyRules.indexes(IndexFindings.notRun("amcheck bt_index_check", "amcheck is not installed"), 0);
        assertThat(notRun.status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(notRun.detail()).contains("amcheck is not installed");

        assertThat(ConsistencyRules.indexes(
                                new IndexFindings("amcheck bt_index_check", "btree indexes", 0, List.of(), null), 0)
                        .status())
                .isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void sequencesFailNamingEachOneBehindItsColumnsMaxAndSkipWithoutSequences() {
        SequencePosition ahead = new SequencePosition("public.album_album_id_seq", "public.album.album_id", 348, 347L);
        SequencePosition empty = new SequencePosition("public.t_id_seq", "public.t.id", 1, null);
        SequencePosition behind =
                new SequencePosition("public.track_track_id_seq", "public.track.track_id", 3503, 3503L);

        CheckResult passed = ConsistencyRules.sequences(List.of(ahead, empty), null, 3);
        assertThat(passed.name()).isEqualTo("sequences");
        assertThat(passed.status()).isEqualTo(CheckStatus.PASSED);

        CheckResult failed = ConsistencyRules.sequences(List.of(ahead, behind), null, 3);
        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.detail())
                .isEqualTo("1 of 2 sequences would hand out a value already taken:"
                        + " public.track_track_id_seq would hand out 3503 but max(public.track.track_id) = 3503");

        assertThat(ConsistencyRules.sequences(List.of(), null, 0).status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void aSequenceThatSeveralColumnsShareCountsOnceAndMustBePastEach() {
        SequencePosition parent = new SequencePosition("public.pay_id_seq", "public.pay.id", 10, 9L);
        SequencePosition child = new SequencePosition("public.pay_id_seq", "public.pay_2015.id", 10, 9L);
        SequencePosition other = new SequencePosition("public.t_id_seq", "public.t.id", 4, 3L);
        SequencePosition childBehind = new SequencePosition("public.pay_id_seq", "public.pay_2016.id", 10, 12L);

        CheckResult passed = ConsistencyRules.sequences(List.of(parent, child, other), null, 3);
        assertThat(passed.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(passed.detail()).isEqualTo("all 2 sequences are past the greatest value of the 3 columns they fill");

        CheckResult failed = ConsistencyRules.sequences(List.of(parent, child, childBehind, other), null, 3);
        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.detail())
                .isEqualTo("1 of 2 sequences would hand out a value already taken:"
                        + " public.pay_id_seq would hand out 10 but max(public.pay_2016.id) = 12");
    }

    @Test
    void criticalTablesFailNamingTheMissingAndTheEmptyOnes() {
        SchemaInventory restored = inventory(table("album", 347), table("empty", 0));

        assertThat(TargetRules.criticalTables(List.of("public.album"), restored, 0)
                        .status())
                .isEqualTo(CheckStatus.PASSED);
        CheckResult failed =
                TargetRules.criticalTables(List.of("public.album", "public.empty", "public.gone"), restored, 0);
        assertThat(failed.name()).isEqualTo("critical-tables");
        assertThat(failed.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(failed.detail()).isEqualTo("1 missing: public.gone; 1 empty: public.empty");
    }

    @Test
    void assertionsPassOnEqualTextAndFailQuotingBothOrTheError() {
        CheckResult passed = TargetRules.assertion("tracks", "3503", "3503", null, 2);
        assertThat(passed.name()).isEqualTo("assertion:tracks");
        assertThat(passed.status()).isEqualTo(CheckStatus.PASSED);

        CheckResult differs = TargetRules.assertion("tracks", "3503", null, null, 2);
        assertThat(differs.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(differs.detail()).isEqualTo("expected '3503' but the restored database answered NULL");

        CheckResult error = TargetRules.assertion("tracks", "3503", null, "relation \"track\" does not exist", 2);
        assertThat(error.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(error.detail()).contains("relation \"track\" does not exist");
    }

    @Test
    void rtoWarnsWhenTheRestoreTookLongerPassesOtherwiseAndIsSkippedWhenNotSetAndAWarningDoesNotFail() {
        CheckResult slow = TargetRules.rto(java.time.Duration.ofSeconds(1), 1001);
        assertThat(slow.name()).isEqualTo("rto");
        assertThat(slow.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(slow.detail()).contains("1001 ms").contains("PT1S");
        assertThat(TargetRules.rto(java.time.Duration.ofSeconds(1), 1000).status())
                .isEqualTo(CheckStatus.PASSED);
        assertThat(TargetRules.rto(null, 1000).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(Checks.outcome(List.of(slow))).isEqualTo(Outcome.PASSED);
    }

    @Test
    void theArchiveCheckNamesWhatTheHeadHoldsQuotesTheToolAndSkipsATocLargerThanTheHead() {
        assertThat(ArtifactRules.archive(ArchiveHead.readable("pg_restore --list", "57 TOC entries"), false, 4096, 3))
                .isEqualTo(new CheckResult("archive", CheckStatus.PASSED, "pg_restore --list read 57 TOC entries", 3));
        String endOfFile = "pg_restore: error: could not read from input file: end of file";
        CheckResult truncated =
                ArtifactRules.archive(new ArchiveHead("pg_restore --list", null, endOfFile, true, true), true, 4096, 3);
        assertThat(truncated.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(truncated.detail()).contains("could not read from input file: end of file");
        CheckResult corrupt = ArtifactRules.archive(
                new ArchiveHead(
                        "pg_restore --list",
                        null,
                        "pg_restore: error: input file does not appear to be a valid archive",
                        true,
                        false),
                false,
                4096,
                3);
        assertThat(corrupt.status()).isEqualTo(CheckStatus.FAILED);
        CheckResult tooLarge = ArtifactRules.archive(
                new ArchiveHead("pg_restore --list", null, endOfFile, true, true), false, 4096, 3);
        assertThat(tooLarge.status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(tooLarge.detail()).contains("larger than the 4096 bytes read ahead");
    }

    @Test
    void aHeadThatProvesNothingIsSkippedWithItsReason() {
        CheckResult noHeader = ArtifactRules.archive(
                new ArchiveHead(
                        "mariadb-dump header",
                        null,
                        "the dump does not begin with a mariadb-dump header",
                        false,
                        false),
                false,
                4096,
                1);

        assertThat(noHeader.status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(noHeader.detail()).contains("does not begin with a mariadb-dump header");
    }
}
