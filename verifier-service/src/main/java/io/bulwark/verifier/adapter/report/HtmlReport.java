package io.bulwark.verifier.adapter.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.Outcome;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.VerificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Renders a {@link VerificationReport} as {@code verification.html}: one self-contained page (inline
 * CSS, no scripts, no external assets) that a person who never saw Bulwark can read and print. The
 * verdict comes first, then what was verified, the checks in report order, the per-table row counts
 * (tables whose restored count differs from the source come first and are marked), the timings and a
 * footer naming {@code verification.json} as the machine-readable twin.
 *
 * <p>Every value taken from the report is HTML-escaped; the markup is XHTML-compatible (it parses as
 * XML). Stateless and thread-safe.
 */
public final class HtmlReport {

    /** The content type of {@code verification.html}. */
    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    /** The word shown for a value the report lacks. */
    static final String UNKNOWN = "unknown";

    /** Control characters no HTML or XML page may hold (a tool's stderr may carry them), shown as U+FFFD. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private static final Template TEMPLATE = compile("verification.html.mustache");

    private HtmlReport() {}

    /**
     * The page for {@code report}, UTF-8 encoded.
     *
     * @throws NullPointerException when {@code report} is null
     */
    public static byte[] render(VerificationReport report) {
        Objects.requireNonNull(report, "report");
        return TEMPLATE.execute(model(report)).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> model(VerificationReport report) {
        Outcome outcome = report.outcome() == null ? Outcome.ERROR : report.outcome();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", outcome.name());
        m.put("outcomeClass", outcome.name().toLowerCase(Locale.ROOT));
        m.put("meaning", meaning(outcome, report.checks()));
        m.put("targetId", text(report.targetId()));
        m.put(
                "backupId",
                report.backupId() == null ? UNKNOWN : report.backupId().toString());
        m.put("facts", facts(report));
        m.put("checks", checks(report.checks()));
        m.put("hasChecks", !report.checks().isEmpty());
        m.put("tables", tables(report.tables()));
        m.put("hasTables", !report.tables().isEmpty());
        m.put("totals", totals(report.tables()));
        m.put("timings", timings(report.timings()));
        m.put("schemaVersion", Integer.toString(report.schemaVersion()));
        return m;
    }

    private static String meaning(Outcome outcome, List<CheckResult> checks) {
        return switch (outcome) {
            case PASSED -> "The backup restores and matches its source: every check below passed.";
            case FAILED -> {
                List<String> failed = checks.stream()
                        .filter(c -> c.status() == CheckStatus.FAILED)
                        .map(c -> text(c.name()))
                        .toList();
                yield "The backup is bad: "
                        + (failed.isEmpty()
                                ? "a check failed."
                                : (failed.size() == 1 ? "the check " : "the checks ") + String.join(", ", failed)
                                        + " failed.")
                        + " Do not count on it for a restore.";
            }
            case ERROR ->
                "The verifier could not judge the backup; this says nothing about the backup, good or bad. The"
                        + " check marked ERROR below says what stood in the way.";
        };
    }

    private static List<Map<String, String>> facts(VerificationReport report) {
        List<Map<String, String>> facts = new ArrayList<>();
        fact(facts, "Target", text(report.targetId()));
        fact(
                facts,
                "Backup id",
                report.backupId() == null ? UNKNOWN : report.backupId().toString());
        fact(facts, "Artifact key", text(report.artifactKey()));
        fact(facts, "Manifest key", text(report.manifestKey()));
        fact(facts, "Source server version", text(report.sourceServerVersion()));
        fact(facts, "Sandbox", text(report.sandboxKind()) + ", server version " + text(report.sandboxServerVersion()));
        fact(
                facts,
                "Verified at (UTC)",
                report.verifiedAt() == null ? UNKNOWN : DateTimeFormatter.ISO_INSTANT.format(report.verifiedAt()));
        return facts;
    }

    static void fact(List<Map<String, String>> facts, String label, String value) {
        facts.add(Map.of("label", label, "value", value));
    }

    static List<Map<String, String>> checks(List<CheckResult> checks) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (CheckResult check : checks) {
            String status = check.status() == null
                    ? UNKNOWN.toUpperCase(Locale.ROOT)
                    : check.status().name();
            rows.add(Map.of(
                    "name", text(check.name()),
                    "status", status,
                    "statusClass", status.toLowerCase(Locale.ROOT),
                    "detail", check.detail() == null ? "" : clean(check.detail()),
                    "duration", Long.toString(check.durationMillis())));
        }
        return rows;
    }

    /** The tables, those that differ first, each group in report order. */
    static List<Map<String, String>> tables(List<TableRows> tables) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (boolean wantMatching : new boolean[] {false, true}) {
            for (TableRows table : tables) {
                if (table.matches() == wantMatching) {
                    rows.add(table(table));
                }
            }
        }
        return rows;
    }

    private static Map<String, String> table(TableRows table) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("name", qualified(table));
        row.put(
                "partitioned",
                table.partitioned()
                        ? "partitioned: the sum of its partitions"
                        : table.sourceOwnRows() != null
                                ? "with its inheritance children; " + table.sourceOwnRows() + " rows of its own"
                                : "");
        row.put("source", Long.toString(table.sourceRows()));
        if (table.restoredRows() == null) {
            row.put("restored", "missing");
            row.put("difference", signed(-table.sourceRows()));
            row.put("verdict", "MISSING");
            row.put("rowClass", "missing");
        } else {
            long difference = table.restoredRows() - table.sourceRows();
            row.put("restored", Long.toString(table.restoredRows()));
            row.put("difference", signed(difference));
            row.put("verdict", difference == 0 ? "same" : "DIFFERS");
            row.put("rowClass", difference == 0 ? "same" : "differs");
        }
        return row;
    }

    static Map<String, String> totals(List<TableRows> tables) {
        long source = 0;
        long restored = 0;
        long differing = 0;
        int counted = 0;
        for (TableRows table : tables) {
            differing += table.matches() ? 0 : 1;
            if (table.partitioned()) {
                continue;
            }
            counted++;
            if (table.sourceOwnRows() != null) {
                source += table.sourceOwnRows();
                restored += table.restoredOwnRows() == null ? 0 : table.restoredOwnRows();
            } else {
                source += table.sourceRows();
                restored += table.restoredRows() == null ? 0 : table.restoredRows();
            }
        }
        int partitioned = tables.size() - counted;
        return Map.of(
                "count",
                counted + " tables"
                        + (partitioned == 0
                                ? ""
                                : ", without " + partitioned + " partitioned "
                                        + (partitioned == 1 ? "table: its" : "tables: their")
                                        + " partitions are counted"),
                "source",
                Long.toString(source),
                "restored",
                Long.toString(restored),
                "difference",
                signed(restored - source),
                "verdict",
                differing == 0 ? "all same" : differing + " differ",
                "rowClass",
                differing == 0 ? "same" : "differs");
    }

    private static List<Map<String, String>> timings(VerificationReport.Timings timings) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (timings == null) {
            return rows;
        }
        timing(rows, "Sandbox start", timings.sandboxMillis());
        timing(rows, "Restore (download, decompression, restore: the proven restore time)", timings.restoreMillis());
        timing(rows, "Checks after the restore", timings.checksMillis());
        timing(rows, "Total", timings.totalMillis());
        return rows;
    }

    static void timing(List<Map<String, String>> rows, String label, long millis) {
        rows.add(Map.of("label", label, "millis", millis + " ms", "seconds", seconds(millis)));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String qualified(TableRows table) {
        return table.schema() == null || table.schema().isEmpty()
                ? text(table.name())
                : clean(table.schema()) + "." + text(table.name());
    }

    private static String signed(long n) {
        return n > 0 ? "+" + n : Long.toString(n);
    }

    static String text(String value) {
        return value == null || value.isBlank() ? UNKNOWN : clean(value);
    }

    static String clean(String value) {
        return CONTROL.matcher(value).replaceAll("\uFFFD");
    }

    static Template compile(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the template " + name + " is missing from the classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                // HTML escaping is the default; strict: a name the model lacks is an error, not an empty string
                return Mustache.compiler()
                        .escapeHTML(true)
                        .strictSections(true)
                        .emptyStringIsFalse(true)
                        .compile(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + name, e);
        }
    }
}
