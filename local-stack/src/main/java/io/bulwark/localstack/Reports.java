package io.bulwark.localstack;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.TableRows;
import io.bulwark.contracts.VerificationReport;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MinioClient;
import java.util.List;
import java.util.Locale;

/** Reads {@code verification.json} from the object store and renders it for a person. */
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
        s.append("\nChecks\n");
        int nameWidth =
                report.checks().stream().mapToInt(c -> c.name().length()).max().orElse(4);
        for (CheckResult c : report.checks()) {
            s.append(String.format(
                    Locale.ROOT,
                    "  %-7s %-" + nameWidth + "s  %s%n",
                    c.status(),
                    c.name(),
                    c.detail() == null ? "" : c.detail()));
        }
        List<TableRows> tables = report.tables();
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

    private static String qualified(TableRows t) {
        return t.schema() == null ? t.name() : t.schema() + "." + t.name();
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }
}
