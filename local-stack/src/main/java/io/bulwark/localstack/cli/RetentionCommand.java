package io.bulwark.localstack.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code bulwark retention plan TARGET [--keep-daily N ...]}: the retention service's dry run ({@code GET
 * /api/retention/{targetId}} on the retention service, whose URL comes from {@code --retention-url}, env {@code
 * BULWARK_RETENTION_URL} or up.json). With {@code --keep-*} options, a preview of the configured policy with those
 * settings replaced (sent as the query parameters {@code keepLast ... keepManual}; the service checks them and answers
 * a 400 naming the wrong one). Changes nothing either way.
 */
@Command(name = "retention", mixinStandardHelpOptions = true, description = "The retention policy's decisions.")
public final class RetentionCommand {

    /** The preview options: each replaces one setting of the configured policy for this answer only. */
    static final class Preview {
        @Option(names = "--keep-last", paramLabel = "N", description = "Keep the N newest verified backups.")
        Integer keepLast;

        @Option(names = "--keep-hourly", paramLabel = "N", description = "Newest verified of each of N hours.")
        Integer keepHourly;

        @Option(names = "--keep-daily", paramLabel = "N", description = "Newest verified of each of N days.")
        Integer keepDaily;

        @Option(names = "--keep-weekly", paramLabel = "N", description = "Newest verified of each of N ISO weeks.")
        Integer keepWeekly;

        @Option(names = "--keep-monthly", paramLabel = "N", description = "Newest verified of each of N months.")
        Integer keepMonthly;

        @Option(names = "--keep-yearly", paramLabel = "N", description = "Newest verified of each of N years.")
        Integer keepYearly;

        @Option(
                names = "--keep-within",
                paramLabel = "D",
                description = "Every verified backup within D (e.g. 30d) of the newest verified.")
        String keepWithin;

        @Option(names = "--keep-failed", paramLabel = "D", description = "Keep FAILED/ERROR backups for D (7d).")
        String keepFailed;

        @Option(names = "--keep-manual", paramLabel = "D", description = "Keep manual backups for D.")
        String keepManual;
    }

    /** {@code retention plan TARGET}: what the policy would keep and delete now, and by which rule. */
    @Command(
            name = "plan",
            mixinStandardHelpOptions = true,
            description = "What the retention policy of TARGET would keep and delete now, and by which rule (changes"
                    + " nothing). --keep-* options preview another policy.")
    int plan(
            @Mixin ApiOptions api,
            @Parameters(paramLabel = "TARGET", description = "A target.") String target,
            @ArgGroup(exclusive = false, heading = "Preview another policy:%n") Preview preview) {
        Preview p = preview == null ? new Preview() : preview;
        String path = ApiClient.query(
                "/api/retention/" + target,
                ApiClient.params(
                        "keepLast", p.keepLast,
                        "keepHourly", p.keepHourly,
                        "keepDaily", p.keepDaily,
                        "keepWeekly", p.keepWeekly,
                        "keepMonthly", p.keepMonthly,
                        "keepYearly", p.keepYearly,
                        "keepWithin", p.keepWithin,
                        "keepFailed", p.keepFailed,
                        "keepManual", p.keepManual));
        JsonNode plan = api.retention().get(path);
        if (api.json()) {
            api.json(plan);
            return CliExit.OK;
        }
        api.out()
                .println("target " + Text.field(plan, "targetId") + ", policy " + Text.field(plan, "policy")
                        + (plan.path("preview").asBoolean(false) ? " (preview)" : "") + ", zone "
                        + Text.field(plan, "zone") + ": " + Text.field(plan, "keep") + " keep, "
                        + Text.field(plan, "delete") + " delete");
        Table table = new Table("BACKUP", "LABEL", "TIER", "COMPLETED", "OUTCOME", "ACTION", "RULES").keep(0);
        for (JsonNode b : plan.path("backups")) {
            table.row(
                    Text.field(b, "backupId"),
                    Text.field(b, "label"),
                    Text.field(b, "tier"),
                    Text.instantField(b, "completedAt"),
                    Text.field(b, "outcome"),
                    Text.field(b, "action"),
                    Text.field(b, "reason"));
        }
        api.table(table);
        return CliExit.OK;
    }
}
