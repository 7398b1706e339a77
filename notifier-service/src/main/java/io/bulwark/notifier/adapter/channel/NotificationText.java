package io.bulwark.notifier.adapter.channel;

import io.bulwark.contracts.BackupReportIssued;
import io.bulwark.notifier.domain.Notification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words every channel shows for a notification, so that email, Slack, Teams and Discord say the same: a title
 * ({@code <SEVERITY> <summary>}), labelled facts (target, backup short id, outcome, failed checks, source-health
 * findings, reason, when) and, for the periodic report, one row per target. Stateless and thread-safe.
 */
final class NotificationText {

    /** The columns of the report table. */
    static final List<String> REPORT_COLUMNS =
            List.of("Target", "Taken", "Verified", "Failed", "RPO", "Restore p95 / RTO", "Storage", "Alerts");

    private NotificationText() {}

    /** {@code <SEVERITY> <summary>}. */
    static String title(Notification n) {
        return n.severity() + " " + n.summary();
    }

    /**
     * The facts worth a label, in display order, each present only when known: Target, Backup (first 8 characters of
     * the id), Outcome, Failed checks, Source health, Reason, Occurred at.
     */
    static List<Map.Entry<String, String>> facts(Notification n) {
        List<Map.Entry<String, String>> facts = new ArrayList<>();
        if (n.targetId() != null) {
            facts.add(Map.entry("Target", n.targetId()));
        }
        if (n.backupId() != null) {
            facts.add(Map.entry("Backup", n.backupId().toString().substring(0, 8)));
        }
        facts.add(Map.entry("Outcome", outcome(n.kind())));
        if (!n.failedChecks().isEmpty()) {
            facts.add(Map.entry("Failed checks", String.join(", ", n.failedChecks())));
        }
        if (!n.findings().isEmpty()) {
            facts.add(Map.entry("Source health", String.join("; ", n.findings())));
        }
        if (n.reason() != null) {
            facts.add(Map.entry("Reason", n.reason()));
        }
        if (n.occurredAt() != null) {
            facts.add(Map.entry("Occurred at", n.occurredAt().toString()));
        }
        return facts;
    }

    /**
     * What happened, from the kind: {@code verification.failed} is FAILED, {@code alert.rpo_breach.escalated} is
     * ESCALATED, {@code verification.source-health} is PASSED (the source has flaws), {@code report.periodic} is
     * REPORT.
     */
    static String outcome(String kind) {
        if (kind.equals("verification.source-health")) {
            return "PASSED (the source has flaws)";
        }
        return kind.substring(kind.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
    }

    /** The report's rows, one per target, in {@link #REPORT_COLUMNS} order; empty without a report. */
    static List<List<String>> reportRows(Notification n) {
        BackupReportIssued report = n.report();
        if (report == null) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        for (BackupReportIssued.TargetSummary t : report.targets()) {
            rows.add(List.of(
                    t.targetId(),
                    Integer.toString(t.backupsTaken()),
                    Integer.toString(t.backupsVerified()),
                    Integer.toString(t.backupsFailed()),
                    (t.rpoMet() ? "met" : "MISSED") + " (" + duration(t.rpoSeconds()) + ")",
                    t.restoreP95Seconds() == null
                            ? "no restore / " + duration(t.rtoSeconds())
                            : duration(Math.round(t.restoreP95Seconds())) + " / " + duration(t.rtoSeconds())
                                    + (Boolean.FALSE.equals(t.rtoMet()) ? " MISSED" : ""),
                    bytes(t.storageBytes()) + " (" + (t.storageGrowthBytes() >= 0 ? "+" : "-")
                            + bytes(Math.abs(t.storageGrowthBytes())) + ")",
                    Integer.toString(t.openAlerts())));
        }
        return rows;
    }

    /** The report's table as fixed-width text lines (header, rule, rows); empty without a report. */
    static List<String> reportTable(Notification n) {
        List<List<String>> rows = reportRows(n);
        if (rows.isEmpty()) {
            return List.of();
        }
        int[] widths = new int[REPORT_COLUMNS.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(REPORT_COLUMNS);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < all.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(String.format(
                        Locale.ROOT, "%-" + widths[i] + "s", all.get(r).get(i)));
                if (i < widths.length - 1) {
                    line.append("  ");
                }
            }
            lines.add(line.toString().stripTrailing());
            if (r == 0) {
                lines.add("-".repeat(line.toString().stripTrailing().length()));
            }
        }
        return lines;
    }

    /** The plain-text body: summary, facts, report table and link, one per line. */
    static String plainText(Notification n) {
        StringBuilder text = new StringBuilder(n.summary()).append("\n\n");
        for (Map.Entry<String, String> fact : facts(n)) {
            text.append(fact.getKey()).append(": ").append(fact.getValue()).append('\n');
        }
        List<String> table = reportTable(n);
        if (!table.isEmpty()) {
            text.append('\n');
            table.forEach(line -> text.append(line).append('\n'));
        }
        if (n.link() != null) {
            text.append("\nDetails: ").append(n.link()).append('\n');
        }
        text.append("\nNotification ")
                .append(n.notificationId())
                .append(" (")
                .append(n.kind())
                .append(")\n");
        return text.toString();
    }

    /** {@code 90000} seconds as {@code 25h}, {@code 5400} as {@code 90m}, {@code 30} as {@code 30s}. */
    static String duration(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (seconds % 3600 == 0 && seconds > 0) {
            return d.toHours() + "h";
        }
        if (seconds % 60 == 0 && seconds > 0) {
            return d.toMinutes() + "m";
        }
        return seconds + "s";
    }

    /** Bytes in binary units with one decimal: {@code 1536} as {@code 1.5 KiB}. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
