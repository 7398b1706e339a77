package io.bulwark.localstack.restore;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoredDatabase;
import io.bulwark.contracts.TableRows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A proven-restore report for a person, as {@code ./bulwark restore} prints it: the state (with the reason and
 * message of a failure), the backup and the database restored into, the checks (failed ones first), the tables
 * (those whose restored count differs from the source's first, then at most {@value #MAX_TABLES} others) and the
 * timings.
 */
public final class RestoreSummary {

    /** How many matching tables are listed at most; the differing ones are always all listed. */
    static final int MAX_TABLES = 40;

    private RestoreSummary() {}

    /**
     * The summary.
     *
     * @param report the report
     * @return lines, each ending in a newline
     */
    public static String render(RestoreReport report) {
        StringBuilder s = new StringBuilder();
        s.append("Restore ")
                .append(report.state())
                .append(report.reason() == null ? "" : " (" + report.reason() + ")")
                .append('\n');
        s.append("  ").append(report.message()).append('\n');
        s.append("  backup   ").append(report.backupId()).append(" of target ").append(report.targetId());
        if (report.backupVerification() != null || report.forced()) {
            s.append(", verification ")
                    .append(report.backupVerification() == null ? "never ran" : report.backupVerification());
            s.append(report.forced() ? " (restored with --force)" : "");
        }
        s.append('\n');
        RestoredDatabase d = report.destination();
        if (d != null) {
            s.append("  into     ")
                    .append(d.engine())
                    .append("://")
                    .append(d.host())
                    .append(':')
                    .append(d.port())
                    .append('/')
                    .append(d.database())
                    .append(d.created() ? " (created)" : d.replaced() ? " (replaced)" : "")
                    .append(d.serverVersion() == null ? "" : ", server " + d.serverVersion())
                    .append('\n');
        }
        if (!report.schemas().isEmpty() || !report.tables().isEmpty()) {
            s.append("  partial  schemas ")
                    .append(report.schemas())
                    .append(", tables ")
                    .append(report.tables())
                    .append('\n');
        }
        checks(s, report.checks());
        tables(s, report.rows());
        if (!report.leftOutForeignKeys().isEmpty()) {
            s.append("\nForeign keys to tables left out: ")
                    .append(String.join(", ", report.leftOutForeignKeys()))
                    .append('\n');
        }
        RestoreReport.Timings t = report.timings();
        if (t != null) {
            s.append(String.format(
                    Locale.ROOT,
                    "%nTimings: prepare %d ms, restore %d ms, proof %d ms, total %d ms%n",
                    t.prepareMillis(),
                    t.restoreMillis(),
                    t.checksMillis(),
                    t.totalMillis()));
        }
        return s.toString();
    }

    private static void checks(StringBuilder s, List<CheckResult> checks) {
        if (checks.isEmpty()) {
            return;
        }
        List<CheckResult> ordered = new ArrayList<>(checks);
        ordered.sort(Comparator.comparingInt(RestoreSummary::rank));
        int width = ordered.stream().mapToInt(c -> c.name().length()).max().orElse(4);
        s.append("\nChecks\n");
        for (CheckResult c : ordered) {
            s.append(String.format(
                    Locale.ROOT,
                    "  %-7s %-" + width + "s  %s%n",
                    c.status(),
                    c.name(),
                    c.detail() == null ? "" : c.detail()));
        }
    }

    /** Failed and not judged first, then warnings, then the rest, each in report order (the sort is stable). */
    private static int rank(CheckResult c) {
        return c.status() == CheckStatus.FAILED || c.status() == CheckStatus.ERROR
                ? 0
                : c.status() == CheckStatus.WARNING ? 1 : 2;
    }

    private static void tables(StringBuilder s, List<TableRows> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<TableRows> differing = rows.stream().filter(t -> !t.matches()).toList();
        List<TableRows> matching = rows.stream().filter(TableRows::matches).toList();
        int width =
                Math.max(5, rows.stream().mapToInt(t -> name(t).length()).max().orElse(5));
        s.append("\nTables (")
                .append(rows.size())
                .append(differing.isEmpty() ? ", all counts equal" : ", " + differing.size() + " differing")
                .append(")\n");
        s.append(String.format(Locale.ROOT, "  %-" + width + "s  %14s  %14s%n", "table", "source rows", "restored"));
        for (TableRows t : differing) {
            row(s, width, t);
        }
        for (TableRows t : matching.subList(0, Math.min(MAX_TABLES, matching.size()))) {
            row(s, width, t);
        }
        if (matching.size() > MAX_TABLES) {
            s.append("  … and ")
                    .append(matching.size() - MAX_TABLES)
                    .append(" more tables whose counts are equal (all in --report-json)\n");
        }
    }

    private static void row(StringBuilder s, int width, TableRows t) {
        s.append(String.format(
                Locale.ROOT,
                "  %-" + width + "s  %14d  %14s  %s%n",
                name(t),
                t.sourceRows(),
                t.restoredRows() == null ? "missing" : Long.toString(t.restoredRows()),
                t.matches() ? "ok" : "DIFFERS"));
    }

    private static String name(TableRows t) {
        return t.schema() == null || t.schema().isEmpty() ? t.name() : t.schema() + "." + t.name();
    }
}
