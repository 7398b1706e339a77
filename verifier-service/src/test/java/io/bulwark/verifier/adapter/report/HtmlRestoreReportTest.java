package io.bulwark.verifier.adapter.report;

import static io.bulwark.verifier.adapter.report.Pages.assertSelfContained;
import static io.bulwark.verifier.adapter.report.Pages.attribute;
import static io.bulwark.verifier.adapter.report.Pages.cells;
import static io.bulwark.verifier.adapter.report.Pages.parse;
import static io.bulwark.verifier.adapter.report.Pages.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.RestoreFailureReason;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreState;
import io.bulwark.contracts.RestoredDatabase;
import io.bulwark.contracts.TableRows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class HtmlRestoreReportTest {

    private static final UUID RESTORE = UUID.fromString("7e570000-0000-4000-8000-00000000000a");
    private static final UUID BACKUP = UUID.fromString("1a2b3c4d-5e6f-4a70-8b91-a2b3c4d5e6f7");
    private static final String PREFIX = "chinook/2026/11/nightly_20261123T020000Z_1a2b3c4d/";

    @Test
    void aSucceededRestoreShowsTheStateTheDestinationAndEveryCheckAndTable() throws Exception {
        String html = render(succeeded());
        Document page = parse(html);

        assertThat(text(page, "//section[@id='verdict']/p[1]")).isEqualTo("SUCCEEDED");
        assertThat(attribute(page, "//section[@id='verdict']", "class")).contains("succeeded");
        assertThat(text(page, "//section[@id='verdict']/p[2]"))
                .contains("proven equal to the manifest")
                .doesNotContain("force");
        assertThat(text(page, "//title")).contains("SUCCEEDED", "chinook", BACKUP.toString(), "into chinook_copy");
        assertThat(cells(page, "//table[@id='facts']/tbody/tr/th"))
                .contains("Restore id", "Destination", "Database", "What", "Backup's verification");
        assertThat(cells(page, "//table[@id='facts']/tbody/tr/td"))
                .contains(
                        RESTORE.toString(),
                        BACKUP.toString(),
                        "staging: postgresql at db.staging.internal:5432, server version 15.20",
                        "chinook_copy (created by this restore)",
                        "the whole backup",
                        "PASSED",
                        PREFIX + "dump.pgcustom.zst",
                        "2026-12-01T10:05:00Z");
        assertThat(cells(page, "//table[@id='checks']/tbody/tr/td[1]"))
                .containsExactly("checksum", "archive", "restore", "tables", "row-counts", "source-health");
        assertThat(cells(page, "//table[@id='checks']/tbody/tr/td[2]"))
                .containsExactly("PASSED", "PASSED", "PASSED", "PASSED", "PASSED", "WARNING");
        assertThat(cells(page, "//ul[@id='left-out']/li"))
                .as("a whole restore leaves no key out")
                .isEmpty();
        assertThat(html).doesNotContain("Foreign keys left out");
        assertThat(cells(page, "//table[@id='tables']/tbody/tr/td[1]")).containsExactly("public.album", "public.track");
        assertThat(cells(page, "//table[@id='tables']/tfoot/tr/td"))
                .containsExactly("Total (2 tables)", "3850", "3850", "0", "all same");
        assertThat(cells(page, "//table[@id='timings']/tbody/tr/td[2]"))
                .containsExactly("800 ms", "2310 ms", "54 ms", "3164 ms");
        assertThat(text(page, "//footer")).contains("restore.json");
        assertSelfContained(html);
    }

    @Test
    void aFailedPartialRestoreShowsTheReasonTheMessageTheKeysLeftOutAndTheDifferingTablesFirst() throws Exception {
        String html = render(failed());
        Document page = parse(html);

        assertThat(text(page, "//section[@id='verdict']/p[1]")).isEqualTo("FAILED");
        assertThat(attribute(page, "//section[@id='verdict']", "class")).contains("failed");
        assertThat(text(page, "//section[@id='verdict']/p[2]"))
                .contains("The restore did not succeed (PROOF_FAILED)")
                .contains("the restored database differs from the manifest: row-counts")
                .contains("Checks that failed or could not judge: row-counts, assertion:invoices.")
                .contains("Do not use the database");
        assertThat(cells(page, "//table[@id='facts']/tbody/tr/td"))
                .contains(
                        "ERROR (restored with force)",
                        "chinook_copy (replaced, with confirmation)",
                        "schemas [], tables [public.invoice, public.album, public.customer]");
        assertThat(cells(page, "//h2")).contains("Foreign keys left out");
        assertThat(cells(page, "//ul[@id='left-out']/li"))
                .containsExactly("public.invoice.invoice_customer_id_fkey -> public.customer");
        assertThat(cells(page, "//table[@id='checks']/tbody/tr/td[2]"))
                .containsExactly("PASSED", "PASSED", "FAILED", "WARNING", "ERROR");
        assertThat(cells(page, "//table[@id='tables']/tbody/tr/td[1]"))
                .as("differing and missing tables first")
                .containsExactly("public.invoice", "public.customer", "public.album");
        assertThat(cells(page, "//table[@id='tables']/tbody/tr[1]/td"))
                .containsExactly("public.invoice", "412", "410", "-2", "DIFFERS");
        assertThat(cells(page, "//table[@id='tables']/tbody/tr[2]/td"))
                .containsExactly("public.customer", "59", "missing", "-59", "MISSING");
        assertThat(attribute(page, "//table[@id='tables']/tbody/tr[3]", "class"))
                .isEqualTo("same");
        assertSelfContained(html);
    }

    @Test
    void aRestoreRefusedBeforeAnyDestinationSaysWhyAndWhatIsUnknown() throws Exception {
        RestoreReport refused = new RestoreReport(
                RestoreReport.SCHEMA_VERSION,
                RESTORE,
                null,
                "chinook",
                RestoreState.FAILED,
                RestoreFailureReason.BACKUP_NOT_FOUND,
                "no VERIFIED backup of chinook at 2026-11-30T00:00:00Z",
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T10:00:01Z"));

        Document page = parse(render(refused));

        assertThat(text(page, "//section[@id='verdict']/p[2]"))
                .contains("(BACKUP_NOT_FOUND): no VERIFIED backup of chinook");
        assertThat(text(page, "//title")).contains("into unknown");
        assertThat(cells(page, "//table[@id='facts']/tbody/tr/td")).contains("never verified", "unknown");
        assertThat(text(page, "//body")).contains("No checks were recorded", "No row counts");
        assertThat(cells(page, "//table[@id='timings']/tbody/tr")).isEmpty();
    }

    @Test
    void escapesHostileValuesAndReplacesControlCharacters() throws Exception {
        RestoreReport hostile = new RestoreReport(
                RestoreReport.SCHEMA_VERSION,
                RESTORE,
                BACKUP,
                "<i>target</i>",
                RestoreState.FAILED,
                RestoreFailureReason.RESTORE_FAILED,
                "pg_restore: error: a & b \u001b[31mred\u0000 end",
                false,
                Outcome.PASSED,
                new RestoredDatabase("<dest>", "postgresql", "host&name", 5432, "<b>db</b>\u0007", true, false, "<v>"),
                List.of(),
                List.of("public.<script>", "bell\u0007"),
                List.of(new CheckResult("restore", CheckStatus.FAILED, "detail & <more>\u0001", 3)),
                List.of(new TableRows("public", "<script>", 2, 1L)),
                List.of("<fk>\u0002 -> public.<script>"),
                new RestoreReport.Timings(1, 2, 3, 6),
                "key&<k>",
                "manifest<m>",
                Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T10:00:01Z"));

        String html = render(hostile);
        Document page = parse(html);

        assertThat(html).doesNotContain("<script", "<i>", "<b>", "<dest>", "<v>", "<fk>", "<k>", "<m>", "<more>");
        assertThat(html).doesNotContainPattern("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");
        assertThat(text(page, "//table[@id='tables']/tbody/tr/td[1]")).isEqualTo("public.<script>");
        assertThat(text(page, "//section[@id='verdict']/p[2]"))
                .contains("pg_restore: error: a & b \uFFFD[31mred\uFFFD end");
        assertThat(text(page, "//table[@id='checks']/tbody/tr/td[3]")).isEqualTo("detail & <more>\uFFFD");
        assertThat(cells(page, "//ul[@id='left-out']/li")).containsExactly("<fk>\uFFFD -> public.<script>");
        assertThat(cells(page, "//table[@id='facts']/tbody/tr/td"))
                .contains(
                        "<i>target</i>",
                        "<dest>: postgresql at host&name:5432, server version <v>",
                        "<b>db</b>\uFFFD (created by this restore)",
                        "schemas [], tables [public.<script>, bell\uFFFD]",
                        "key&<k>",
                        "manifest<m>");
        assertThat(text(page, "//title")).contains("<i>target</i>", "<b>db</b>\uFFFD");
    }

    @Test
    void aCheckNamedWithAControlCharacterStillMakesAValidPage() throws Exception {
        RestoreReport report = failedWithChecks(
                List.of(new CheckResult("assertion:odd\u0007name", CheckStatus.FAILED, "expected '1'", 1)));

        Document page = parse(render(report));

        assertThat(text(page, "//section[@id='verdict']/p[2]")).contains("assertion:odd\uFFFDname");
        assertThat(text(page, "//table[@id='checks']/tbody/tr/td[1]")).isEqualTo("assertion:odd\uFFFDname");
    }

    @Test
    void aMissingReportIsRefused() {
        assertThatThrownBy(() -> HtmlRestoreReport.render(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void writesAnExamplePageForAPersonToLookAt() throws Exception {
        Path out = Path.of("target/example-restore.html");
        Files.createDirectories(out.getParent());
        Files.write(out, new HtmlReportPages().restore(failed()));

        assertThat(out).isNotEmptyFile();
    }

    private static RestoreReport succeeded() {
        return new RestoreReport(
                RestoreReport.SCHEMA_VERSION,
                RESTORE,
                BACKUP,
                "chinook",
                RestoreState.SUCCEEDED,
                null,
                "restored 2 tables with 3850 rows into chinook_copy",
                false,
                Outcome.PASSED,
                new RestoredDatabase(
                        "staging", "postgresql", "db.staging.internal", 5432, "chinook_copy", true, false, "15.20"),
                List.of(),
                List.of(),
                List.of(
                        new CheckResult("checksum", CheckStatus.PASSED, "SHA-256 9f86d081... matches the manifest", 0),
                        new CheckResult("archive", CheckStatus.PASSED, "pg_restore --list read 57 TOC entries", 12),
                        new CheckResult("restore", CheckStatus.PASSED, "pg_restore exited 0 in 2310 ms", 2310),
                        new CheckResult("tables", CheckStatus.PASSED, "all 2 tables of the manifest were restored", 0),
                        new CheckResult("row-counts", CheckStatus.PASSED, "exact row counts of 2 tables match", 40),
                        new CheckResult(
                                "source-health",
                                CheckStatus.WARNING,
                                "the source itself has 2 orphan rows under public.track.track_album_id_fkey",
                                0)),
                List.of(new TableRows("public", "album", 347, 347L), new TableRows("public", "track", 3503, 3503L)),
                List.of(),
                new RestoreReport.Timings(800, 2310, 54, 3164),
                PREFIX + "dump.pgcustom.zst",
                PREFIX + "manifest.json",
                Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T10:05:00Z"));
    }

    private static RestoreReport failed() {
        return failedWithChecks(List.of(
                new CheckResult("checksum", CheckStatus.PASSED, "SHA-256 9f86d081... matches the manifest", 0),
                new CheckResult("restore", CheckStatus.PASSED, "pg_restore exited 0 in 2310 ms", 2310),
                new CheckResult(
                        "row-counts",
                        CheckStatus.FAILED,
                        "1 of 2 tables differ: public.invoice (source 412, restored 410)",
                        40),
                new CheckResult(
                        "partial",
                        CheckStatus.WARNING,
                        "3 tables restored; 1 foreign keys point at a table left out and were not restored:"
                                + " public.invoice.invoice_customer_id_fkey -> public.customer",
                        0),
                new CheckResult(
                        "assertion:invoices",
                        CheckStatus.ERROR,
                        "could not query the restored database: connection refused",
                        3)));
    }

    private static RestoreReport failedWithChecks(List<CheckResult> checks) {
        return new RestoreReport(
                RestoreReport.SCHEMA_VERSION,
                RESTORE,
                BACKUP,
                "chinook",
                RestoreState.FAILED,
                RestoreFailureReason.PROOF_FAILED,
                "the restored database differs from the manifest: row-counts",
                true,
                Outcome.ERROR,
                new RestoredDatabase(
                        "staging", "postgresql", "db.staging.internal", 5432, "chinook_copy", false, true, "15.20"),
                List.of(),
                List.of("public.invoice", "public.album", "public.customer"),
                checks,
                List.of(
                        new TableRows("public", "album", 347, 347L),
                        new TableRows("public", "invoice", 412, 410L),
                        new TableRows("public", "customer", 59, null)),
                List.of("public.invoice.invoice_customer_id_fkey -> public.customer"),
                new RestoreReport.Timings(800, 2310, 54, 3164),
                PREFIX + "dump.pgcustom.zst",
                PREFIX + "manifest.json",
                Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T10:05:00Z"));
    }

    private static String render(RestoreReport report) {
        return new String(HtmlRestoreReport.render(report), StandardCharsets.UTF_8);
    }
}
