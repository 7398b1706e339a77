package io.bulwark.localstack.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code bulwark stats [TARGET] [--days N]}: success rates over 7 and 30 days, dump, verification and restore times
 * (p50, p95, trend) and artifact sizes ({@code GET /api/statistics}).
 */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Success rates, durations (p50/p95/trend) and sizes of the backups of one target or all.")
public final class StatsCommand implements Callable<Integer> {

    @Mixin
    ApiOptions api;

    @Parameters(arity = "0..1", paramLabel = "TARGET", description = "Only this target (default: all).")
    String target;

    @Option(names = "--days", paramLabel = "N", description = "The period, 1..366 days (the API's default: 30).")
    Integer days;

    @Override
    public Integer call() {
        JsonNode s =
                api.api().get(ApiClient.query("/api/statistics", ApiClient.params("targetId", target, "days", days)));
        if (api.json()) {
            api.json(s);
            return CliExit.OK;
        }
        api.out()
                .println((target == null ? "all targets" : "target " + target) + ", " + Text.field(s, "days")
                        + " days (" + Text.instantField(s, "from") + " to " + Text.instantField(s, "to") + ")");
        Table windows =
                new Table("WINDOW", "BACKUPS", "SUCCEEDED", "FAILED", "SUCCESS", "VERIFIED", "PASSED", "PASS RATE");
        s.path("windows").properties().forEach(e -> {
            JsonNode w = e.getValue();
            windows.row(
                    e.getKey(),
                    Text.field(w, "backups"),
                    Text.field(w, "succeeded"),
                    Text.field(w, "failed"),
                    Text.percent(w.get("successRate")),
                    Text.field(w, "verifications"),
                    Text.field(w, "passed"),
                    Text.percent(w.get("verificationPassRate")));
        });
        api.table(windows);
        api.out().println();
        Table times = new Table("DURATION", "COUNT", "P50", "P95", "TREND");
        for (String[] d :
                new String[][] {{"dump", "dumpMillis"}, {"verify", "verifyMillis"}, {"restore", "restoreMillis"}}) {
            JsonNode t = s.path(d[1]);
            long trend = Text.number(t, "trend");
            times.row(
                    d[0],
                    Text.field(t, "count"),
                    Text.millisField(t, "p50"),
                    Text.millisField(t, "p95"),
                    t.path("trend").isNumber() ? (trend >= 0 ? "+" : "-") + Text.millis(Math.abs(trend)) : Text.NONE);
        }
        api.table(times);
        api.out().println();
        JsonNode artifact = s.path("artifactBytes");
        api.out()
                .println("artifact: latest " + Text.bytesField(artifact, "latest") + ", p50 "
                        + Text.bytesField(artifact, "p50") + ", growth "
                        + (artifact.path("growthPercent").isNumber()
                                ? String.format(
                                        java.util.Locale.ROOT,
                                        "%+.1f%%",
                                        artifact.get("growthPercent").asDouble())
                                : Text.NONE)
                        + "; stored " + Text.bytesField(s, "storedBytes"));
        JsonNode verified = s.path("lastVerified");
        long rpo = Text.number(s, "rpoSeconds");
        api.out()
                .println("last verified: "
                        + (verified.isObject()
                                ? Text.instantField(verified, "verifiedAt") + " (backup "
                                        + Text.field(verified, "backupId") + ")"
                                : "never")
                        + "; objectives: RTO " + Text.millisField(s, "rtoMillis") + ", RPO "
                        + (rpo >= 0 ? Text.millis(rpo * 1000) : Text.NONE));
        api.out().flush();
        return CliExit.OK;
    }
}
