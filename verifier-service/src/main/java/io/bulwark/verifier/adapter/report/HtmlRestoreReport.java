package io.bulwark.verifier.adapter.report;

import com.samskivert.mustache.Template;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoreState;
import io.bulwark.contracts.RestoredDatabase;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a {@link RestoreReport} as {@code restore.html}: one self-contained page (inline CSS, no scripts, no
 * external assets), laid out as {@code verification.html} is. The verdict (SUCCEEDED or FAILED, with why) comes first,
 * then what was restored where, the checks of the proof, the foreign keys a partial restore left out, the per-table
 * row counts (differences first) and the timings. Every value is HTML-escaped; the page parses as XML. Stateless and
 * thread-safe.
 */
public final class HtmlRestoreReport {

    private static final Template TEMPLATE = HtmlReport.compile("restore.html.mustache");

    private HtmlRestoreReport() {}

    /**
     * The page for {@code report}, UTF-8 encoded.
     *
     * @throws NullPointerException when {@code report} is null
     */
    public static byte[] render(RestoreReport report) {
        Objects.requireNonNull(report, "report");
        return TEMPLATE.execute(model(report)).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> model(RestoreReport report) {
        RestoreState state = report.state() == null ? RestoreState.FAILED : report.state();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", state.name());
        m.put("outcomeClass", state.name().toLowerCase(Locale.ROOT));
        m.put("meaning", meaning(report, state));
        m.put("targetId", HtmlReport.text(report.targetId()));
        m.put(
                "backupId",
                report.backupId() == null
                        ? HtmlReport.UNKNOWN
                        : report.backupId().toString());
        m.put(
                "database",
                report.destination() == null
                        ? HtmlReport.UNKNOWN
                        : HtmlReport.text(report.destination().database()));
        m.put("facts", facts(report));
        m.put("checks", HtmlReport.checks(report.checks()));
        m.put("hasChecks", !report.checks().isEmpty());
        m.put(
                "leftOut",
                report.leftOutForeignKeys().stream().map(HtmlReport::clean).toList());
        m.put("hasLeftOut", !report.leftOutForeignKeys().isEmpty());
        m.put("tables", HtmlReport.tables(report.rows()));
        m.put("hasTables", !report.rows().isEmpty());
        m.put("totals", HtmlReport.totals(report.rows()));
        m.put("timings", timings(report.timings()));
        m.put("schemaVersion", Integer.toString(report.schemaVersion()));
        return m;
    }

    private static String meaning(RestoreReport report, RestoreState state) {
        if (state == RestoreState.SUCCEEDED) {
            return "The backup was restored and the restored database was proven equal to the manifest for what was"
                    + " restored: every check below passed."
                    + (report.forced()
                            ? " The backup was not VERIFIED; it was restored because the request said force."
                            : "");
        }
        List<String> failed = report.checks().stream()
                .filter(c -> c.status() == CheckStatus.FAILED || c.status() == CheckStatus.ERROR)
                .map(c -> HtmlReport.text(c.name()))
                .toList();
        return "The restore did not succeed"
                + (report.reason() == null ? "" : " (" + report.reason() + ")") + ": "
                + HtmlReport.text(report.message())
                + (failed.isEmpty() ? "" : " Checks that failed or could not judge: " + String.join(", ", failed) + ".")
                + " Do not use the database as a restored copy.";
    }

    private static List<Map<String, String>> facts(RestoreReport report) {
        List<Map<String, String>> facts = new ArrayList<>();
        HtmlReport.fact(
                facts,
                "Restore id",
                report.restoreId() == null
                        ? HtmlReport.UNKNOWN
                        : report.restoreId().toString());
        HtmlReport.fact(facts, "Target", HtmlReport.text(report.targetId()));
        HtmlReport.fact(
                facts,
                "Backup id",
                report.backupId() == null
                        ? HtmlReport.UNKNOWN
                        : report.backupId().toString());
        HtmlReport.fact(
                facts,
                "Backup's verification",
                report.backupVerification() == null
                        ? "never verified"
                        : report.backupVerification().name() + (report.forced() ? " (restored with force)" : ""));
        RestoredDatabase destination = report.destination();
        if (destination != null) {
            HtmlReport.fact(
                    facts,
                    "Destination",
                    HtmlReport.text(destination.destinationId()) + ": " + HtmlReport.text(destination.engine()) + " at "
                            + HtmlReport.text(destination.host()) + ":" + destination.port() + ", server version "
                            + HtmlReport.text(destination.serverVersion()));
            HtmlReport.fact(
                    facts,
                    "Database",
                    HtmlReport.text(destination.database())
                            + (destination.created() ? " (created by this restore)" : "")
                            + (destination.replaced() ? " (replaced, with confirmation)" : ""));
        }
        HtmlReport.fact(
                facts,
                "What",
                report.schemas().isEmpty() && report.tables().isEmpty()
                        ? "the whole backup"
                        : HtmlReport.clean("schemas " + report.schemas() + ", tables " + report.tables()));
        HtmlReport.fact(facts, "Artifact key", HtmlReport.text(report.artifactKey()));
        HtmlReport.fact(facts, "Manifest key", HtmlReport.text(report.manifestKey()));
        HtmlReport.fact(
                facts,
                "Finished at (UTC)",
                report.finishedAt() == null
                        ? HtmlReport.UNKNOWN
                        : DateTimeFormatter.ISO_INSTANT.format(report.finishedAt()));
        return facts;
    }

    private static List<Map<String, String>> timings(RestoreReport.Timings timings) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (timings == null) {
            return rows;
        }
        HtmlReport.timing(rows, "Prepare (find the backup, check and create the database)", timings.prepareMillis());
        HtmlReport.timing(rows, "Restore (download, decryption, decompression, restore tool)", timings.restoreMillis());
        HtmlReport.timing(rows, "Proof after the restore", timings.checksMillis());
        HtmlReport.timing(rows, "Total", timings.totalMillis());
        return rows;
    }
}
