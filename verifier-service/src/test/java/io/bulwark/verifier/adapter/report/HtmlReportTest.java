package io.bulwark.verifier.adapter.report;

import static io.bulwark.verifier.adapter.report.Pages.assertSelfContained;
import static io.bulwark.verifier.adapter.report.Pages.attribute;
import static io.bulwark.verifier.adapter.report.Pages.cells;
import static io.bulwark.verifier.adapter.report.Pages.parse;
import static io.bulwark.verifier.adapter.report.Pages.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class HtmlReportTest {

    private static final Path EXAMPLE = Path.of("../contracts/src/test/resources/examples/verification-report.json");

    @Test
    void rendersTheSavedExampleAsAPassedPageWithEveryCheckAndTable() throws Exception {
        VerificationReport report = EventJson.read(Files.readAllBytes(EXAMPLE), VerificationReport.class);

        String html = render(report);
        Document page = parse(html);

        assertThat(text(page, "//section[@id='verdict']/p[1]")).isEqualTo("PASSED");
        assertThat(text(page, "//section[@id='verdict']/p[2]")).contains("restores and matches its source");
        assertThat(attribute(page, "//section[@id='verdict']", "class")).contains("passed");
        assertThat(cells(page, "//table[@id='checks']/tbody/tr/td[1]"))
                .containsExactly("checksum", "restore", "tables", "row-counts");
        assertThat(cells(page, "//table[@id='checks']/tbody/tr/td[2]")).containsOnly("PASSED");
        assertThat(cells(page, "//table[@id='checks']/tbody/tr/td[4]"))
                .containsExactly("0 ms", "2310 ms", "14 ms", "40 ms");
        assertThat(cells(page, "//table[@id='tables']/tbody/tr/td[1]")).containsExactly("public.album", "public.track");
        assertThat(cells(page, "//table[@id='tables']/tfoot/tr/td"))
                .containsExactly("Total (2 tables)", "3850", "3850", "0", "all same");
        assertThat(cells(page, "//table[@id='facts']/tbody/tr/td"))
                .contains(
                        "chinook",
                        "1a2b3c4d-5e6f-4a70-8b91-a2b3c4d5e6f7",
                        "chinook/2026/11/nightly_20261123T020000Z_1a2b3c4d/dump.pgcustom.zst",
                        "chinook/2026/11/nightly_20261123T020000Z_1a2b3c4d/manifest.json",
                        "15.19",
                        "local, server version 15.19",
                        "2026-11-23T02:00:31Z");
        assertThat(cells(page, "//table[@id='timings']/tbody/tr/td[2]"))
                .containsExactly("1400 ms", "2310 ms", "54 ms", "3900 ms");
        assertThat(text(page, "//footer")).contains("verification.json").contains("Bulwark");
        assertSelfContained(html);
    }

    @Test
    void aFailedReportNamesTheFailedChecksAndPutsTheDifferingTablesFirst() throws Exception {
        String html = render(failedReport());
        Document page = parse(html);

        assertThat(text(page, "//section[@id='verdict']/p[1]")).isEqualTo("FAILED");
        assertThat(text(page, "//section[@id='verdict']/p[2]"))
                .contains("The backup is bad")
                .contains("tables, row-counts failed");
        assertThat(cells(page, "//table[@id='checks']/tbody/tr/td[2]"))
                .containsExactly("PASSED", "PASSED", "FAILED", "FAILED");
        assertThat(cells(page, "//table[@id='tables']/tbody/tr/td[1]"))
                .containsExactly("public.invoice", "public.customer", "public.album", "public.track");
        assertThat(cells(page, "//table[@id='tables']/tbody/tr[1]/td"))
                .containsExactly("public.invoice", "412", "410", "-2", "DIFFERS");
        assertThat(cells(page, "//table[@id='tables']/tbody/tr[2]/td"))
                .containsExactly("public.customer", "59", "missing", "-59", "MISSING");
        assertThat(attribute(page, "//table[@id='tables']/tbody/tr[1]", "class"))
                .isEqualTo("differs");
        assertThat(attribute(page, "//table[@id='tables']/tbody/tr[3]", "class"))
                .isEqualTo("same");
        assertThat(cells(page, "//table[@id='tables']/tfoot/tr/td"))
                .containsExactly("Total (4 tables)", "4321", "4260", "-61", "2 differ");
        assertSelfContained(html);
    }

    @Test
    void aPartitionedTableIsMarkedAndLeftOutOfTheTotalsSoThatNoRowCountsTwice() throws Exception {
        VerificationReport report = passedWithTables(List.of(
                new TableRows("public", "feedback", 1500, 1500L, true),
                new TableRows("public", "feedback_2025", 855, 855L),
                new TableRows("public", "feedback_2026", 645, 645L)));

        Document page = parse(render(report));

        assertThat(cells(page, "//table[@id='tables']/tbody/tr[1]/td[1]"))
                .singleElement()
                .asString()
                .contains("public.feedback", "partitioned: the sum of its partitions");
        assertThat(cells(page, "//table[@id='tables']/tfoot/tr/td"))
                .containsExactly(
                        "Total (2 tables, without 1 partitioned table: its partitions are counted)",
                        "1500",
                        "1500",
                        "0",
                        "all same");
    }

    @Test
    void anInheritanceParentAddsOnlyItsOwnRowsToTheTotals() throws Exception {
        VerificationReport report = passedWithTables(List.of(
                new TableRows("public", "payment", 500, 500L, false, 0L, 0L),
                new TableRows("public", "payment_p2015_01", 91, 91L),
                new TableRows("public", "payment_p2015_02", 409, 409L)));

        Document page = parse(render(report));

        assertThat(cells(page, "//table[@id='tables']/tbody/tr[1]/td[1]"))
                .singleElement()
                .asString()
                .contains("public.payment", "with its inheritance children; 0 rows of its own");
        assertThat(cells(page, "//table[@id='tables']/tfoot/tr/td"))
                .containsExactly("Total (3 tables)", "500", "500", "0", "all same");
    }

    @Test
    void anErrorReportSaysItIsNoVerdictOnTheBackup() throws Exception {
        VerificationReport report = new VerificationReport(
                1,
                UUID.randomUUID(),
                "app",
                Outcome.ERROR,
                List.of(new CheckResult("sandbox", CheckStatus.ERROR, "could not start a local sandbox", 5)),
                List.of(),
                null,
                "local",
                null,
                "app/manifest.json",
                null,
                null,
                null);

        Document page = parse(render(report));

        assertThat(text(page, "//section[@id='verdict']/p[1]")).isEqualTo("ERROR");
        assertThat(text(page, "//section[@id='verdict']/p[2]")).contains("says nothing about the backup");
        assertThat(cells(page, "//table[@id='checks']/tbody/tr/td[2]")).containsExactly("ERROR");
        assertThat(attribute(page, "//table[@id='checks']/tbody/tr", "class")).isEqualTo("error");
        assertThat(text(page, "//body")).contains("No row counts");
        assertThat(cells(page, "//table[@id='facts']/tbody/tr/td")).contains("unknown");
    }

    @Test
    void escapesEveryValueTakenFromTheReport() throws Exception {
        String nasty = "&<>\"'";
        VerificationReport report = new VerificationReport(
                1,
                UUID.randomUUID(),
                "<b>target</b>",
                Outcome.FAILED,
                List.of(new CheckResult("<i>check</i>", CheckStatus.FAILED, "detail " + nasty, 1)),
                List.of(new TableRows("<s>", "<script>alert(1)</script>", 1, 2L)),
                new VerificationReport.Timings(1, 2, 3, 6),
                "<sandbox>",
                "key" + nasty,
                "manifest" + nasty,
                "<v>",
                "<w>",
                Instant.parse("2026-12-01T00:00:00Z"));

        String html = render(report);
        Document page = parse(html);

        assertThat(html).doesNotContain("<script", "<b>", "<i>", "<s>", "<sandbox>", "<v>", "<w>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(text(page, "//table[@id='checks']/tbody/tr/td[3]")).isEqualTo("detail " + nasty);
        assertThat(text(page, "//table[@id='checks']/tbody/tr/td[1]")).isEqualTo("<i>check</i>");
        assertThat(text(page, "//table[@id='tables']/tbody/tr/td[1]")).isEqualTo("<s>.<script>alert(1)</script>");
        assertThat(text(page, "//section[@id='verdict']/p[2]")).contains("<i>check</i>");
        assertThat(cells(page, "//table[@id='facts']/tbody/tr/td"))
                .contains("<b>target</b>", "key" + nasty, "manifest" + nasty, "<v>", "<sandbox>, server version <w>");
        assertThat(text(page, "//title")).contains("<b>target</b>");
    }

    @Test
    void replacesControlCharactersThatWouldMakeThePageInvalid() throws Exception {
        VerificationReport report = new VerificationReport(
                1,
                UUID.randomUUID(),
                "app",
                Outcome.FAILED,
                List.of(new CheckResult("restore", CheckStatus.FAILED, "pg_restore: \u001b[31merror\u0000\nline 2", 1)),
                List.of(),
                new VerificationReport.Timings(1, 2, 3, 6),
                "local",
                "k",
                "m",
                "15",
                "15",
                Instant.parse("2026-12-01T00:00:00Z"));

        Document page = parse(render(report));

        assertThat(text(page, "//table[@id='checks']/tbody/tr/td[3]"))
                .isEqualTo("pg_restore: \uFFFD[31merror\uFFFD\nline 2");
    }

    @Test
    void writesAnExamplePageForAPersonToLookAt() throws Exception {
        byte[] html = HtmlReport.render(failedReport());
        Path out = Path.of("target/example-verification.html");
        Files.createDirectories(out.getParent());
        Files.write(out, html);

        assertThat(out).isNotEmptyFile();
        assertThat(HtmlReport.CONTENT_TYPE).isEqualTo("text/html; charset=utf-8");
    }

    /** {@link #failedReport()}'s facts, PASSED with no checks and {@code tables}. */
    private static VerificationReport passedWithTables(List<TableRows> tables) {
        VerificationReport failed = failedReport();
        return new VerificationReport(
                failed.schemaVersion(),
                failed.backupId(),
                failed.targetId(),
                Outcome.PASSED,
                List.of(),
                tables,
                failed.timings(),
                failed.sandboxKind(),
                failed.artifactKey(),
                failed.manifestKey(),
                failed.sourceServerVersion(),
                failed.sandboxServerVersion(),
                failed.verifiedAt());
    }

    private static VerificationReport failedReport() {
        return new VerificationReport(
                1,
                UUID.fromString("1a2b3c4d-5e6f-4a70-8b91-a2b3c4d5e6f7"),
                "chinook",
                Outcome.FAILED,
                List.of(
                        new CheckResult("checksum", CheckStatus.PASSED, "SHA-256 9f86d081... matches the manifest", 0),
                        new CheckResult("restore", CheckStatus.PASSED, "pg_restore exited 0", 2310),
                        new CheckResult(
                                "tables", CheckStatus.FAILED, "1 table missing from the restore: public.customer", 14),
                        new CheckResult(
                                "row-counts",
                                CheckStatus.FAILED,
                                "public.invoice: 410 rows restored, 412 at the source",
                                40)),
                List.of(
                        new TableRows("public", "album", 347, 347L),
                        new TableRows("public", "invoice", 412, 410L),
                        new TableRows("public", "customer", 59, null),
                        new TableRows("public", "track", 3503, 3503L)),
                new VerificationReport.Timings(1400, 2310, 54, 3900),
                "local",
                "chinook/2026/11/nightly_20261123T020000Z_1a2b3c4d/dump.pgcustom.zst",
                "chinook/2026/11/nightly_20261123T020000Z_1a2b3c4d/manifest.json",
                "15.19",
                "15.19",
                Instant.parse("2026-11-23T02:00:31Z"));
    }

    private static String render(VerificationReport report) {
        return new String(HtmlReport.render(report), StandardCharsets.UTF_8);
    }
}
