package io.bulwark.localstack.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code bulwark report [--send] [--json]}: the periodic backup report, one row per target (backups taken, verified
 * and failed in the period, RPO and RTO met, storage and its growth, open alerts). Without {@code --send} the newest
 * stored report ({@code GET /api/reports?limit=1}); with it, a report of the last period issued and published now
 * ({@code POST /api/reports}, operator role) to the channels that take reports. Not to be confused with {@code backup
 * report}, the verification report of one backup.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "The periodic backup report of every target (the newest, or --send one now).")
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    ApiOptions api;

    @Option(
            names = "--send",
            description = "Issue the report of the last period now and publish it to the notification channels.")
    boolean send;

    @Override
    public Integer call() {
        JsonNode report;
        if (send) {
            report = api.api().post("/api/reports", null);
        } else {
            JsonNode page = api.api().get("/api/reports?limit=1");
            JsonNode items = page.path("items");
            if (items.isEmpty()) {
                if (api.json()) {
                    api.json(page);
                } else {
                    api.out().println("no backup report yet; ./bulwark report --send issues one");
                    api.out().flush();
                }
                return CliExit.OK;
            }
            report = items.get(0);
        }
        if (api.json()) {
            api.json(report);
            return CliExit.OK;
        }
        api.out()
                .println("backup report " + Text.field(report, "reportId") + " (" + Text.field(report, "trigger")
                        + "), " + Text.instantField(report, "periodStart") + " to "
                        + Text.instantField(report, "periodEnd") + "; "
                        + (report.path("publishedAt").isNull()
                                        || report.path("publishedAt").isMissingNode()
                                ? "not published yet (retried by the scheduler)"
                                : "published " + Text.instantField(report, "publishedAt")));
        Table table = new Table(
                "TARGET",
                "TAKEN",
                "VERIFIED",
                "FAILED",
                "RPO",
                "RPO MET",
                "LAST VERIFIED",
                "RTO",
                "RESTORE P95",
                "RTO MET",
                "STORED",
                "GROWTH",
                "ALERTS");
        for (JsonNode t : report.path("targets")) {
            table.row(
                    Text.field(t, "targetId"),
                    Text.field(t, "backupsTaken"),
                    Text.field(t, "backupsVerified"),
                    Text.field(t, "backupsFailed"),
                    seconds(t, "rpoSeconds"),
                    yesNo(t.get("rpoMet")),
                    Text.instantField(t, "latestVerifiedAt"),
                    seconds(t, "rtoSeconds"),
                    t.path("restoreP95Seconds").isNumber()
                            ? Text.millis(Math.round(t.get("restoreP95Seconds").asDouble() * 1000))
                            : Text.NONE,
                    yesNo(t.get("rtoMet")),
                    Text.bytesField(t, "storageBytes"),
                    growth(Text.number(t, "storageGrowthBytes")),
                    Text.field(t, "openAlerts"));
        }
        api.table(table);
        JsonNode link = report.get("link");
        if (link != null && link.isString()) {
            api.out().println("dashboard: " + link.asString());
        }
        api.out().flush();
        return CliExit.OK;
    }

    private static String seconds(JsonNode json, String field) {
        long seconds = Text.number(json, field);
        return seconds < 0 ? Text.NONE : Text.millis(seconds * 1000);
    }

    private static String yesNo(JsonNode value) {
        return value == null || !value.isBoolean() ? Text.NONE : value.asBoolean() ? "yes" : "NO";
    }

    private static String growth(long bytes) {
        return String.format(Locale.ROOT, "%s%s", bytes < 0 ? "-" : "+", Text.bytes(Math.abs(bytes)));
    }
}
