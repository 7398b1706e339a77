package io.bulwark.localstack;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.RestoredDatabase;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.VerificationReport;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MinioClient;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code verification.json} and {@code restore.json} from the object store and renders them for a person.
 */
public final class Reports {

    private Reports() {}

    /**
     * Reads an object's bytes.
     *
     * @param s3 the client
     * @param bucket the bucket
     * @param key the object key
     * @return the object's content
     * @throws IllegalStateException when the object cannot be read
     */
    public static byte[] read(MinioClient s3, String bucket, String key) {
        try (GetObjectResponse in =
                s3.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a verification report.
     *
     * @param json the content of {@code verification.json}
     * @return the report
     */
    public static VerificationReport parse(byte[] json) {
        return EventJson.read(json, VerificationReport.class);
    }

    /**
     * Renders a report as plain text: outcome, each check, a table of source vs restored rows, and timings.
     *
     * @param report the report
     * @return lines ending in a newline
     */
    public static String render(VerificationReport report) {
        StringBuilder s = new StringBuilder();
        s.append("Verification of backup ")
                .append(report.backupId())
                .append(" (target ")
                .append(report.targetId())
                .append(")\n");
        s.append("  outcome: ").append(report.outcome()).append('\n');
        if (report.sourceServerVersion() != null || report.sandboxServerVersion() != null) {
            s.append("  source server ")
                    .append(nullToDash(report.sourceServerVersion()))
                    .append(", restored into ")
                    .append(nullToDash(report.sandboxKind()))
                    .append(" sandbox ")
                    .append(nullToDash(report.sandboxServerVersion()))
                    .append('\n');
        }
        appendChecks(s, report.checks());
        appendTables(s, report.tables());
        VerificationReport.Timings timings = report.timings();
        if (timings != null) {
            s.append(String.format(
                    Locale.ROOT,
                    "%nTimings: restore %d ms, total %d ms (sandbox start %d ms, checks %d ms)%n",
                    timings.restoreMillis(),
                    timings.totalMillis(),
                    timings.sandboxMillis(),
                    timings.checksMillis()));
        }
        return s.toString();
    }

    /**
     * Parses a proven-restore report.
     *
     * @param json the content of {@code restore.json}
     * @return the report
     */
    public static RestoreReport parseRestore(byte[] json) {
        return EventJson.read(json, RestoreReport.class);
    }

    /**
     * Renders a proven-restore report as plain text: state, the database restored into, what was asked for, each
     * check, a table of source vs restored rows with the differing tables first, and timings.
     *
     * @param report the report
     * @return lines ending in a newline
     */
    public static String renderRestore(RestoreReport report) {
        StringBuilder s = new StringBuilder();
        s.append("Restore ")
                .append(report.restoreId())
                .append(" of backup ")
                .append(report.backupId() == null ? "-" : report.backupId())
                .append(" (target ")
                .append(report.targetId())
                .append(")\n");
        s.append("  state: ").append(report.state());
        if (report.reason() != null) {
            s.append(" (").append(report.reason()).append(')');
        }
        s.append('\n');
        RestoredDatabase d = report.destination();
        if (d != null) {
            s.append("  database: ")
                    .append(d.database())
                    .append(" on ")
                    .append(d.engine())
                    .append(' ')
                    .append(d.host())
                    .append(':')
                    .append(d.port())
                    .append(" (destination ")
                    .append(d.destinationId())
                    .append(d.created() ? ", created" : "")
                    .append(d.replaced() ? ", replaced" : "")
                    .append(d.serverVersion() == null ? "" : ", server " + d.serverVersion())
                    .append(")\n");
        }
        if (!report.schemas().isEmpty()) {
            s.append("  schemas asked for: ")
                    .append(String.join(", ", report.schemas()))
                    .append('\n');
        }
        if (!report.tables().isEmpty()) {
            s.append("  tables asked for: ")
                    .append(String.join(", ", report.tables()))
                    .append('\n');
        }
        if (report.backupVerification() != null || report.forced()) {
            s.append("  backup verification: ")
                    .append(nullToDash(
                            report.backupVerification() == null
                                    ? null
                                    : report.backupVerification().name()))
                    .append(report.forced() ? " (forced)" : "")
                    .append('\n');
        }
        if (report.message() != null) {
            s.append("  ").append(report.message()).append('\n');
        }
        appendChecks(s, report.checks());
        List<TableRows> differingFirst = report.rows().stream()
                .sorted(Comparator.comparing(TableRows::matches))
                .toList();
        appendTables(s, differingFirst);
        if (!report.leftOutForeignKeys().isEmpty()) {
            s.append("\nForeign keys to tables left out (")
                    .append(report.leftOutForeignKeys().size())
                    .append(")\n");
            report.leftOutForeignKeys().forEach(k -> s.append("  ").append(k).append('\n'));
        }
        RestoreReport.Timings timings = report.timings();
        if (timings != null) {
            s.append(String.format(
                    Locale.ROOT,
                    "%nTimings: prepare %d ms, restore %d ms, checks %d ms, total %d ms%n",
                    timings.prepareMillis(),
                    timings.restoreMillis(),
                    timings.checksMillis(),
                    timings.totalMillis()));
        }
        return s.toString();
    }

    private static void appendChecks(StringBuilder s, List<CheckResult> checks) {
        s.append("\nChecks\n");
        int nameWidth = checks.stream().mapToInt(c -> c.name().length()).max().orElse(4);
        for (CheckResult c : checks) {
            s.append(String.format(
                    Locale.ROOT,
                    "  %-7s %-" + nameWidth + "s  %s%n",
                    c.status(),
                    c.name(),
                    c.detail() == null ? "" : c.detail()));
        }
    }

    private static void appendTables(StringBuilder s, List<TableRows> tables) {
        s.append("\nTables (").append(tables.size()).append(")\n");
        int tableWidth = Math.max(
                5, tables.stream().mapToInt(t -> qualified(t).length()).max().orElse(5));
        s.append(String.format(
                Locale.ROOT, "  %-" + tableWidth + "s  %12s  %12s%n", "table", "source rows", "restored"));
        for (TableRows t : tables) {
            s.append(String.format(
                    Locale.ROOT,
                    "  %-" + tableWidth + "s  %12d  %12s  %s%n",
                    qualified(t),
                    t.sourceRows(),
                    t.restoredRows() == null ? "missing" : Long.toString(t.restoredRows()),
                    t.matches() ? "ok" : "MISMATCH"));
        }
    }

    private static String qualified(TableRows t) {
        return t.schema() == null ? t.name() : t.schema() + "." + t.name();
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }
}
