package io.bulwark.localstack.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code bulwark retention plan TARGET}: the retention service's dry run ({@code GET /api/retention/{targetId}} on the
 * retention service, whose URL comes from {@code --retention-url}, env {@code BULWARK_RETENTION_URL} or up.json).
 */
@Command(name = "retention", mixinStandardHelpOptions = true, description = "The retention policy's decisions.")
public final class RetentionCommand {

    /** {@code retention plan TARGET}: what the policy would keep and delete now, and why. */
    @Command(
            name = "plan",
            mixinStandardHelpOptions = true,
            description = "What the retention policy of TARGET would keep and delete now, and why (changes nothing).")
    int plan(@Mixin ApiOptions api, @Parameters(paramLabel = "TARGET", description = "A target.") String target) {
        JsonNode plan = api.retention().get("/api/retention/" + target);
        if (api.json()) {
            api.json(plan);
            return CliExit.OK;
        }
        api.out().println("target " + Text.field(plan, "targetId") + ", policy " + Text.field(plan, "policy"));
        Table table = new Table("BACKUP", "TIER", "COMPLETED", "OUTCOME", "ACTION", "REASON").keep(0);
        for (JsonNode b : plan.path("backups")) {
            table.row(
                    Text.field(b, "backupId"),
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
